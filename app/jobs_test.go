package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// blockingFormats imports one document, then waits until the import is
// cancelled, as a long import would.
type blockingFormats struct {
	fakeFormats
	started chan struct{}
}

func (b *blockingFormats) Import(ctx context.Context, p storage.Project, paths []string, coder string, progress func(int, int, string)) (string, int, error) {
	progress(0, 2, "first.txt")
	if _, err := p.AddDocument(ctx, storage.Document{Text: "The first file\nof a long import.", FileName: "first.txt"}); err != nil {
		return "", 0, err
	}
	progress(1, 2, "second.txt")
	close(b.started)
	<-ctx.Done()
	return "Imported 1 document before the cancel.", 0, ctx.Err()
}

// While an import runs, the actions that would change the project are
// refused and greyed out; Cancel stops it, what was imported stays, and
// editing works again.
func TestEditingWaitsForImportAndCancelStopsIt(t *testing.T) {
	f := newFixture(t)
	fake := &blockingFormats{started: make(chan struct{})}
	f.u.SetFormats(fake)
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	f.u.runImport([]string{"/tmp/first.txt", "/tmp/second.txt"})
	<-fake.started

	if !f.u.jobs.editingBlocked() {
		t.Fatal("no job is running during the import")
	}
	for _, id := range []string{"quote", "undo", "open", "import", "export"} {
		if !f.u.menus.items[id].Disabled {
			t.Errorf("menu item %s is enabled during the import", id)
		}
	}
	f.drag("the budget unrealistic")
	f.key("q")
	if got := f.annotations(storage.KindQuote); len(got) != 0 {
		t.Fatalf("a quote was marked during the import: %+v", got)
	}
	if !strings.Contains(f.u.status.Text(), "importing is running") {
		t.Errorf("status %q does not say why", f.u.status.Text())
	}
	f.shortcut(&fyne.ShortcutUndo{})
	if docs, _ := f.p.Documents(context.Background()); len(docs) != 3 {
		t.Fatalf("%d documents: undo acted during the import", len(docs))
	}

	cancelled := false
	for _, o := range f.u.status.job.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == "Cancel" {
			test.Tap(b)
			cancelled = true
		}
	}
	if !cancelled {
		t.Fatal("the status bar shows no Cancel button during the import")
	}
	<-done
	if f.u.jobs.running() {
		t.Fatal("the job still runs after Cancel")
	}
	if !strings.Contains(f.u.status.Text(), "cancelled") {
		t.Errorf("status %q", f.u.status.Text())
	}
	if len(f.u.docs) != 3 || f.u.menus.items["quote"].Disabled {
		t.Fatalf("after the cancel: %d documents listed, quote disabled %v", len(f.u.docs), f.u.menus.items["quote"].Disabled)
	}
	f.tapButton("OK") // the summary of what was imported before the cancel
	f.drag("the budget unrealistic")
	f.key("q")
	if got := f.annotations(storage.KindQuote); len(got) != 1 {
		t.Fatalf("%d quotes after the import ended, want 1; status %q", len(got), f.u.status.Text())
	}
}
