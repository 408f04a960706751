package tabular

import (
	"io"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// BenchmarkExport exports 400 documents with 4,200 annotations.
func BenchmarkExport(b *testing.B) {
	h, _ := fixture.Harbour()
	big := fixture.Repeat(h, 200)
	b.Run("jsonl", func(b *testing.B) {
		for b.Loop() {
			if err := ExportJSONL(big, io.Discard, JSONLOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("csv", func(b *testing.B) {
		for b.Loop() {
			if err := ExportCSV(big, io.Discard, CSVOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
