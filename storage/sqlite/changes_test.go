package sqlite

import (
	"slices"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// Each committed write is published once, saying what it touched, whatever
// made it: an action, an undo, a redo.
func TestSubscribeReportsWhatChanged(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	doc, coder := seed(t, p)
	other, err := p.AddDocument(bg, storage.Document{Title: "Other", Text: "Another article, about ports."})
	if err != nil {
		t.Fatal(err)
	}
	var got []storage.Change
	cancel, err := p.Subscribe(func(c storage.Change) { got = append(got, c) })
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	last := func(t *testing.T, n int) storage.Change {
		t.Helper()
		if len(got) != n {
			t.Fatalf("%d changes published, want %d: %+v", len(got), n, got)
		}
		return got[n-1]
	}
	zoe, err := p.AddSpeaker(bg, storage.Speaker{Name: "Zoë"})
	if err != nil {
		t.Fatal(err)
	}
	if c := last(t, 1); !slices.Equal(c.Speakers, []string{zoe.ID}) || len(c.Content) > 0 || c.Label != "Add speaker" {
		t.Errorf("add speaker: %+v", c)
	}
	s, e := span(t, doc.Text, "We won’t yield.")
	quote, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: doc.ID, Kind: storage.KindQuote, Start: s, End: e, AnnotatorID: coder.ID})
	if err != nil {
		t.Fatal(err)
	}
	c := last(t, 2)
	if !slices.Equal(c.Content, []string{doc.ID}) || !slices.Equal(c.Annotations, []string{quote.ID}) || c.TouchesContent(other.ID) {
		t.Errorf("add quote: %+v", c)
	}
	if _, err := p.Link(bg, storage.Relation{Type: storage.RelSaidBy, SourceID: quote.ID, TargetSpeakerID: zoe.ID, AnnotatorID: coder.ID}); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 3); !slices.Contains(c.Speakers, zoe.ID) || !c.TouchesContent(doc.ID) || !slices.Contains(c.Annotations, quote.ID) {
		t.Errorf("link to a speaker names the speaker, the document and the quote: %+v", c)
	}
	code, err := p.AddCode(bg, storage.Code{Name: "Economy"})
	if err != nil {
		t.Fatal(err)
	}
	if c := last(t, 4); !c.Codes || len(c.Content) > 0 {
		t.Errorf("add code: %+v", c)
	}
	if _, err := p.ToggleCode(bg, quote.ID, code.ID); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 5); !slices.Equal(c.Content, []string{doc.ID}) || !slices.Contains(c.Annotations, quote.ID) {
		t.Errorf("toggle code: %+v", c)
	}
	doc.Status = storage.StatusDone
	if err := p.UpdateDocumentMeta(bg, doc); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 6); !slices.Equal(c.Documents, []string{doc.ID}) || len(c.Content) > 0 {
		t.Errorf("document status: %+v", c)
	}
	if _, err := p.CreateSet(bg, "Pilot", "", []string{other.ID}); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 7); !c.Sets {
		t.Errorf("create set: %+v", c)
	}
	if err := p.DeleteAnnotation(bg, quote.ID); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 8); !c.TouchesContent(doc.ID) || !slices.Contains(c.Speakers, zoe.ID) {
		t.Errorf("deleting a linked quote changes its speaker's counts: %+v", c)
	}
	if _, err := p.Undo(bg); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 9); !c.TouchesContent(doc.ID) || !slices.Contains(c.Annotations, quote.ID) || !slices.Contains(c.Speakers, zoe.ID) || c.Label != "Undo Delete annotation" {
		t.Errorf("undo: %+v", c)
	}
	if _, err := p.Redo(bg); err != nil {
		t.Fatal(err)
	}
	if c := last(t, 10); !c.TouchesContent(doc.ID) || c.Label != "Redo Delete annotation" {
		t.Errorf("redo: %+v", c)
	}
	cancel()
	if _, err := p.AddCode(bg, storage.Code{Name: "Health"}); err != nil {
		t.Fatal(err)
	}
	last(t, 10) // nothing more after cancel
}

// A failed write publishes nothing.
func TestFailedWritePublishesNothing(t *testing.T) {
	p := newProject(t)
	doc, coder := seed(t, p)
	n := 0
	if _, err := p.Subscribe(func(storage.Change) { n++ }); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: doc.ID, Kind: storage.KindQuote, Start: 5, End: 2, AnnotatorID: coder.ID}); err == nil {
		t.Fatal("a backwards span was accepted")
	}
	if n != 0 {
		t.Fatalf("%d changes published for a refused write", n)
	}
}
