package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestRendersArticleWithOverlappingSpans(t *testing.T) {
	tests := []struct {
		name    string
		variant fyne.ThemeVariant
		hover   string // hover over this text to show its tooltip
	}{
		{"light", theme.VariantLight, ""},
		{"dark", theme.VariantDark, ""},
		{"tooltip", theme.VariantLight, "said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newTestView(t, tt.variant, 420, 300)
			v.SetSelectedSpan("q2")
			s := offsetOf(t, v, "two officials")
			v.Select(s, s+len("two officials"))
			if tt.hover != "" {
				test.MoveMouse(w.Canvas(), charPos(v, offsetOf(t, v, tt.hover)))
			}
			test.AssertImageMatches(t, "articleview_"+tt.name+".png", w.Canvas().Capture())
		})
	}
}

// countObjects counts the canvas objects under o, descending into widgets
// and containers.
func countObjects(o fyne.CanvasObject) int {
	n := 1
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			n += countObjects(c)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			n += countObjects(c)
		}
	}
	return n
}

func TestLiveObjectsDependOnVisibleLinesOnly(t *testing.T) {
	test.NewTempApp(t)
	text, spans := benchArticle(200000, "")
	v := NewArticleView()
	v.SetText(text)
	v.SetSpans(spans)
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	check := func(when string) {
		n := countObjects(v)
		t.Logf("%s: %d live objects", when, n)
		if n >= 500 {
			t.Errorf("%s: %d live objects, want fewer than 500", when, n)
		}
		if n < 40 {
			t.Errorf("%s: only %d live objects: are the lines drawn?", when, n)
		}
	}
	check("top")
	v.ScrollTo(v.Len() / 2)
	v.SetSelectedSpan(spans[len(spans)/2].ID)
	check("middle")
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.MoveMouse(w.Canvas(), fyne.NewPos(300, 300))
	check("all selected, hovering")
	v.ScrollTo(v.Len())
	check("end")
}
