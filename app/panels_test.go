package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

func TestNoteIsSavedWhenLeavingTheField(t *testing.T) {
	f := newFixture(t)
	a := f.mark("the budget unrealistic", "c")
	note := f.u.insp.note
	f.w.Canvas().Focus(note)
	test.Type(note, "check the budget figures")
	if got, _ := f.p.Annotation(context.Background(), a.ID); got.Note != "" {
		t.Fatal("the note was saved at a keystroke, not when done")
	}
	f.w.Canvas().Focus(f.u.view)
	if got, _ := f.p.Annotation(context.Background(), a.ID); got.Note != "check the budget figures" {
		t.Fatalf("note %q after leaving the field", got.Note)
	}
	if f.u.p.UndoLabel() != "Edit claim" {
		t.Errorf("undo label %q: the note should be one undoable step", f.u.p.UndoLabel())
	}
}

func TestClaimAttributes(t *testing.T) {
	f := newFixture(t)
	a := f.mark("the budget unrealistic", "c")
	f.u.insp.worthiness.SetSelected("CFS")
	f.u.insp.stance.SetSelected("refute")
	f.u.insp.verdict.SetText("misleading")
	f.u.insp.verdict.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	got, _ := f.p.Annotation(context.Background(), a.ID)
	if got.Attrs[storage.AttrCheckWorthiness] != "CFS" || got.Attrs[storage.AttrStance] != "refute" || got.Attrs[storage.AttrVerdict] != "misleading" {
		t.Errorf("attributes %v", got.Attrs)
	}
	f.u.insp.kind.SetSelected(kindName(storage.KindQuote))
	if got, _ = f.p.Annotation(context.Background(), a.ID); got.Kind != storage.KindQuote {
		t.Errorf("kind %s after choosing Quote", got.Kind)
	}
}

func TestClickAwayDeselectsAndDuplicateSelects(t *testing.T) {
	f := newFixture(t)
	a := f.mark("Tom Baker", "s")
	f.u.view.Select(0, 0)
	if f.u.selID != "" {
		t.Error("moving the caret away kept the annotation selected")
	}
	b := f.mark("Tom Baker", "s")
	if b.ID != a.ID || len(f.annotations(storage.KindSpeakerMention)) != 1 {
		t.Error("marking the same span twice made a duplicate")
	}
}

func TestCodebookFormAddsCodeAndDeleteCounts(t *testing.T) {
	f := newFixture(t)
	f.u.codebook.edit(storage.Code{})
	es := f.entries()
	if len(es) < 2 {
		t.Fatalf("the code form has %d entries", len(es))
	}
	es[0].SetText("Energy")
	f.tapButton("Save")
	codes, _ := f.p.Codes(context.Background())
	if len(codes) != 1 || codes[0].Name != "Energy" || codes[0].Shortcut != "1" || codes[0].Color == "" {
		t.Fatalf("codes %+v, want Energy with shortcut 1 and a colour", codes)
	}
	// A subcode nests under it.
	f.u.codebook.cur = codes[0].ID
	f.u.codebook.withCurrent(func(p storage.Code) { f.u.codebook.edit(storage.Code{ParentID: p.ID}) })
	f.entries()[0].SetText("Coal")
	f.tapButton("Save")
	codes, _ = f.p.Codes(context.Background())
	if len(codes) != 2 || codes[1].ParentID != codes[0].ID || codes[1].Shortcut != "2" {
		t.Fatalf("codes %+v, want Coal under Energy with shortcut 2", codes)
	}
	if kids := f.u.codebook.children(codes[0].ID); len(kids) != 1 {
		t.Errorf("the tree shows %d children under Energy", len(kids))
	}
	// Deleting says what uses it, and takes the coded passage with it.
	f.mark("make the river swimmable", "2")
	f.u.codebook.confirmDelete(codes[0])
	if !f.dialogSays("1 annotation(s) use it") || !f.dialogSays("1 subcode(s)") {
		t.Error("the delete confirmation does not give the counts")
	}
	f.tapButton("Yes")
	if codes, _ = f.p.Codes(context.Background()); len(codes) != 0 {
		t.Errorf("%d codes left", len(codes))
	}
	if n := len(f.annotations(storage.KindCode)); n != 0 {
		t.Errorf("%d coded passages left", n)
	}
}

// dialogSays reports whether the topmost dialog shows text.
func (f *fixture) dialogSays(text string) bool {
	return strings.Contains(test.RenderObjectToMarkup(f.w.Canvas().Overlays().Top()), text)
}

func TestSpeakerForm(t *testing.T) {
	f := newFixture(t)
	f.u.spk.edit(storage.Speaker{})
	es := f.entries()
	es[0].SetText("Ana Ortiz")
	es[1].SetText("the mayor; Ortiz")
	es[4].SetText("Q123")
	f.tapButton("Save")
	sp, _ := f.p.Speakers(context.Background())
	if len(sp) != 1 || sp[0].Name != "Ana Ortiz" || len(sp[0].Aliases) != 2 || sp[0].Wikidata != "Q123" {
		t.Fatalf("speakers %+v", sp)
	}
	f.u.spk.edit(sp[0].Speaker)
	f.entries()[4].SetText("not a qid")
	f.tapButton("Save")
	if !strings.Contains(f.u.status.Text(), "Q42") {
		t.Errorf("a bad Wikidata id is not explained: %q", f.u.status.Text())
	}
}

func TestZoomThemeAndPanels(t *testing.T) {
	f := newFixture(t)
	size := f.u.view.TextSize()
	f.shortcut(key(fyne.KeyEqual, ctrl))
	if f.u.view.TextSize() != size+1 {
		t.Errorf("Ctrl+= gave size %v, want %v", f.u.view.TextSize(), size+1)
	}
	f.shortcut(key(fyne.Key0, ctrl))
	if f.u.view.TextSize() != defaultTextSize {
		t.Errorf("Ctrl+0 gave size %v", f.u.view.TextSize())
	}
	f.u.setTheme(themeDark)
	if f.u.variant() != theme.VariantDark || !f.u.menus.themes[themeDark].Checked {
		t.Error("dark theme not applied")
	}
	dark := kindColor(storage.KindQuote, theme.VariantDark)
	f.u.setTheme(themeLight)
	if kindColor(storage.KindQuote, f.u.variant()) == dark {
		t.Error("the light theme draws quotes in the dark colour")
	}
	f.shortcut(key(fyne.Key1, ctrl))
	if f.u.showDocs || f.u.split != nil && f.u.body.Objects[0] == f.u.split {
		t.Error("Ctrl+1 did not hide the documents panel")
	}
	f.shortcut(key(fyne.Key1, ctrl))
	if !f.u.showDocs {
		t.Error("Ctrl+1 did not bring the documents panel back")
	}
}

func TestOnlyMineHidesOtherCoders(t *testing.T) {
	f := newFixture(t)
	other, _ := f.p.EnsureAnnotator(context.Background(), "Other")
	start, end := f.span("Tom Baker")
	if _, err := f.p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: f.doc.ID, Kind: storage.KindSpeakerMention, Start: start, End: end, AnnotatorID: other.ID}); err != nil {
		t.Fatal(err)
	}
	f.u.reloadAll()
	f.mark("Ana Ortiz", "s")
	if n := len(f.u.visible()); n != 2 {
		t.Fatalf("%d visible, want both coders' 2", n)
	}
	f.shortcut(key(fyne.KeyM, ctrl))
	if vis := f.u.visible(); len(vis) != 1 || vis[0].AnnotatorID != f.u.coder.ID {
		t.Fatalf("only mine shows %+v", vis)
	}
	if n := len(f.u.annList.rows); n != 1 {
		t.Errorf("the list shows %d rows with only mine", n)
	}
}

func TestOpenAnotherProject(t *testing.T) {
	f := newFixture(t)
	path := filepath.Join(t.TempDir(), "other.saywho")
	p, err := sqlite.Create(path, "Other")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddDocument(context.Background(), storage.Document{Text: secondArticle}); err != nil {
		t.Fatal(err)
	}
	p.Close()
	f.u.openProjectPath(path)
	nu := f.u.sess
	if nu == nil || nu.ui == nil || nu.ui.p.Path() != path {
		t.Fatal("the other project was not opened in the window")
	}
	t.Cleanup(func() { nu.ui.p.Close() })
	if !strings.Contains(f.w.Title(), "Other") {
		t.Errorf("title %q", f.w.Title())
	}
	if recent := f.u.app.Preferences().StringList(prefRecent); len(recent) == 0 || recent[0] != path {
		t.Errorf("recent projects %v", recent)
	}
	nu.ui.openProjectPath(filepath.Join(t.TempDir(), "missing.saywho"))
	if nu.ui.p.Path() != path {
		t.Error("a missing project replaced the open one")
	}
}

func TestChangeCoderSurvivesUndo(t *testing.T) {
	f := newFixture(t)
	f.u.changeCoderDialog()
	f.entries()[0].SetText("Second coder")
	f.tapButton("Change")
	if f.u.coder.Name != "Second coder" || f.u.app.Preferences().String(prefCoder) != "Second coder" {
		t.Fatalf("coder %q after the change", f.u.coder.Name)
	}
	f.shortcut(&fyne.ShortcutUndo{}) // undoes adding the coder
	a := f.mark("Tom Baker", "s")
	coders, _ := f.p.Annotators(context.Background())
	var name string
	for _, c := range coders {
		if c.ID == a.AnnotatorID {
			name = c.Name
		}
	}
	if name != "Second coder" {
		t.Errorf("the annotation was recorded for %q, want the current coder", name)
	}
}

func TestContextMenuDeletesAnnotation(t *testing.T) {
	f := newFixture(t)
	a := f.mark("Tom Baker", "s")
	f.u.showContextMenu(a.Start, []string{a.ID}, fyne.NewPos(300, 300))
	top := f.w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "Delete") {
		t.Fatal("right-click shows no menu with Delete")
	}
	top.Hide()
	var del *fyne.MenuItem
	for _, it := range f.u.contextItems([]string{a.ID}) {
		if it.Label == "Delete" {
			del = it
		}
	}
	if del == nil {
		t.Fatal("the menu has no Delete item")
	}
	del.Action()
	if n := len(f.annotations("")); n != 0 {
		t.Errorf("%d annotations after Delete from the menu", n)
	}
}
