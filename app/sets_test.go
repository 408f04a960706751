package app

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// secondID returns the id of the fixture's second document (the ferry
// article).
func (f *fixture) secondID() string {
	f.t.Helper()
	for _, d := range f.u.docs {
		if d.ID != f.doc.ID {
			return d.ID
		}
	}
	f.t.Fatal("the fixture has one document")
	return ""
}

func TestDocumentListFilterBySet(t *testing.T) {
	f := newFixture(t)
	second := f.secondID()
	ferries, err := f.p.CreateSet(context.Background(), "Ferries", "", []string{second})
	if err != nil {
		t.Fatal(err)
	}
	f.u.reloadAll()
	sel := f.u.docList.sets.sel
	if want := []string{allDocuments, "Ferries (1)"}; !slices.Equal(sel.Options, want) {
		t.Fatalf("set selector offers %q, want %q", sel.Options, want)
	}
	sel.SetSelected("Ferries (1)")
	if ids := f.u.docList.shownIDs(); !slices.Equal(ids, []string{second}) {
		t.Fatalf("the set shows %v, want only the ferry article", ids)
	}
	if got := f.u.docList.count.Text; got != "1 of 2 documents" {
		t.Errorf("count %q", got)
	}
	// The text filter works within the set.
	f.u.docList.filter.SetText("gazette")
	if ids := f.u.docList.shownIDs(); len(ids) != 0 {
		t.Errorf("“gazette” within the set shows %v", ids)
	}
	f.u.docList.filter.SetText("")
	// A change elsewhere reloads the lists and keeps the set shown.
	if _, err := f.p.AddToSet(context.Background(), ferries.ID, []string{f.doc.ID}); err != nil {
		t.Fatal(err)
	}
	f.u.reloadAll()
	if sel.Selected != "Ferries (2)" || len(f.u.docList.shownIDs()) != 2 {
		t.Errorf("after adding a document: %q shows %v", sel.Selected, f.u.docList.shownIDs())
	}
	// Deleting the set shown (Edit → Delete the set shown…) lists all
	// documents again; undo brings the set back.
	f.u.command("delset").run()
	f.tapButton("Yes")
	if _, err := f.p.FindSet(context.Background(), "Ferries"); err == nil || sel.Selected != allDocuments || len(f.u.docList.shownIDs()) != 2 {
		t.Fatalf("after deleting: %v, selector %q", err, sel.Selected)
	}
	f.shortcut(&fyne.ShortcutUndo{})
	if s, err := f.p.FindSet(context.Background(), "Ferries"); err != nil || len(s.DocumentIDs) != 2 || !slices.Contains(sel.Options, "Ferries (2)") {
		t.Errorf("undo: %+v %v, options %q", s, err, sel.Options)
	}
}

func TestSetFromListedDocumentsAndOpenDocumentSets(t *testing.T) {
	f := newFixture(t)
	second := f.secondID()
	f.u.docList.filter.SetText("herald")
	f.u.command("newset").run()
	f.entries()[0].SetText("Herald pieces")
	f.tapButton("Create")
	s, err := f.p.FindSet(context.Background(), "Herald pieces")
	if err != nil || !slices.Equal(s.DocumentIDs, []string{second}) {
		t.Fatalf("new set %+v %v, want the listed document", s, err)
	}
	if f.u.docList.sets.sel.Selected != "Herald pieces (1)" {
		t.Errorf("the list shows %q, want the new set", f.u.docList.sets.sel.Selected)
	}
	// Put the open document (the river article) into the set and take it
	// out again from Edit → Sets of this document….
	f.u.docList.filter.SetText("")
	f.u.docList.sets.sel.SetSelectedIndex(0)
	f.u.openDocument(f.doc.ID)
	f.u.command("docsets").run()
	var check *widget.CheckGroup
	f.walkDialog(func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.CheckGroup); ok {
			check = c
		}
	})
	if check == nil || len(check.Selected) != 0 {
		t.Fatalf("no check list, or the document is ticked already: %+v", check)
	}
	check.SetSelected([]string{"Herald pieces"})
	if got := members(t, f.p, "Herald pieces"); len(got) != 2 {
		t.Fatalf("after ticking: members %v", got)
	}
	check.SetSelected(nil)
	if got := members(t, f.p, "Herald pieces"); !slices.Equal(got, []string{second}) {
		t.Fatalf("after unticking: members %v", got)
	}
	f.shortcut(&fyne.ShortcutUndo{})
	if got := members(t, f.p, "Herald pieces"); len(got) != 2 {
		t.Errorf("undoing the removal: members %v", got)
	}
}

func members(t *testing.T, p *sqlite.Project, set string) []string {
	t.Helper()
	s, err := p.FindSet(context.Background(), set)
	if err != nil {
		t.Fatal(err)
	}
	return s.DocumentIDs
}
