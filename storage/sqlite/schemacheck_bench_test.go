package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// sizedProject writes a closed project of docs documents with 30
// annotations each and returns its path.
func sizedProject(b *testing.B, docs int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.saywho", docs))
	p, err := Create(path, "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	who, _ := p.EnsureAnnotator(bg, "coder")
	sentence := "Minister Example said that the plan would work. "
	err = p.write(bg, "Test set-up", func(q querier) error {
		for d := 0; d < docs; d++ {
			doc, err := addDocument(q, storage.Document{Title: fmt.Sprint("Doc ", d), Text: fmt.Sprintf("Doc %d\n", d) + strings.Repeat(sentence, 30)})
			if err != nil {
				return err
			}
			for k := 0; k < 30; k++ {
				off := 8 + k*len(sentence)
				if _, err := p.addAnnotation(q, storage.Annotation{DocumentID: doc.ID, Kind: storage.KindQuote, Start: off, End: off + 20, AnnotatorID: who.ID}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkSchemaCheck measures the structure comparison Open makes
// (reading sqlite_schema and comparing it with the cached expected
// structure) on a project of 1 document and one of 1,000 documents with
// 30,000 annotations: it reads no rows, so its cost does not grow with the
// project. "expected" is the one-time cost of building the expected
// structure in memory; "open" is the whole Open of the large project, for
// scale (its quick_check reads every page).
func BenchmarkSchemaCheck(b *testing.B) {
	for _, docs := range []int{1, 1000} {
		path := sizedProject(b, docs)
		db, err := readDB(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("compare/%d-docs", docs), func(b *testing.B) {
			for b.Loop() {
				diffs, err := schemaDifferences(db, SchemaVersion)
				if err != nil || len(diffs) > 0 {
					b.Fatal(diffs, err)
				}
			}
		})
		db.Close()
		if docs > 1 {
			b.Run(fmt.Sprintf("open/%d-docs", docs), func(b *testing.B) {
				for b.Loop() {
					p, err := Open(path, OpenOptions{})
					if err != nil {
						b.Fatal(err)
					}
					p.Close()
				}
			})
		}
	}
	b.Run("expected", func(b *testing.B) {
		for b.Loop() {
			expected.Lock()
			expected.byVersion = nil
			expected.Unlock()
			if _, err := expectedSchema(SchemaVersion); err != nil {
				b.Fatal(err)
			}
		}
	})
}
