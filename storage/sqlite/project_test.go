package sqlite

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// unicodeText mixes emoji (astral plane), combining marks, CJK and RTL.
const unicodeText = "Minister 👩🏽‍💼 Zoë said: “We won’t yield.”\n北京 officials replied 「不」.\nשלום and مرحبا, wrote Renée 🇺🇦.\n"

func newProject(t *testing.T) *Project {
	t.Helper()
	p, err := Create(filepath.Join(t.TempDir(), "p.saywho"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func seed(t *testing.T, p *Project) (storage.Document, storage.Annotator) {
	t.Helper()
	return seedText(t, p, unicodeText)
}

// seedText adds a document with text and the coder "coder".
func seedText(t *testing.T, p *Project, text string) (storage.Document, storage.Annotator) {
	t.Helper()
	d, err := p.AddDocument(bg, storage.Document{Title: "Test", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.EnsureAnnotator(bg, "coder")
	if err != nil {
		t.Fatal(err)
	}
	return d, a
}

// span returns the code-point range of the first occurrence of s.
func span(t *testing.T, text, s string) (int, int) {
	t.Helper()
	r := storage.FindAll(text, s)
	if len(r) == 0 {
		t.Fatalf("%q not in text", s)
	}
	return r[0].Start, r[0].End
}

func TestCreateOpenRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.saywho")
	p, err := Create(path, "My study")
	if err != nil {
		t.Fatal(err)
	}
	id := p.Info().ID
	p.Close()
	if _, err := Create(path, "again"); !errors.Is(err, storage.ErrExists) {
		t.Fatalf("Create over an existing file: %v", err)
	}
	p, err = Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if p.Info().ID != id || p.Info().Name != "My study" {
		t.Fatalf("info = %+v", p.Info())
	}
}

func TestAnnotationOffsetsUnicode(t *testing.T) {
	p := newProject(t)
	d, who := seed(t, p)
	cases := []string{"👩🏽‍💼 Zoë", "“We won’t yield.”", "北京", "「不」", "שלום", "مرحبا", "Renée 🇺🇦"}
	for _, exact := range cases {
		s, e := span(t, d.Text, exact)
		a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: s, End: e, AnnotatorID: who.ID})
		if err != nil {
			t.Fatalf("%q: %v", exact, err)
		}
		if got := string([]rune(d.Text)[a.Start:a.End]); got != exact || a.Text != exact {
			t.Errorf("[%d,%d) = %q / %q, want %q", a.Start, a.End, got, a.Text, exact)
		}
		back, err := p.Annotation(bg, a.ID)
		if err != nil || back.Text != exact || back.Start != s {
			t.Errorf("stored %+v, %v", back, err)
		}
	}
}

func TestAnnotationRejects(t *testing.T) {
	p := newProject(t)
	d, who := seed(t, p)
	n := len([]rune(d.Text))
	cases := []struct {
		name string
		a    storage.Annotation
	}{
		{"negative", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: -1, End: 3, AnnotatorID: who.ID}},
		{"past end", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 0, End: n + 1, AnnotatorID: who.ID}},
		{"empty", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 2, End: 2, AnnotatorID: who.ID}},
		{"reversed", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 5, End: 2, AnnotatorID: who.ID}},
		{"bad kind", storage.Annotation{DocumentID: d.ID, Kind: "rumour", Start: 0, End: 2, AnnotatorID: who.ID}},
		{"no coder", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 0, End: 2}},
		{"unknown coder", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 0, End: 2, AnnotatorID: storage.NewID()}},
		{"unknown document", storage.Annotation{DocumentID: storage.NewID(), Kind: storage.KindQuote, Start: 0, End: 2, AnnotatorID: who.ID}},
		{"part outside", storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 0, End: 5, Ranges: []storage.Range{{Start: 0, End: 2}, {Start: 4, End: 7}}, AnnotatorID: who.ID}},
	}
	for _, c := range cases {
		if _, err := p.AddAnnotation(bg, c.a); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	if s, _ := p.Stats(bg); s.Annotations != 0 {
		t.Fatalf("%d annotations stored after refusals", s.Annotations)
	}
}

func TestRelationRules(t *testing.T) {
	p := newProject(t)
	d, who := seed(t, p)
	mk := func(k storage.Kind, s string) storage.Annotation {
		st, e := span(t, d.Text, s)
		a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: k, Start: st, End: e, AnnotatorID: who.ID})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	quote, mention, cue, claim := mk(storage.KindQuote, "“We won’t yield.”"), mk(storage.KindSpeakerMention, "Zoë"), mk(storage.KindCue, "said"), mk(storage.KindClaim, "replied")
	sp, err := p.AddSpeaker(bg, storage.Speaker{Name: "Zoë Example", Aliases: []string{"Zoë"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		r  storage.Relation
		ok bool
	}{
		{storage.Relation{Type: storage.RelSaidBy, SourceID: quote.ID, TargetID: mention.ID}, true},
		{storage.Relation{Type: storage.RelSaidBy, SourceID: quote.ID, TargetSpeakerID: sp.ID}, true},
		{storage.Relation{Type: storage.RelCueOf, SourceID: cue.ID, TargetID: quote.ID}, true},
		{storage.Relation{Type: storage.RelClaimedBy, SourceID: claim.ID, TargetSpeakerID: sp.ID}, true},
		{storage.Relation{Type: storage.RelStatedIn, SourceID: claim.ID, TargetID: quote.ID}, true},
		{storage.Relation{Type: storage.RelSaidBy, SourceID: mention.ID, TargetID: quote.ID}, false},
		{storage.Relation{Type: storage.RelCueOf, SourceID: quote.ID, TargetID: cue.ID}, false},
		{storage.Relation{Type: storage.RelSaidBy, SourceID: quote.ID, TargetID: cue.ID}, false},
		{storage.Relation{Type: storage.RelCueOf, SourceID: cue.ID, TargetSpeakerID: sp.ID}, false},
		{storage.Relation{Type: "likes", SourceID: quote.ID, TargetSpeakerID: sp.ID}, false},
		{storage.Relation{Type: storage.RelSaidBy, SourceID: quote.ID, TargetID: mention.ID, TargetSpeakerID: sp.ID}, false},
	}
	for i, c := range cases {
		_, err := p.Link(bg, c.r)
		if (err == nil) != c.ok {
			t.Errorf("case %d %s: err = %v, want ok=%v", i, c.r.Type, err, c.ok)
		}
	}
	rels, _ := p.Relations(bg, d.ID)
	// said_by replaced (one speaker per quote), cue_of, claimed_by, stated_in.
	if len(rels) != 4 {
		t.Fatalf("%d relations, want 4: %+v", len(rels), rels)
	}
	quote.Kind = storage.KindClaim
	if _, err := p.UpdateAnnotation(bg, quote); err == nil {
		t.Fatal("kind change that breaks links accepted")
	}
	st, _ := p.Speakers(bg)
	if st[0].Quotes != 1 || st[0].Claims != 1 {
		t.Fatalf("speaker counts %+v", st[0])
	}
}

func TestUndoRedo(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	d, who := seed(t, p)
	s, e := span(t, d.Text, "北京")
	a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: s, End: e, AnnotatorID: who.ID, Attrs: map[string]string{storage.AttrQuoteType: "direct"}})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := p.AddCode(bg, storage.Code{Name: "Economy", Color: "#FF0000", Shortcut: "1"})
	if _, err := p.ToggleCode(bg, a.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.DeleteAnnotation(bg, a.ID); err != nil {
		t.Fatal(err)
	}
	count := func() int { s, _ := p.Stats(bg); return s.Annotations }
	steps := []struct {
		op   func(context.Context) (string, error)
		want int
	}{
		{p.Undo, 1}, // delete undone
		{p.Undo, 1}, // code toggle undone
		{p.Undo, 1}, // code creation undone
		{p.Undo, 0}, // annotation gone
		{p.Redo, 1},
		{p.Redo, 1},
		{p.Redo, 1},
		{p.Redo, 0},
	}
	for i, st := range steps {
		if _, err := st.op(bg); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if got := count(); got != st.want {
			t.Fatalf("step %d: %d annotations, want %d", i, got, st.want)
		}
		if i == 0 {
			back, err := p.Annotation(bg, a.ID)
			if err != nil || len(back.Codes) != 1 || back.Attrs[storage.AttrQuoteType] != "direct" {
				t.Fatalf("restored %+v %v", back, err)
			}
		}
	}
	if _, err := p.Redo(bg); !errors.Is(err, storage.ErrNothingToRedo) {
		t.Fatalf("extra redo: %v", err)
	}
	p.Undo(bg)
	if _, err := p.AddSpeaker(bg, storage.Speaker{Name: "New"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Redo(bg); !errors.Is(err, storage.ErrNothingToRedo) {
		t.Fatalf("redo survived a new action: %v", err)
	}
	if probs, err := p.Check(bg); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

func TestMergeIsIdempotent(t *testing.T) {
	src := newProject(t)
	d, who := seed(t, src)
	s, e := span(t, d.Text, "Renée 🇺🇦")
	sp, _ := src.AddSpeaker(bg, storage.Speaker{Name: "Renée"})
	m, _ := src.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindSpeakerMention, Start: s, End: e, AnnotatorID: who.ID, SpeakerID: sp.ID})
	s, e = span(t, d.Text, "שלום and مرحبا")
	q, _ := src.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: s, End: e, AnnotatorID: who.ID})
	if _, err := src.Link(bg, storage.Relation{Type: storage.RelSaidBy, SourceID: q.ID, TargetID: m.ID}); err != nil {
		t.Fatal(err)
	}
	b, err := src.Snapshot(bg, storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dst := newProject(t)
	for i := 0; i < 2; i++ {
		rep, err := dst.Merge(bg, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 && (rep.Documents != 1 || rep.Annotations != 2 || rep.Relations != 1) {
			t.Fatalf("first merge %+v", rep)
		}
		if i == 1 && (rep.Documents+rep.Annotations+rep.Relations+rep.Speakers) != 0 {
			t.Fatalf("second merge added %+v", rep)
		}
	}
	got, _ := dst.Snapshot(bg, storage.SnapshotOptions{})
	got.Project = b.Project
	if len(got.Annotations) != 2 || got.Annotations[1].Text != b.Annotations[1].Text {
		t.Fatalf("merged %+v", got.Annotations)
	}
}

func TestOpenRefusesLeavingFileUnchanged(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.saywho")
	p, err := Create(good, "g")
	if err != nil {
		t.Fatal(err)
	}
	seed(t, p)
	p.Close()
	goodBytes, _ := os.ReadFile(good)
	newer := append([]byte(nil), goodBytes...)
	newer[63] = 99 // user_version
	foreign := append([]byte(nil), goodBytes...)
	copy(foreign[68:72], []byte{0, 0, 0, 1})
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, storage.ErrNotProject},
		{"text", []byte("hello, this is not a database"), storage.ErrNotProject},
		{"binary", bytes.Repeat([]byte{0xff, 0, 7}, 500), storage.ErrNotProject},
		{"truncated", goodBytes[:len(goodBytes)/2], storage.ErrCorrupt},
		{"header only", goodBytes[:60], storage.ErrCorrupt},
		{"newer", newer, storage.ErrNewerVersion},
		{"foreign", foreign, storage.ErrForeign},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".saywho")
		os.WriteFile(path, c.data, 0o644)
		_, err := Open(path, OpenOptions{})
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(after, c.data) {
			t.Errorf("%s: file changed", c.name)
		}
	}
}

func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.saywho")
	p, _ := Create(path, "ro")
	d, who := seed(t, p)
	p.Close()
	saved := writable
	writable = func(string) bool { return false }
	defer func() { writable = saved }()
	p, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if !p.ReadOnly() {
		t.Fatal("not read-only")
	}
	if _, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 0, End: 3, AnnotatorID: who.ID}); !errors.Is(err, storage.ErrReadOnly) {
		t.Fatalf("edit on read-only project: %v", err)
	}
	if docs, err := p.Documents(bg); err != nil || len(docs) != 1 {
		t.Fatalf("read: %v %v", docs, err)
	}
}

func TestSearchKWIC(t *testing.T) {
	p := newProject(t)
	seed(t, p)
	p.AddDocument(bg, storage.Document{Title: "Second", Text: "Officials in Kyiv said nothing.\nOfficials agreed."})
	hits, err := p.Search(bg, "officials")
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("%d hits: %+v", len(hits), hits)
	}
	for _, h := range hits {
		d, _ := p.Document(bg, h.DocumentID)
		if got := string([]rune(d.Text)[h.Start:h.End]); got != h.Match {
			t.Errorf("hit offsets %q vs %q", got, h.Match)
		}
	}
	if _, err := p.Search(bg, `"unbalanced AND (`); err != nil {
		t.Fatalf("syntax in query: %v", err)
	}
}

func TestDuplicateDocument(t *testing.T) {
	p := newProject(t)
	seed(t, p)
	if _, err := p.AddDocument(bg, storage.Document{Title: "again", Text: unicodeText}); !errors.Is(err, storage.ErrDuplicate) {
		t.Fatalf("duplicate: %v", err)
	}
	if _, err := p.AddDocument(bg, storage.Document{Title: "crlf", Text: "a\r\nb"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddDocument(bg, storage.Document{Title: "lf", Text: "a\nb"}); !errors.Is(err, storage.ErrDuplicate) {
		t.Fatalf("CRLF and LF copies both stored: %v", err)
	}
}

func TestMergeSpeakersAndCodes(t *testing.T) {
	p := newProject(t)
	d, who := seed(t, p)
	a, _ := p.AddSpeaker(bg, storage.Speaker{Name: "Volodymyr Zelenskyy", Role: "President"})
	b, _ := p.AddSpeaker(bg, storage.Speaker{Name: "Zelensky", Affiliation: "Ukraine", Wikidata: "Q3881"})
	s, e := span(t, d.Text, "Zoë")
	m, _ := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindSpeakerMention, Start: s, End: e, AnnotatorID: who.ID, SpeakerID: b.ID})
	if err := p.MergeSpeakers(bg, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := p.Speaker(bg, a.ID)
	if got.Affiliation != "Ukraine" || got.Wikidata != "Q3881" || !contains(got.Aliases, "Zelensky") {
		t.Fatalf("merged speaker %+v", got)
	}
	if mm, _ := p.Annotation(bg, m.ID); mm.SpeakerID != a.ID {
		t.Fatalf("mention not moved: %+v", mm)
	}
	parent, _ := p.AddCode(bg, storage.Code{Name: "Topic"})
	child, _ := p.AddCode(bg, storage.Code{Name: "War", ParentID: parent.ID})
	ca, _ := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindCode, Start: 0, End: 8, AnnotatorID: who.ID, Codes: []string{child.ID}})
	if _, err := p.UpdateCode(bg, storage.Code{ID: parent.ID, Name: "Topic", ParentID: child.ID}); err == nil {
		t.Fatal("cycle accepted")
	}
	n, sub, _ := p.CodeUsage(bg, parent.ID)
	if n != 1 || sub != 1 {
		t.Fatalf("usage %d %d", n, sub)
	}
	if err := p.DeleteCode(bg, parent.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Annotation(bg, ca.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("coded passage left behind: %v", err)
	}
}

// TestMergeCodersProjects merges two coders' separate projects of the same
// article: one document, both coders' annotations kept apart.
func TestMergeCodersProjects(t *testing.T) {
	team := newProject(t)
	for _, coder := range []string{"Ana", "Ben"} {
		own := newProject(t)
		d, err := own.AddDocument(bg, storage.Document{Title: "Shared", Text: unicodeText})
		if err != nil {
			t.Fatal(err)
		}
		who, _ := own.EnsureAnnotator(bg, coder)
		s, e := span(t, d.Text, "北京")
		if _, err := own.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: s, End: e, AnnotatorID: who.ID}); err != nil {
			t.Fatal(err)
		}
		b, _ := own.Snapshot(bg, storage.SnapshotOptions{})
		if _, err := team.Merge(bg, b, nil); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := team.Stats(bg)
	if st.Documents != 1 || st.Annotations != 2 || st.ByAnnotator["Ana"] != 1 || st.ByAnnotator["Ben"] != 1 {
		t.Fatalf("merged stats %+v", st)
	}
	if probs, err := team.Check(bg); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}
