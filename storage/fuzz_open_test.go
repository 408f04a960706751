package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpen writes arbitrary bytes to a project file and opens it: Open
// must refuse the file with one of the package's errors or open it, and an
// opened project must answer Check, Stats and Snapshot without panicking.
// Seeds: a real project and damaged copies of it (added here), and small
// hand-made headers in testdata/fuzz/FuzzOpen.
func FuzzOpen(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.saywho")
	p, err := Create(path, "fuzz seed")
	if err != nil {
		f.Fatal(err)
	}
	d, err := p.AddDocument(Document{Title: "Seed", Text: unicodeText})
	if err != nil {
		f.Fatal(err)
	}
	who, _ := p.EnsureAnnotator("coder")
	if _, err := p.AddAnnotation(Annotation{DocumentID: d.ID, Kind: KindQuote, Start: 3, End: 12, AnnotatorID: who.ID}); err != nil {
		f.Fatal(err)
	}
	p.Close()
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(good[:4096])
	newer := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(newer[60:], uint32(SchemaVersion+1))
	f.Add(newer)
	for _, page := range []int{1, 2, 5} { // damage inside the b-trees
		bad := append([]byte(nil), good...)
		for i := page * 4096; i < page*4096+64 && i < len(bad); i++ {
			bad[i] ^= 0x5a
		}
		f.Add(bad)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.saywho")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := Open(path, OpenOptions{})
		if err != nil {
			if !isOpenError(err) {
				t.Fatalf("refused with an unexplained error: %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Fatalf("refused (%v) but changed the file", err)
			}
			return
		}
		defer p.Close()
		p.Check()
		p.Stats()
		p.Snapshot(SnapshotOptions{})
	})
}

// openErrors are the errors Open refuses a file with.
var openErrors = []error{ErrNotProject, ErrForeign, ErrCorrupt, ErrNewerVersion, ErrSchemaMismatch}

func isOpenError(err error) bool {
	for _, e := range openErrors {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
