package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// offsetOf returns the code-point offset of the first occurrence of s in
// the view's text.
func offsetOf(t *testing.T, v *ArticleView, s string) int {
	t.Helper()
	i := strings.Index(v.Text(), s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return len([]rune(v.Text()[:i]))
}

// caretPos returns the middle of the caret at offset, in view coordinates.
func caretPos(v *ArticleView, off int) fyne.Position {
	pos, h := v.PositionOf(off)
	return pos.AddXY(0, h/2)
}

// charPos returns the middle of the character at offset.
func charPos(v *ArticleView, off int) fyne.Position {
	a, b := caretPos(v, off), caretPos(v, off+1)
	if b.Y != a.Y {
		return a.AddXY(2, 0)
	}
	return fyne.NewPos((a.X+b.X)/2, a.Y)
}

func TestDragSelects(t *testing.T) {
	tests := []struct {
		name       string
		from, to   string // drag from the start of one string to the start of another
		snap       bool
		start, end string // the selection expected: from the start of start to the start of end
	}{
		{"forward", "minister", "said", false, "minister", "said"},
		{"backward", "said", "minister", false, "minister", "said"},
		{"across lines", "foreign", "officials", false, "foreign", "officials"},
		{"snapped to words", "reign", "ster said", true, "foreign", " said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newTestView(t, theme.VariantLight, 420, 300)
			v.SetSnapToWords(tt.snap)
			var reported [2]int
			v.OnSelectionChanged = func(s, e int) { reported = [2]int{s, e} }
			a, b := caretPos(v, offsetOf(t, v, tt.from)), caretPos(v, offsetOf(t, v, tt.to))
			test.Drag(w.Canvas(), b, b.X-a.X, b.Y-a.Y)
			s, e := v.Selection()
			ws, we := offsetOf(t, v, tt.start), offsetOf(t, v, tt.end)
			if s != ws || e != we {
				t.Errorf("selection = [%d,%d) %q, want [%d,%d)", s, e, v.SelectedText(), ws, we)
			}
			if reported != [2]int{s, e} {
				t.Errorf("OnSelectionChanged reported %v, want [%d %d]", reported, s, e)
			}
			if w.Canvas().Focused() != v {
				t.Error("a drag does not focus the view")
			}
		})
	}
}

func TestMouseDownAndDragLikeTheDesktopDriver(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	a, b := caretPos(v, offsetOf(t, v, "foreign")), caretPos(v, offsetOf(t, v, " minister"))
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: a}, Button: desktop.MouseButtonPrimary})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: a.AddXY(10, 0)}, Dragged: fyne.NewDelta(10, 0)})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: b}, Dragged: fyne.NewDelta(b.X-a.X-10, 0)})
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: b}, Button: desktop.MouseButtonPrimary})
	v.DragEnd()
	if got := v.SelectedText(); got != "foreign" {
		t.Errorf("selected %q, want %q", got, "foreign")
	}
}

func TestDoubleTapSelectsWord(t *testing.T) {
	tests := []struct{ at, want string }{
		{"remains", "remains"},
		{"ceasefire", "ceasefire"},
		{" who", " "},
		{"\"We", "\""},
	}
	for _, tt := range tests {
		v, _ := newTestView(t, theme.VariantLight, 420, 300)
		off := offsetOf(t, v, tt.at)
		v.DoubleTapped(&fyne.PointEvent{Position: charPos(v, off)})
		if got := v.SelectedText(); got != tt.want {
			t.Errorf("double tap on %q selected %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestDoubleTapOnEmojiAndCombiningMarks(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	v.SetText("Crowds 👍🏽 cheered the re\u0301sume\u0301 today")
	for at, want := range map[string]string{"👍🏽": "👍🏽", "re\u0301sume\u0301": "re\u0301sume\u0301"} {
		v.DoubleTapped(&fyne.PointEvent{Position: charPos(v, offsetOf(t, v, at))})
		if got := v.SelectedText(); got != want {
			t.Errorf("double tap on %q selected %q", at, got)
		}
	}
}

func TestShiftClickExtends(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	click := func(s string, shift bool) {
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: caretPos(v, offsetOf(t, v, s))}, Button: desktop.MouseButtonPrimary}
		if shift {
			ev.Modifier = fyne.KeyModifierShift
		}
		v.MouseDown(ev)
		v.MouseUp(ev)
	}
	click("door", false)
	click(" for a", true)
	if got := v.SelectedText(); got != "door remains open\"" {
		t.Errorf("shift-click forward selected %q", got)
	}
	click("the door", true)
	if got := v.SelectedText(); got != "the " {
		t.Errorf("shift-click backward selected %q", got)
	}
	v.SetSnapToWords(true)
	click("oor", false)
	click("ains", true)
	if got := v.SelectedText(); got != "door remains" {
		t.Errorf("snapped shift-click selected %q", got)
	}
}

func TestRightClickDoesNotMoveTheSelection(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	v.Select(3, 9)
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: caretPos(v, 40)}, Button: desktop.MouseButtonSecondary})
	if s, e := v.Selection(); s != 3 || e != 9 {
		t.Errorf("right button moved the selection to [%d,%d)", s, e)
	}
}

func TestSelectClampsAndReports(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	calls := 0
	v.OnSelectionChanged = func(int, int) { calls++ }
	v.Select(-4, 10)
	v.Select(10, 0) // backwards: same range
	v.Select(5, 1e9)
	if s, e := v.Selection(); s != 5 || e != v.Len() {
		t.Errorf("Select(5, huge) = [%d,%d)", s, e)
	}
	if calls != 2 {
		t.Errorf("OnSelectionChanged called %d times, want 2", calls)
	}
	if v.SelectedText() != string([]rune(sampleText)[5:]) {
		t.Error("SelectedText does not match the selection")
	}
}
