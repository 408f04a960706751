package sqlite

import (
	"path/filepath"
	"testing"
)

// BenchmarkMergeAgain merges the crash batch into a project that already
// holds it: the cost of resuming an import (every document and annotation
// looked up, nothing written).
func BenchmarkMergeAgain(b *testing.B) {
	p, err := Create(filepath.Join(b.TempDir(), "p.saywho"), "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	batch := crashBundle()
	if _, err := p.Merge(bg, batch, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := p.Merge(bg, batch, nil); err != nil {
			b.Fatal(err)
		}
	}
}
