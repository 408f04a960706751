package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// longView shows the sample article 40 times over.
func longView(t *testing.T) (*ArticleView, fyne.Window) {
	t.Helper()
	v, w := newTestView(t, theme.VariantLight, 420, 300)
	v.SetText(strings.Repeat(sampleText+"\n\n", 40))
	return v, w
}

// topOffset returns the first code point of the first line fully in view.
func topOffset(v *ArticleView) int {
	li := v.lineAtY(0)
	if v.lineY(li) < 0 {
		li++
	}
	return int(v.lay.lines[li].start)
}

func TestScrollWheel(t *testing.T) {
	v, w := longView(t)
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -120)
	if v.ScrollOffset() != 120 {
		t.Errorf("scrolled to %v, want 120", v.ScrollOffset())
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, 1e6)
	if v.ScrollOffset() != 0 {
		t.Errorf("scrolling up past the top gave %v", v.ScrollOffset())
	}
	v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -1e7)})
	if want := v.contentHeight() - v.Size().Height; v.ScrollOffset() != want {
		t.Errorf("scrolling past the end gave %v, want %v", v.ScrollOffset(), want)
	}
	press(v, fyne.KeyPageUp, false)
	if want := v.contentHeight() - 1.9*v.Size().Height; v.ScrollOffset() != want {
		t.Errorf("Page Up scrolled to %v, want %v", v.ScrollOffset(), want)
	}
}

func TestScrollTo(t *testing.T) {
	v, _ := longView(t)
	target := len([]rune(v.Text())) * 3 / 4
	v.ScrollTo(target)
	y := v.lineY(v.lineOf(target))
	if y < 0 || y+v.vm.lineH > v.Size().Height {
		t.Fatalf("offset %d is at y=%v after ScrollTo, outside the view", target, y)
	}
	before := v.ScrollOffset()
	v.ScrollTo(target + 1)
	if v.ScrollOffset() != before {
		t.Error("ScrollTo scrolled although the offset was in view")
	}
}

func TestScrollToBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	v := NewArticleView()
	v.SetText(strings.Repeat(sampleText+"\n\n", 40))
	target := v.Len() / 2
	v.ScrollTo(target)
	test.NewTempWindow(t, v).Resize(fyne.NewSize(420, 300))
	if y := v.lineY(v.lineOf(target)); y < 0 || y > v.Size().Height {
		t.Errorf("pending ScrollTo left offset %d at y=%v", target, y)
	}
}

func TestCaretMovesScrollIntoView(t *testing.T) {
	v, _ := longView(t)
	v.TypedShortcut(&desktopShortcutEnd)
	if y := v.lineY(v.lineOf(v.Len())); y < 0 || y+v.vm.lineH > v.Size().Height+0.01 {
		t.Errorf("the caret at the end is at y=%v, outside the view", y)
	}
}

func TestScrollBarDrag(t *testing.T) {
	v, w := longView(t)
	x := v.Size().Width - 4
	test.Drag(w.Canvas(), fyne.NewPos(x, 60), 0, 50)
	if v.ScrollOffset() <= 50 {
		t.Errorf("dragging the thumb 50 px scrolled only %v", v.ScrollOffset())
	}
	if s, e := v.Selection(); s != e {
		t.Errorf("dragging the scroll bar selected [%d,%d)", s, e)
	}
}

func TestRewrapOnResizeKeepsTopLine(t *testing.T) {
	v, w := longView(t)
	v.ScrollTo(v.Len() / 2)
	top := topOffset(v)
	lines := len(v.lay.lines)
	w.Resize(fyne.NewSize(300, 300))
	if len(v.lay.lines) <= lines {
		t.Errorf("narrower view has %d lines, had %d", len(v.lay.lines), lines)
	}
	for li := range v.lay.lines {
		if g := v.lay.geom(li); g.width() > v.lay.width+0.01 && classify(v.lay.runes[v.lay.lines[li].end-1]) != clsSpace {
			t.Fatalf("line %d is %v wide, wider than %v", li, g.width(), v.lay.width)
		}
	}
	li := v.lineOf(top)
	if y := v.lineY(li); y < -v.vm.lineH || y > v.vm.lineH {
		t.Errorf("after re-wrap the old top line is at y=%v", y)
	}
}

func TestTextSizeZooms(t *testing.T) {
	v, _ := longView(t)
	lines, lineH := len(v.lay.lines), v.vm.lineH
	v.SetTextSize(v.TextSize() * 1.5)
	if len(v.lay.lines) <= lines || v.vm.lineH <= lineH {
		t.Errorf("zooming in gave %d lines of %v px, had %d of %v", len(v.lay.lines), v.vm.lineH, lines, lineH)
	}
	v.SetTextSize(1000)
	if v.TextSize() != 96 {
		t.Errorf("text size %v, want it kept at 96", v.TextSize())
	}
	v.SetTextSize(0)
	if v.TextSize() != theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Errorf("text size 0 gives %v, not the theme's", v.TextSize())
	}
}

func TestFillsBorderCentre(t *testing.T) {
	test.NewTempApp(t)
	v := NewArticleView()
	v.SetText(sampleText)
	top := widget.NewLabel("toolbar")
	w := test.NewTempWindow(t, container.NewBorder(top, nil, nil, nil, v))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(600, 400))
	if want := fyne.NewSize(600, 400-top.MinSize().Height-theme.Padding()); v.Size() != want {
		t.Fatalf("view size %v, want %v", v.Size(), want)
	}
	wide := len(v.lay.lines)
	w.Resize(fyne.NewSize(250, 400))
	if v.Size().Width != 250 || len(v.lay.lines) <= wide {
		t.Errorf("after the window shrank: width %v, %d lines (had %d)", v.Size().Width, len(v.lay.lines), wide)
	}
}

var desktopShortcutEnd = desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault}
