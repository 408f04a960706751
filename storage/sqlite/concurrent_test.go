package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// Two Saywho processes may open the same project: SQLite's locking (WAL,
// a busy timeout, immediate write transactions) serialises their writes.
// This test proves it with two OS processes writing at once while a third
// reader polls.

// writerActions is how many annotations each writer process adds.
const writerActions = 120

func runWriterHelper(path string, seed uint64) error {
	p, err := Open(path, OpenOptions{})
	if err != nil {
		return err
	}
	defer p.Close()
	who, err := p.EnsureAnnotator(bg, fmt.Sprintf("writer %d", seed))
	if err != nil {
		return err
	}
	code, err := p.AddCode(bg, storage.Code{ID: crashID("writer code", seed), Name: fmt.Sprintf("writer %d code", seed)})
	if err != nil {
		return err
	}
	docs, err := p.Documents(bg)
	if err != nil {
		return err
	}
	speakers, err := p.Speakers(bg)
	if err != nil || len(speakers) == 0 {
		return fmt.Errorf("no speaker (%v)", err)
	}
	rng := rand.New(rand.NewPCG(seed, 3))
	say("ready")
	for i := range writerActions {
		d := docs[i%len(docs)]
		s := rng.IntN(d.Length - 1)
		a, err := p.AddAnnotation(bg, storage.Annotation{ID: crashID("writer", seed, i), DocumentID: d.ID, Kind: storage.KindQuote, Start: s, End: s + 1,
			AnnotatorID: who.ID, Codes: []string{code.ID}})
		if err != nil {
			return err
		}
		say("annotation %s", a.ID)
		switch i % 3 {
		case 0:
			r, err := p.Link(bg, storage.Relation{ID: crashID("writer link", seed, i), Type: storage.RelSaidBy, SourceID: a.ID, TargetSpeakerID: speakers[0].ID})
			if err != nil {
				return err
			}
			say("link %s", r.ID)
		case 1:
			a.Note = fmt.Sprintf("edited by writer %d", seed)
			if _, err := p.UpdateAnnotation(bg, a); err != nil {
				return err
			}
			say("note %s", a.ID)
		case 2:
			if err := p.SetMemo(bg, d.ID, who.ID, fmt.Sprintf("writer %d memo %d", seed, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

func TestTwoProcessesWriteOneProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.saywho")
	crashProject(t, path)
	reader, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var stop atomic.Bool
	var reads int
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			if _, err := reader.Stats(bg); err != nil {
				readErr = err
				return
			}
			reads++
		}
	}()
	writers := []*helperProc{startHelper(t, "writer", path, 1), startHelper(t, "writer", path, 2)}
	for i, h := range writers {
		if err := h.wait(); err != nil {
			t.Fatalf("writer %d: %v", i+1, err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if readErr != nil {
		t.Fatalf("a reader failed while two processes wrote: %v", readErr)
	}
	p, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	verifySound(t, p)
	for i, h := range writers {
		checkWriter(t, p, uint64(i+1), h.output())
	}
	st, err := p.Stats(bg)
	if err != nil {
		t.Fatal(err)
	}
	if st.Annotations != 2*writerActions || st.Relations != 2*((writerActions+2)/3) {
		t.Fatalf("%d annotations and %d links, want %d and %d", st.Annotations, st.Relations, 2*writerActions, 2*((writerActions+2)/3))
	}
	t.Logf("two processes wrote %d annotations, %d links and their edits concurrently; a reader read the counts %d times meanwhile",
		st.Annotations, st.Relations, reads)
}

// checkWriter verifies that everything a writer reported is there.
func checkWriter(t *testing.T, p *Project, seed uint64, lines []string) {
	t.Helper()
	code := crashID("writer code", seed)
	var n int
	for _, l := range lines {
		what, id, _ := strings.Cut(l, " ")
		switch what {
		case "annotation", "note":
			a, err := p.Annotation(bg, id)
			if err != nil {
				t.Fatalf("writer %d: %s %s: %v", seed, what, id, err)
			}
			if len(a.Codes) != 1 || a.Codes[0] != code {
				t.Fatalf("writer %d: annotation %s has codes %v", seed, id, a.Codes)
			}
			if what == "note" && a.Note != fmt.Sprintf("edited by writer %d", seed) {
				t.Fatalf("writer %d: annotation %s lost its edit: %q", seed, id, a.Note)
			}
			if what == "annotation" {
				n++
			}
		case "link":
			if _, err := p.Relation(bg, id); err != nil {
				t.Fatalf("writer %d: link %s: %v", seed, id, err)
			}
		}
	}
	if n != writerActions {
		t.Fatalf("writer %d reported %d annotations, want %d", seed, n, writerActions)
	}
}
