package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
)

// openAgreement chooses File → Agreement between coders… and waits for the
// computation to finish.
func (f *fixture) openAgreement() {
	f.t.Helper()
	var item *fyne.MenuItem
	for _, m := range f.w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Agreement between coders…" {
				item = it
			}
		}
	}
	if item == nil {
		f.t.Fatal("no Agreement between coders… menu item")
	}
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }
	item.Action()
	<-done
}

// dialogText joins the texts of the labels in the topmost dialog.
func (f *fixture) dialogText() string {
	var texts []string
	f.walkDialog(func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	return strings.Join(texts, "\n")
}

func TestAgreementDialogShowsAlpha(t *testing.T) {
	f := newFixture(t)
	second, err := f.p.EnsureAnnotator(context.Background(), "Second coder")
	if err != nil {
		t.Fatal(err)
	}
	// The window's coder takes the quote with its marks and comma, the
	// second coder without them.
	for _, c := range []struct {
		id, quote string
	}{{f.u.coder.ID, "“We have waited long enough,”"}, {second.ID, "We have waited long enough"}} {
		r := storage.FindAll(f.doc.Text, c.quote)[0]
		if _, err := f.p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: f.doc.ID, Kind: storage.KindQuote,
			Start: r.Start, End: r.End, AnnotatorID: c.id}); err != nil {
			t.Fatal(err)
		}
	}
	b, err := f.p.Snapshot(context.Background(), storage.SnapshotOptions{NoText: true})
	if err != nil {
		t.Fatal(err)
	}
	want, err := agreement.Compute(b, agreement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	alpha := want.Kinds[0].Alpha
	if !alpha.Defined() || alpha <= 0 || alpha >= 1 {
		t.Fatalf("quote alpha %v: the fixture should give a partial agreement", alpha)
	}

	f.openAgreement()
	shown := strings.Join(strings.Fields(f.dialogText()), " ")
	for _, s := range []string{
		"quote " + alpha.String() + " Second coder – Tester 1 0.000 0/1/1 1.000 1/0/0",
		"Coders: Second coder (1 document), Tester (1 document)",
	} {
		if !strings.Contains(shown, s) {
			t.Errorf("the dialog lacks %q:\n%s", s, f.dialogText())
		}
	}
	if !strings.Contains(f.u.status.Text(), "Agreement computed") {
		t.Errorf("status %q", f.u.status.Text())
	}
}

func TestAgreementDialogExplainsOneCoder(t *testing.T) {
	f := newFixture(t)
	f.mark("the budget unrealistic", "c")
	f.openAgreement()
	text := f.dialogText()
	if !strings.Contains(text, "two or more coders who annotated the same document") || !strings.Contains(text, "Tester: 1") {
		t.Errorf("the dialog does not explain why there is nothing to compare:\n%s", text)
	}
}
