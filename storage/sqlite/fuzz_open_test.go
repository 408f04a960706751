package sqlite

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// addProjectSeeds adds a real project and damaged copies of it as seeds:
// cut short, from a newer Saywho, with bytes flipped inside the b-trees,
// and with its structure changed by another program (a table dropped, a
// trigger added).
func addProjectSeeds(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.saywho")
	p, err := Create(path, "fuzz seed")
	if err != nil {
		f.Fatal(err)
	}
	d, err := p.AddDocument(bg, storage.Document{Title: "Seed", Text: unicodeText})
	if err != nil {
		f.Fatal(err)
	}
	who, _ := p.EnsureAnnotator(bg, "coder")
	if _, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 3, End: 12, AnnotatorID: who.ID}); err != nil {
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
	for i, stmts := range [][]string{
		{"DROP TABLE relations"},
		{"CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM annotations; END"},
		{"ALTER TABLE annotations RENAME COLUMN note TO remark", "CREATE VIEW v AS SELECT * FROM annotations"},
	} {
		changed := filepath.Join(f.TempDir(), "changed.saywho")
		if err := os.WriteFile(changed, good, 0o644); err != nil {
			f.Fatal(err)
		}
		rawExec(f, changed, stmts...)
		data, err := os.ReadFile(changed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		if i == 0 { // and damaged too
			data[len(data)-100] ^= 0xff
			f.Add(data)
		}
	}
}

// FuzzOpen writes arbitrary bytes to a project file and opens it: Open
// must refuse the file with one of the package's errors or open it, and an
// opened project must answer Check, Stats and Snapshot without panicking.
// Seeds: addProjectSeeds, and small hand-made headers in
// testdata/fuzz/FuzzOpen.
func FuzzOpen(f *testing.F) {
	addProjectSeeds(f)
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
		p.Check(bg)
		p.Stats(bg)
		p.Snapshot(bg, storage.SnapshotOptions{})
	})
}

// FuzzRepair repairs arbitrary bytes as a project: Repair must refuse them
// with one of the package's errors, or write a project that Open accepts
// and Check finds sound; either way the bytes are left as they were.
func FuzzRepair(f *testing.F) {
	addProjectSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "fuzz.saywho")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, "repaired.saywho")
		_, err := Repair(bg, path, dst)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
			t.Fatalf("repair (%v) changed the file", err)
		}
		if err != nil {
			if !isOpenError(err) {
				t.Fatalf("refused with an unexplained error: %v", err)
			}
			if _, statErr := os.Stat(dst); statErr == nil {
				t.Fatalf("refused (%v) but wrote %s", err, dst)
			}
			return
		}
		p, err := Open(dst, OpenOptions{})
		if err != nil {
			t.Fatalf("the repaired project does not open: %v", err)
		}
		defer p.Close()
		if problems, err := p.Check(bg); err != nil || len(problems) > 0 {
			t.Fatalf("the repaired project is not sound: %v %v", problems, err)
		}
	})
}

// openErrors are the errors Open refuses a file with.
var openErrors = []error{storage.ErrNotProject, storage.ErrForeign, storage.ErrCorrupt, storage.ErrNewerVersion, storage.ErrSchemaMismatch}

func isOpenError(err error) bool {
	for _, e := range openErrors {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
