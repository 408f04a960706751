package qdpx

import (
	"bytes"
	"io"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// BenchmarkExportImport writes and reads a .qdpx of 400 documents with
// 4,200 annotations.
func BenchmarkExportImport(b *testing.B) {
	h, _ := fixture.Harbour()
	big := fixture.Repeat(h, 200)
	var buf bytes.Buffer
	if err := Export(big, &buf, Options{}); err != nil {
		b.Fatal(err)
	}
	b.Run("export", func(b *testing.B) {
		for b.Loop() {
			if err := Export(big, io.Discard, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Import(buf.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
