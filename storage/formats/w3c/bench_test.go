package w3c

import (
	"io"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/textutil"
)

// BenchmarkExport exports 400 documents with 4,200 annotations and 3,000
// relations.
func BenchmarkExport(b *testing.B) {
	h, _ := fixture.Harbour()
	big := fixture.Repeat(h, 200)
	for _, opts := range []Options{{}, {JSONL: true, OffsetUnit: textutil.UnitUTF16}} {
		name := "collection"
		if opts.JSONL {
			name = "jsonl-utf16"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := Export(big, io.Discard, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
