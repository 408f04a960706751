package app

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// TestImportSummaryShowsConflicts: File → Import… of a JSON export whose
// quote differs from the project's keeps the project's version, and the
// import summary in the window lists the clash by id.
func TestImportSummaryShowsConflicts(t *testing.T) {
	f := newFixture(t)
	f.dragQuoteOfOrtiz()
	q := f.one(storage.KindQuote)
	out := filepath.Join(t.TempDir(), "out.json")
	run := func(start func()) {
		done := make(chan struct{})
		f.u.onBackgroundDone = func() { close(done) }
		start()
		<-done
	}
	for _, ef := range f.u.formats.ExportFormats() {
		if ef.Name == "json" {
			run(func() { f.u.runExport(ef, out) })
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `"start": `+strconv.Itoa(q.Start), `"start": `+strconv.Itoa(q.Start+1), 1)
	edited = strings.Replace(edited, `"text": "`+q.Text+`"`, `"text": "`+string([]rune(q.Text)[1:])+`"`, 1)
	if edited == string(data) {
		t.Fatal("the test could not edit the export")
	}
	if err := os.WriteFile(out, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	run(func() { f.u.runImport([]string{out}) })
	found := false
	f.walkDialog(func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "annotation "+q.ID) && strings.Contains(l.Text, "differs from the project's in span; kept the project's version") {
			found = true
		}
	})
	if !found {
		t.Errorf("the import summary does not list the conflict (status %q)", f.u.status.Text())
	}
	if a, _ := f.p.Annotation(context.Background(), q.ID); a.Start != q.Start {
		t.Errorf("the project's quote moved to %d", a.Start)
	}
}
