package sqlite

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// crashBundleDocs is the size of the batch the import crash test merges:
// smaller under the race detector, which slows SQLite down.
func crashBundleDocs() int {
	if raceBuild {
		return 12
	}
	return 40
}

func crashID(parts ...any) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("saywho-import/"+fmt.Sprint(parts...))).String()
}

// crashBundle builds the same batch every time: documents with quotes,
// mentions, cues, claims, codes, links and memos.
func crashBundle() *storage.Bundle {
	at := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	coder := crashID("coder")
	b := &storage.Bundle{
		Annotators: []storage.Annotator{{ID: coder, Name: "importing coder", Created: at}},
		Codes: []storage.Code{
			{ID: crashID("code", 2), ParentID: crashID("code", 1), Name: "Transport", Color: "#FF7F0E", Created: at},
			{ID: crashID("code", 1), Name: "Topics", Created: at},
		},
		Speakers: []storage.Speaker{{ID: crashID("speaker"), Name: "José Nuñez", Aliases: []string{"the councillor"}, Created: at, Modified: at}},
	}
	for i := range crashBundleDocs() {
		text := textutil.Normalize(strings.Repeat(crashArticle(1_000_000+i), 1+i%4))
		d := storage.Document{ID: crashID("doc", i), Title: fmt.Sprintf("Batch article %d", i), Format: "txt", Imported: at,
			Status: storage.StatusNew, SHA256: textutil.SHA256(text), Length: len([]rune(text)), Text: text}
		b.Documents = append(b.Documents, d)
		ann := func(k int, kind storage.Kind, exact string, codes ...string) storage.Annotation {
			r := storage.FindAll(text, exact)[0]
			return storage.Annotation{ID: crashID("ann", i, k), DocumentID: d.ID, Kind: kind, Start: r.Start, End: r.End,
				Text: string([]rune(text)[r.Start:r.End]), AnnotatorID: coder, Codes: codes, Created: at, Modified: at, Origin: storage.OriginHuman}
		}
		quote := ann(0, storage.KindQuote, "“The bridge reopens on Monday,”", crashID("code", 2))
		mayor := ann(1, storage.KindSpeakerMention, "The mayor 👩🏽‍⚖️")
		cue := ann(2, storage.KindCue, "said")
		claim := ann(3, storage.KindClaim, "the repairs cost less than planned", crashID("code", 1), crashID("code", 2))
		jose := ann(4, storage.KindSpeakerMention, "José Nuñez")
		jose.SpeakerID = crashID("speaker")
		coded := ann(5, storage.KindCode, "東京 officials", crashID("code", 1))
		b.Annotations = append(b.Annotations, quote, mayor, cue, claim, jose, coded)
		rel := func(k int, t storage.RelationType, src, dst storage.Annotation, speaker string) storage.Relation {
			r := storage.Relation{ID: crashID("rel", i, k), Type: t, SourceID: src.ID, TargetID: dst.ID, TargetSpeakerID: speaker, AnnotatorID: coder, Created: at}
			if speaker != "" {
				r.TargetID = ""
			}
			return r
		}
		b.Relations = append(b.Relations, rel(0, storage.RelSaidBy, quote, mayor, ""), rel(1, storage.RelCueOf, cue, quote, ""),
			rel(2, storage.RelClaimedBy, claim, storage.Annotation{}, crashID("speaker")), rel(3, storage.RelStatedIn, claim, quote, ""))
		b.Memos = append(b.Memos, storage.Memo{ID: crashID("memo", i), DocumentID: d.ID, AnnotatorID: coder, Text: fmt.Sprintf("memo %d ✍️", i), Created: at, Modified: at})
	}
	return b
}

func runImportHelper(path string, _ uint64) error { return importBatch(path, crashBundle()) }

// importBatch merges b into the project at path, saying "ready" once the
// project is open and "done N" after each document.
func importBatch(path string, b *storage.Bundle) error {
	p, err := Open(path, OpenOptions{})
	if err != nil {
		return err
	}
	defer p.Close()
	say("ready")
	_, err = p.Merge(bg, b, func(done, total int) { say("done %d", done) })
	if err != nil {
		return err
	}
	say("finished")
	return nil
}

func TestCrashBatchImport(t *testing.T) {
	kills := crashKills(60, 6, 3)
	b := crashBundle()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	round, killed, partial, midCheckpoint := 0, 0, 0, 0
	newRound := func() string {
		round++
		path := filepath.Join(dir, fmt.Sprintf("round%d.saywho", round))
		p, err := Create(path, "import crash test")
		if err != nil {
			t.Fatal(err)
		}
		p.Close()
		return path
	}
	path := newRound()
	// One undisturbed run sets the time scale of the kills.
	h, full := undisturbedRun(t, "import", path)
	if n := checkImport(t, path, b, h.output()); n != len(b.Documents) {
		t.Fatalf("an undisturbed import left %d of %d documents", n, len(b.Documents))
	}
	path = newRound()
	left, span := len(b.Documents), full
	for killed < kills {
		h := startHelper(t, "import", path, 0)
		select {
		case <-h.ready:
		case <-h.eof:
		}
		// A kill anywhere in what is left to import, or just after.
		time.Sleep(time.Duration(rng.Int64N(int64(span) * int64(left+1) / int64(len(b.Documents)))))
		k, err := h.kill()
		if err != nil {
			t.Fatalf("the import helper failed: %v", err)
		}
		if k {
			killed++
		} else {
			span = span * 3 / 4 // the machine is faster than measured
		}
		if hd, err := readHeader(path); err == nil && hd.short {
			midCheckpoint++
		}
		n := checkImport(t, path, b, h.output())
		if k && n > 0 && n < len(b.Documents) {
			partial++
		}
		left = len(b.Documents) - n
		if left == 0 {
			path, left = newRound(), len(b.Documents)
		}
	}
	t.Logf("%d kills over %d projects (an undisturbed import of %d documents took %v); %d kills left a partial import, every document whole or absent; "+
		"%d fell inside a checkpoint (file shorter than its header, recovered from the log)",
		killed, round-1, len(b.Documents), full.Round(time.Millisecond), partial, midCheckpoint)
}

// undisturbedRun runs a helper to its end and returns it with how long
// it worked after saying "ready".
func undisturbedRun(t *testing.T, mode, path string) (*helperProc, time.Duration) {
	t.Helper()
	h := startHelper(t, mode, path, 0)
	<-h.ready
	began := time.Now()
	if err := h.wait(); err != nil {
		t.Fatal(err)
	}
	return h, time.Since(began)
}

// openStopped opens a copy of a project as a stopped (or killed) helper
// left it, checks it is sound, and closes it when the test ends.
func openStopped(t *testing.T, live string) *Project {
	t.Helper()
	p, err := Open(copyProject(t, live, t.TempDir()), OpenOptions{})
	if err != nil {
		t.Fatalf("the project does not open after the import stopped: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	verifySound(t, p)
	return p
}

// checkImport checks a copy of the project after an import stopped: every
// document of the batch is there whole (text, hash, annotations with their
// codes, links, memo) or absent with nothing of it; the ones present come
// first in batch order and include every one the helper reported done. It
// returns how many are present.
func checkImport(t *testing.T, live string, b *storage.Bundle, lines []string) int {
	t.Helper()
	p := openStopped(t, live)
	reported := 0
	for _, l := range lines {
		fmt.Sscanf(l, "done %d", &reported)
	}
	present := 0
	for i, want := range b.Documents {
		got, err := p.Document(bg, want.ID)
		if errors.Is(err, storage.ErrNotFound) {
			checkAbsent(t, p, b, want.ID)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if present != i {
			t.Fatalf("document %d is there but document %d is not", i, present)
		}
		present++
		checkWhole(t, p, b, want, got)
	}
	if present < reported {
		t.Fatalf("the helper reported %d documents done, the project holds %d", reported, present)
	}
	return present
}

func checkWhole(t *testing.T, p *Project, b *storage.Bundle, want, got storage.Document) {
	t.Helper()
	if got.Text != want.Text || got.SHA256 != want.SHA256 || textutil.SHA256(got.Text) != want.SHA256 || got.Length != want.Length {
		t.Fatalf("document %q: text or hash differs from the imported file", want.Title)
	}
	anns, err := p.Annotations(bg, storage.Filter{DocumentID: want.ID})
	if err != nil {
		t.Fatal(err)
	}
	var gotAnns, wantAnns []string
	for _, a := range anns {
		gotAnns = append(gotAnns, fmt.Sprint(a.ID, a.Kind, a.Start, a.End, a.Text, a.Codes, a.SpeakerID, a.AnnotatorID))
	}
	for _, a := range b.Annotations {
		if a.DocumentID == want.ID {
			codes := slices.Sorted(slices.Values(a.Codes))
			wantAnns = append(wantAnns, fmt.Sprint(a.ID, a.Kind, a.Start, a.End, a.Text, codes, a.SpeakerID, a.AnnotatorID))
		}
	}
	slices.Sort(gotAnns)
	slices.Sort(wantAnns)
	if !reflect.DeepEqual(gotAnns, wantAnns) {
		t.Fatalf("document %q: annotations differ:\n%s", want.Title, diffLines(wantAnns, gotAnns, 10))
	}
	rels, err := p.Relations(bg, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	var gotRels, wantRels []string
	for _, r := range rels {
		gotRels = append(gotRels, fmt.Sprint(r.ID, r.Type, r.SourceID, r.TargetID, r.TargetSpeakerID))
	}
	for _, r := range b.Relations {
		if inDoc(b, r.SourceID, want.ID) {
			wantRels = append(wantRels, fmt.Sprint(r.ID, r.Type, r.SourceID, r.TargetID, r.TargetSpeakerID))
		}
	}
	slices.Sort(gotRels)
	slices.Sort(wantRels)
	if !reflect.DeepEqual(gotRels, wantRels) {
		t.Fatalf("document %q: links differ:\n%s", want.Title, diffLines(wantRels, gotRels, 10))
	}
	memos, err := p.Memos(bg, want.ID)
	var wantMemos []storage.Memo
	for _, m := range b.Memos {
		if m.DocumentID == want.ID {
			wantMemos = append(wantMemos, m)
		}
	}
	if err != nil || len(memos) != len(wantMemos) || memos[0].ID != wantMemos[0].ID || memos[0].Text != wantMemos[0].Text {
		t.Fatalf("document %q: memos %v, want %v (%v)", want.Title, memos, wantMemos, err)
	}
}

func inDoc(b *storage.Bundle, annID, docID string) bool {
	for _, a := range b.Annotations {
		if a.ID == annID {
			return a.DocumentID == docID
		}
	}
	return false
}

// checkAbsent fails if anything of an absent document made it in.
func checkAbsent(t *testing.T, p *Project, b *storage.Bundle, docID string) {
	t.Helper()
	for _, a := range b.Annotations {
		if a.DocumentID != docID {
			continue
		}
		if _, err := p.Annotation(bg, a.ID); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("annotation %s of an absent document: %v", a.ID, err)
		}
	}
	for _, r := range b.Relations {
		if inDoc(b, r.SourceID, docID) {
			if _, err := p.Relation(bg, r.ID); !errors.Is(err, storage.ErrNotFound) {
				t.Fatalf("link %s of an absent document: %v", r.ID, err)
			}
		}
	}
	var n int
	if err := p.DB().QueryRow("SELECT count(*) FROM memos WHERE document_id = ?", docID).Scan(&n); err != nil || n != 0 {
		t.Fatalf("memos of an absent document: %d (%v)", n, err)
	}
}
