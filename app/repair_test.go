package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// changedProject writes a project with one quote whose relations table
// another program dropped and to which it added a trigger that empties
// the annotations on every import.
func changedProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "field notes.saywho")
	p, err := sqlite.Create(path, "Field notes")
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.AddDocument(context.Background(), storage.Document{Text: secondArticle})
	if err != nil {
		t.Fatal(err)
	}
	who, _ := p.EnsureAnnotator(context.Background(), "Tester")
	r := storage.FindAll(d.Text, "“Fuel costs have doubled,”")[0]
	if _, err := p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: r.Start, End: r.End, AnnotatorID: who.ID}); err != nil {
		t.Fatal(err)
	}
	p.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{"DROP TABLE relations", "CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM annotations; END"} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestOpenChangedProjectOffersRepair opens a project whose structure was
// changed outside Saywho: the window keeps its project, says what changed
// and offers Repair, which writes a clean copy beside it, reports what it
// recovered and opens the copy on request. The damaged file is not
// changed.
func TestOpenChangedProjectOffersRepair(t *testing.T) {
	f := newFixture(t)
	path := changedProject(t)
	damaged, _ := os.ReadFile(path)
	f.u.openProjectPath(path)
	if f.u.p != f.p {
		t.Fatal("the window switched to a project it refused")
	}
	if text := f.dialogText(); !strings.Contains(text, "table relations is missing") || !strings.Contains(text, "field notes (repaired).saywho") {
		t.Fatalf("the refusal does not say what changed and what Repair writes:\n%s", text)
	}
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	f.tapButton("Repair…")
	<-done
	if text := f.dialogText(); !strings.Contains(text, "relations          table missing") || !strings.Contains(text, "annotations        1 of 1") {
		t.Fatalf("the report does not say what was recovered:\n%s", text)
	}
	f.tapButton("Open the repaired project")
	ui := f.u.sess.ui
	repaired := filepath.Join(filepath.Dir(path), "field notes (repaired).saywho")
	if ui.p.Path() != repaired {
		t.Fatalf("the window shows %s, want the repaired project", ui.p.Path())
	}
	defer ui.p.Close()
	if anns, err := ui.p.Annotations(context.Background(), storage.Filter{}); err != nil || len(anns) != 1 {
		t.Errorf("the repaired project holds %d annotations (%v), want the quote", len(anns), err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(damaged) {
		t.Error("the damaged project was changed")
	}
}

func TestFileMenuHasRepair(t *testing.T) {
	f := newFixture(t)
	for _, it := range f.w.MainMenu().Items[0].Items {
		if it.Label == "Repair project…" && it.Action != nil {
			return
		}
	}
	t.Fatal("File has no Repair project… item")
}
