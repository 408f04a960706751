package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// BenchmarkSets measures listing the sets with their members, which the
// window reloads after every action, on 2,000 articles of 3,000
// characters in 10 sets of 400 (each article in two sets).
func BenchmarkSets(b *testing.B) {
	p, err := Create(filepath.Join(b.TempDir(), "bench.saywho"), "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	var ids []string
	err = p.write(bg, "Test set-up", func(q querier) error {
		for d := 0; d < 2000; d++ {
			doc, err := addDocument(q, storage.Document{Title: fmt.Sprint("Doc ", d), Text: fmt.Sprintf("Article %d\n", d) + strings.Repeat("The minister said on Monday that the plan would work. ", 60)})
			if err != nil {
				return err
			}
			ids = append(ids, doc.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for s := 0; s < 10; s++ {
		var members []string
		for d := s * 200; d < s*200+400; d++ {
			members = append(members, ids[d%len(ids)])
		}
		if _, err := p.CreateSet(bg, fmt.Sprintf("Set %02d", s), "", members); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sets, err := p.Sets(bg)
		if err != nil || len(sets) != 10 || len(sets[0].DocumentIDs) != 400 {
			b.Fatalf("sets: %v, %d", err, len(sets))
		}
	}
}
