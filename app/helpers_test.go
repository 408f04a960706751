package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// testArticle is an invented news text with direct and reported speech,
// named speakers, an emoji (astral plane) and a combining mark before the
// quotes, so that code-point offsets differ from bytes and UTF-16 units.
const testArticle = `River clean-up plan wins council vote 🌊
Port Elden — The café owners' association welcomed the vote.
Mayor Ana Ortiz said on Monday that the plan would make the river swimmable by 2030.
“We have waited long enough,” Ortiz told reporters.
Opposition leader Tom Baker called the budget unrealistic. “The numbers do not add up,” he said.
The river was closed to swimmers in 1998.`

// second is another document, for moving between documents and corpus
// search.
const secondArticle = `Ferry fares to rise in spring
Transport chief Lena Park said fares would rise by five percent.
“Fuel costs have doubled,” Park said.`

// fixture is a window on a fresh project holding the test articles.
type fixture struct {
	t   *testing.T
	u   *UI
	p   *sqlite.Project
	w   fyne.Window
	doc storage.Document
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	p, err := sqlite.Create(filepath.Join(t.TempDir(), "test.saywho"), "Test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	doc, err := p.AddDocument(context.Background(), storage.Document{Text: testArticle, Outlet: "Gazette", Published: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddDocument(context.Background(), storage.Document{Text: secondArticle, Outlet: "Herald"}); err != nil {
		t.Fatal(err)
	}
	coder, err := p.EnsureAnnotator(context.Background(), "Tester")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	u := NewUI(a, w, p, coder)
	w.Resize(fyne.NewSize(1280, 800))
	f := &fixture{t: t, u: u, p: p, w: w, doc: doc}
	if u.doc.ID != doc.ID {
		t.Fatalf("the window opened document %q, want the first one", u.doc.Title)
	}
	return f
}

// span returns the code-point range of the first occurrence of s in the
// open document. "[he] said" finds the "he" of the first "he said".
func (f *fixture) span(s string) (int, int) {
	f.t.Helper()
	text := f.u.doc.Text
	plain := strings.NewReplacer("[", "", "]", "").Replace(s)
	i := strings.Index(text, plain)
	if i < 0 {
		f.t.Fatalf("%q is not in the document", plain)
	}
	if b := strings.Index(s, "["); b >= 0 {
		e := strings.Index(s, "]")
		i, plain = i+b, s[b+1:e]
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(plain))
}

// drag selects s in the article by dragging the mouse over it, the way the
// test driver does: one Dragged event whose position is where the pointer
// is (the end) and whose delta leads back to where it was pressed, then
// DragEnd.
func (f *fixture) drag(s string) {
	f.t.Helper()
	start, end := f.span(s)
	v := f.u.view
	p0, h := v.PositionOf(start)
	p1, _ := v.PositionOf(end)
	if p1.Y != p0.Y {
		f.t.Fatalf("%q is wrapped over two lines; use a shorter text", s)
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	to := abs.Add(p1).Add(fyne.NewPos(1, h/2))
	test.Drag(f.w.Canvas(), to, p1.X-p0.X, 0)
}

// key types one character into the article.
func (f *fixture) key(chars string) {
	f.t.Helper()
	f.w.Canvas().Focus(f.u.view)
	test.Type(f.u.view, chars)
}

// press sends a named key to the article.
func (f *fixture) press(k fyne.KeyName) {
	f.w.Canvas().Focus(f.u.view)
	f.u.view.TypedKey(&fyne.KeyEvent{Name: k})
}

// shortcut triggers a shortcut the way the desktop driver does: the main
// menu first, then the canvas.
func (f *fixture) shortcut(sc fyne.Shortcut) {
	f.t.Helper()
	var find func(items []*fyne.MenuItem) bool
	find = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && find(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, m := range f.w.MainMenu().Items {
		if find(m.Items) {
			return
		}
	}
	f.w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

// annotations lists the stored annotations of the open document.
func (f *fixture) annotations(k storage.Kind) []storage.Annotation {
	f.t.Helper()
	anns, err := f.p.Annotations(context.Background(), storage.Filter{DocumentID: f.u.doc.ID, Kind: k})
	if err != nil {
		f.t.Fatal(err)
	}
	return anns
}

// one returns the only stored annotation of kind k.
func (f *fixture) one(k storage.Kind) storage.Annotation {
	f.t.Helper()
	anns := f.annotations(k)
	if len(anns) != 1 {
		f.t.Fatalf("%d %s annotations stored, want 1: %+v", len(anns), k, anns)
	}
	return anns[0]
}

// mark selects s and presses the key of a kind.
func (f *fixture) mark(s, key string) storage.Annotation {
	f.t.Helper()
	start, end := f.span(s)
	f.u.view.Select(start, end)
	f.key(key)
	if f.u.selID == "" {
		f.t.Fatalf("pressing %s on %q selected no annotation; status: %s", key, s, f.u.status.Text())
	}
	a, err := f.p.Annotation(context.Background(), f.u.selID)
	if err != nil {
		f.t.Fatal(err)
	}
	return a
}

// speaker adds a registry speaker.
func (f *fixture) speaker(name string, aliases ...string) storage.Speaker {
	f.t.Helper()
	s, err := f.p.AddSpeaker(context.Background(), storage.Speaker{Name: name, Aliases: aliases})
	if err != nil {
		f.t.Fatal(err)
	}
	f.u.reloadAll()
	return s
}

// enter presses Return in the open picker.
func (f *fixture) pickFirst() {
	f.t.Helper()
	pk := f.u.lastPicker
	if pk == nil {
		f.t.Fatal("no picker was opened")
	}
	pk.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// tapButton taps the button labelled label in the topmost dialog.
func (f *fixture) tapButton(label string) {
	f.t.Helper()
	var found *widget.Button
	f.walkDialog(func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		f.t.Fatalf("no %q button in the dialog", label)
	}
	test.Tap(found)
}

// entries lists the entries of the topmost dialog in order.
func (f *fixture) entries() []*widget.Entry {
	f.t.Helper()
	var out []*widget.Entry
	f.walkDialog(func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

// walkDialog calls visit on every object of the topmost dialog, in order.
func (f *fixture) walkDialog(visit func(fyne.CanvasObject)) {
	f.t.Helper()
	top := f.w.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatal("no dialog is open")
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		visit(o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
}
