package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestMemoSavedUndoneAndDeleted(t *testing.T) {
	f := newFixture(t)
	memos := func() []string {
		ms, err := f.p.Memos(context.Background(), f.doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Text)
		}
		return out
	}
	steps := []struct {
		text string
		want []string
	}{
		{"Framing: economic. Check the 1998 date.", []string{"Framing: economic. Check the 1998 date."}},
		{"Framing: economic.", []string{"Framing: economic."}},
		{"", nil},
	}
	for i, s := range steps {
		test.Tap(f.u.meta.memo)
		e := f.entries()
		if len(e) != 1 {
			t.Fatalf("step %d: %d entries in the memo dialog", i, len(e))
		}
		e[0].SetText(s.text)
		f.tapButton("Save")
		if got := memos(); len(got) != len(s.want) || (len(got) == 1 && got[0] != s.want[0]) {
			t.Fatalf("step %d: memos %q, want %q", i, got, s.want)
		}
	}
	if _, err := f.p.Undo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := memos(); len(got) != 1 || got[0] != "Framing: economic." {
		t.Fatalf("after undo: %q", got)
	}
}
