package brat

import (
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// BenchmarkRenderImport renders and reads back 400 documents with 4,200
// annotations, and imports the PolNeAR development corpus when present.
func BenchmarkRenderImport(b *testing.B) {
	h, _ := fixture.Harbour()
	big := fixture.Repeat(h, 200)
	out, _, err := Render(big, Options{})
	if err != nil {
		b.Fatal(err)
	}
	files := filesOf(out)
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Render(big, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Import(files, ImportOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import-polnear", func(b *testing.B) {
		corpus := readCorpus(b, sharedtest.Path(b, "the PolNeAR import benchmark", "corpus", "polnear-dev"))
		for b.Loop() {
			if _, _, err := Import(corpus, ImportOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
