package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/widgets"
)

func TestFindHighlightsAndSteps(t *testing.T) {
	f := newFixture(t)
	f.shortcut(key(fyne.KeyF, ctrl))
	if !f.u.find.visible() || f.w.Canvas().Focused() != f.u.find.entry {
		t.Fatal("Ctrl+F did not open the find box with the keyboard in it")
	}
	test.Type(f.u.find.entry, "RIVER")
	if n := len(f.u.find.matches); n != 3 {
		t.Fatalf("%d matches of “river” (any case), want 3", n)
	}
	var marked int
	for _, s := range f.u.find.spans() {
		if s.Style == widgets.SpanMatch {
			marked++
		}
	}
	if marked != 3 {
		t.Errorf("%d match highlights, want 3", marked)
	}
	first := f.u.find.matches[0]
	if s, e := f.u.view.Selection(); s != first.Start || e != first.End {
		t.Errorf("selection [%d,%d), want the first match [%d,%d)", s, e, first.Start, first.End)
	}
	f.u.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s, _ := f.u.view.Selection(); s != f.u.find.matches[1].Start {
		t.Errorf("Enter went to %d, want the second match", s)
	}
	f.shortcut(key(fyne.KeyG, ctrlShift))
	if s, _ := f.u.view.Selection(); s != first.Start {
		t.Errorf("Ctrl+Shift+G went to %d, want the first match again", s)
	}
	if f.u.find.count.Text != "1 of 3" {
		t.Errorf("count %q, want “1 of 3”", f.u.find.count.Text)
	}
	// Escape closes, keeps the match selected, and Q marks it.
	f.u.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.u.find.visible() || len(f.u.find.matches) != 0 {
		t.Fatal("Escape did not close the find box")
	}
	f.key("q")
	if a := f.one(storage.KindQuote); a.Start != first.Start || !strings.EqualFold(a.Text, "river") {
		t.Errorf("Q after find marked %q at %d", a.Text, a.Start)
	}
}

func TestCorpusSearchOpensDocumentAtMatch(t *testing.T) {
	f := newFixture(t)
	f.shortcut(key(fyne.KeyF, ctrlShift))
	if f.w.Canvas().Focused() != f.u.search.entry {
		t.Fatal("Ctrl+Shift+F did not put the keyboard in the search box")
	}
	test.Type(f.u.search.entry, "fuel costs")
	f.u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(f.u.search.hits) != 1 {
		t.Fatalf("%d hits, want 1", len(f.u.search.hits))
	}
	h := f.u.search.hits[0]
	if h.Match != "Fuel costs" || !strings.HasSuffix(h.Before, "“") {
		t.Errorf("keyword in context: %q [%q] %q", h.Before, h.Match, h.After)
	}
	f.u.search.list.Select(0)
	if !strings.HasPrefix(f.u.doc.Title, "Ferry fares") {
		t.Fatalf("opened %q, want the ferry article", f.u.doc.Title)
	}
	if got := f.u.view.SelectedText(); got != "Fuel costs" {
		t.Errorf("selected %q, want the match", got)
	}
}

// dragQuoteOfOrtiz makes a quote with the mouse and the Q key and links it
// to its proposed speaker with L and Enter, as a user would.
func (f *fixture) dragQuoteOfOrtiz() (storage.Speaker, string) {
	ortiz := f.speaker("Ana Ortiz")
	const q = "“We have waited long enough,”"
	f.drag(q)
	f.key("q")
	f.key("l")
	f.pickFirst()
	return ortiz, q
}

func TestQuoteFromWindowIsInSnapshot(t *testing.T) {
	f := newFixture(t)
	ortiz, q := f.dragQuoteOfOrtiz()
	b, err := f.p.Snapshot(context.Background(), storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var quote *storage.Annotation
	for i, a := range b.Annotations {
		if a.Kind == storage.KindQuote {
			quote = &b.Annotations[i]
		}
	}
	if quote == nil {
		t.Fatal("the quote is not in the snapshot")
	}
	var text string
	for _, d := range b.Documents {
		if d.ID == quote.DocumentID {
			text = d.Text
		}
	}
	// Code points, not bytes or UTF-16 units: the title has an emoji and
	// “café” a precomposed é before the quote.
	if got := string([]rune(text)[quote.Start:quote.End]); got != q || quote.Text != q {
		t.Errorf("snapshot quote [%d,%d) = %q (text %q), want %q", quote.Start, quote.End, got, quote.Text, q)
	}
	if want := strings.Index(text, q); quote.Start == want {
		t.Errorf("start %d equals the byte offset: offsets are not in code points", want)
	}
	var saidBy bool
	for _, r := range b.Relations {
		saidBy = saidBy || (r.Type == storage.RelSaidBy && r.SourceID == quote.ID && r.TargetSpeakerID == ortiz.ID)
	}
	if !saidBy {
		t.Errorf("relations %+v lack the quote said_by Ana Ortiz", b.Relations)
	}
}

func TestReadOnlyProjectRefusesEdits(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "ro.saywho")
	p, err := sqlite.Create(path, "RO")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddDocument(context.Background(), storage.Document{Text: testArticle}); err != nil {
		t.Fatal(err)
	}
	p.Close()
	p, err = sqlite.Open(path, sqlite.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	coder, err := coderFor(p, "Reader")
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	u := NewUI(a, w, p, coder)
	if !u.banner.Visible() {
		t.Error("no read-only notice is shown")
	}
	if !strings.Contains(w.Title(), "read-only") {
		t.Errorf("title %q does not say read-only", w.Title())
	}
	u.view.Select(0, 5)
	w.Canvas().Focus(u.view)
	test.Type(u.view, "q")
	if st, _ := p.Stats(context.Background()); st.Annotations != 0 {
		t.Fatalf("%d annotations written to a read-only project", st.Annotations)
	}
	if !strings.Contains(u.status.Text(), "read-only") {
		t.Errorf("status %q does not explain the refusal", u.status.Text())
	}
	if !u.meta.fields["Title"].Disabled() {
		t.Error("metadata stays editable in a read-only project")
	}
}

func TestMetadataEditIsSavedAndUndone(t *testing.T) {
	f := newFixture(t)
	e := f.u.meta.fields["Outlet"]
	f.w.Canvas().Focus(e)
	e.SetText("Port Elden Gazette")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d, _ := f.p.Document(context.Background(), f.doc.ID)
	if d.Outlet != "Port Elden Gazette" {
		t.Fatalf("outlet %q after Enter", d.Outlet)
	}
	f.u.meta.status.SetSelectedIndex(2)
	if d, _ = f.p.Document(context.Background(), f.doc.ID); d.Status != storage.StatusDone {
		t.Fatalf("status %q, want done", d.Status)
	}
	f.shortcut(&fyne.ShortcutUndo{})
	f.shortcut(&fyne.ShortcutUndo{})
	if d, _ = f.p.Document(context.Background(), f.doc.ID); d.Outlet != "Gazette" || d.Status != storage.StatusNew {
		t.Errorf("after two undos: outlet %q status %q", d.Outlet, d.Status)
	}
	if f.u.meta.fields["Outlet"].Text != "Gazette" {
		t.Errorf("the field shows %q after undo", f.u.meta.fields["Outlet"].Text)
	}
}

func TestDocumentListFilterAndSort(t *testing.T) {
	f := newFixture(t)
	f.u.docList.filter.SetText("herald")
	if ids := f.u.docList.shownIDs(); len(ids) != 1 {
		t.Fatalf("filter “herald” shows %d documents", len(ids))
	}
	f.u.docList.filter.SetText("")
	f.u.docList.sort.SetSelected("Title")
	if f.u.docList.shown[0].Title != "Ferry fares to rise in spring" {
		t.Errorf("sorted by title, first is %q", f.u.docList.shown[0].Title)
	}
	f.u.docList.list.Select(1)
	if f.u.doc.Title != "River clean-up plan wins council vote 🌊" {
		t.Errorf("choosing the second row opened %q", f.u.doc.Title)
	}
}

func TestAnnotationListFiltersAndOpens(t *testing.T) {
	f := newFixture(t)
	baker := f.speaker("Tom Baker")
	f.mark("Tom Baker", "s")
	q := f.mark("“The numbers do not add up,”", "q")
	f.key("l")
	f.pickFirst()
	l := f.u.annList
	l.kind.SetSelected(kindName(storage.KindQuote))
	if len(l.rows) != 1 || l.rows[0].ID != q.ID {
		t.Fatalf("kind filter rows:\n%s", l.summary())
	}
	// The registry panel lists a speaker's quotes across the corpus.
	f.u.spk.cur = baker.ID
	f.u.spk.withCurrent(func(s storage.Speaker) { l.showSpeaker(s.ID) })
	if len(l.rows) != 1 || l.rows[0].ID != q.ID || l.scope.Selected != scopeCorpus {
		t.Fatalf("Tom Baker's quotes:\n%s", l.summary())
	}
	f.shortcut(key(fyne.KeyDown, ctrl))
	l.list.Select(0)
	if f.u.doc.ID != f.doc.ID || f.u.selID != q.ID {
		t.Error("choosing a row in another document did not open it at the quote")
	}
}

func TestMergeSpeakersKeepsLinks(t *testing.T) {
	f := newFixture(t)
	keep := f.speaker("Ana Ortiz")
	drop := f.speaker("Mayor Ortiz")
	m := f.mark("Ana Ortiz", "s")
	f.u.setMentionSpeaker(m.ID, drop.ID)
	f.u.spk.confirmMerge(keep.ID, drop)
	f.tapButton("Yes")
	if got, _ := f.p.Annotation(context.Background(), m.ID); got.SpeakerID != keep.ID {
		t.Errorf("mention speaker %q after merge, want %q", got.SpeakerID, keep.ID)
	}
	if s := f.u.speaker(keep.ID); s == nil || s.Mentions != 1 || len(s.Aliases) != 1 {
		t.Errorf("kept speaker %+v, want one mention and the alias", s)
	}
}

// fakeFormats records what the window asked of it.
type fakeFormats struct {
	mu       sync.Mutex
	imported []string
	exported string
}

func (f *fakeFormats) Import(ctx context.Context, p storage.Project, paths []string, coder string, progress func(done, total int, name string)) (string, int, error) {
	for i, path := range paths {
		progress(i, len(paths), filepath.Base(path))
		if _, err := p.AddDocument(ctx, storage.Document{Text: "Imported " + path + "\nbody", FileName: filepath.Base(path)}); err != nil {
			return "", 0, err
		}
	}
	progress(len(paths), len(paths), "")
	f.mu.Lock()
	f.imported = append(f.imported, paths...)
	f.mu.Unlock()
	return "Imported " + filepath.Base(paths[0]) + ".", 0, nil
}

func (f *fakeFormats) ExportFormats() []ExportFormat {
	return []ExportFormat{{Name: "json", Description: "test", Ext: ".json"}}
}

func (f *fakeFormats) Export(ctx context.Context, p storage.Project, format, path string) ([]string, error) {
	f.mu.Lock()
	f.exported = format + " " + path
	f.mu.Unlock()
	return nil, nil
}

func TestDropImportsInBackground(t *testing.T) {
	f := newFixture(t)
	fake := &fakeFormats{}
	f.u.SetFormats(fake)
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	f.u.dropped([]fyne.URI{fynestorage.NewFileURI("/tmp/a.txt"), fynestorage.NewFileURI("/tmp/b.txt")})
	<-done
	if len(f.u.docs) != 4 {
		t.Fatalf("%d documents listed after the import, want 4", len(f.u.docs))
	}
	if !strings.Contains(f.u.status.Text(), "Imported a.txt") {
		t.Errorf("status %q", f.u.status.Text())
	}
	// An import is undoable like everything else.
	f.shortcut(&fyne.ShortcutUndo{})
	if docs, _ := f.p.Documents(context.Background()); len(docs) != 3 {
		t.Errorf("%d documents after undo, want 3", len(docs))
	}
}

func TestExportRunsInBackground(t *testing.T) {
	f := newFixture(t)
	fake := &fakeFormats{}
	f.u.SetFormats(fake)
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	f.u.runExport(fake.ExportFormats()[0], "/tmp/out.json")
	<-done
	if fake.exported != "json /tmp/out.json" {
		t.Errorf("exported %q", fake.exported)
	}
	if !strings.Contains(f.u.status.Text(), "Exported to /tmp/out.json") {
		t.Errorf("status %q", f.u.status.Text())
	}
}

func TestImportErrorIsShown(t *testing.T) {
	f := newFixture(t)
	f.u.SetFormats(&failingFormats{})
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	f.u.runImport([]string{"/nowhere"})
	<-done
	if !strings.Contains(f.u.status.Text(), "No such thing") {
		t.Errorf("status %q does not show the error", f.u.status.Text())
	}
}

type failingFormats struct{ fakeFormats }

func (*failingFormats) Import(context.Context, storage.Project, []string, string, func(int, int, string)) (string, int, error) {
	return "", 0, errors.New("no such thing")
}

func TestShortcutTableListsKeys(t *testing.T) {
	table := ShortcutTable()
	for _, want := range []string{"| Q | Mark as quote |", "| Ctrl+Z | Undo |", "Ctrl+F", "| L |"} {
		if !strings.Contains(table, want) {
			t.Errorf("shortcut table lacks %q:\n%s", want, table)
		}
	}
}

func TestQuoteFromWindowIsInJSONExport(t *testing.T) {
	f := newFixture(t)
	ortiz, q := f.dragQuoteOfOrtiz()
	// File → Export… with the stock formats, as the window runs it.
	out := filepath.Join(t.TempDir(), "out.json")
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	var jsonFormat ExportFormat
	for _, ef := range f.u.formats.ExportFormats() {
		if ef.Name == "json" {
			jsonFormat = ef
		}
	}
	if jsonFormat.Name == "" {
		t.Fatal("no json export format is offered")
	}
	f.u.runExport(jsonFormat, out)
	<-done
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no export written: %v (status %q)", err, f.u.status.Text())
	}
	var file struct {
		OffsetUnit string `json:"offset_unit"`
		Documents  []struct {
			ID, Text string
		} `json:"documents"`
		Annotations []struct {
			ID, Kind, Text string
			Start, End     int
		} `json:"annotations"`
		Relations []struct {
			Type            string `json:"type"`
			SourceID        string `json:"source_id"`
			TargetSpeakerID string `json:"target_speaker_id"`
		} `json:"relations"`
		Speakers []struct{ ID, Name string } `json:"speakers"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if file.OffsetUnit != "codepoint" || len(file.Annotations) != 1 || len(file.Relations) != 1 {
		t.Fatalf("export: unit %q, %d annotations, %d relations", file.OffsetUnit, len(file.Annotations), len(file.Relations))
	}
	a, r := file.Annotations[0], file.Relations[0]
	text := []rune(file.Documents[0].Text)
	if a.Kind != "quote" || a.Text != q || string(text[a.Start:a.End]) != q {
		t.Errorf("exported %s [%d,%d) %q; the text there is %q", a.Kind, a.Start, a.End, a.Text, string(text[a.Start:a.End]))
	}
	if r.Type != "said_by" || r.SourceID != a.ID || r.TargetSpeakerID != ortiz.ID {
		t.Errorf("exported relation %+v, want the quote said_by Ana Ortiz", r)
	}
}
