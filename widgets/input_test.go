package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// press sends one key, with Shift held when shift is true.
func press(v *ArticleView, key fyne.KeyName, shift bool) {
	if shift {
		v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		defer v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	v.TypedKey(&fyne.KeyEvent{Name: key})
}

func TestKeysMoveAndExtend(t *testing.T) {
	type step struct {
		key   fyne.KeyName
		shift bool
	}
	tests := []struct {
		name  string
		at    string
		steps []step
		want  string // selected text afterwards
		caret string // when nothing is selected: the text from the caret on starts with this
	}{
		{"shift+right", "said", []step{{fyne.KeyRight, true}, {fyne.KeyRight, true}, {fyne.KeyRight, true}, {fyne.KeyRight, true}}, "said", ""},
		{"shift+left", " on Tuesday", []step{{fyne.KeyLeft, true}, {fyne.KeyLeft, true}, {fyne.KeyLeft, true}, {fyne.KeyLeft, true}}, "said", ""},
		{"right collapses to the end", "said", []step{{fyne.KeyRight, true}, {fyne.KeyRight, true}, {fyne.KeyRight, false}}, "", "id on"},
		{"left collapses to the start", "said", []step{{fyne.KeyRight, true}, {fyne.KeyRight, true}, {fyne.KeyLeft, false}}, "", "said"},
		{"shift+end", "Critics", []step{{fyne.KeyEnd, true}}, "Critics, however, called the offer a", ""},
		{"home", "however", []step{{fyne.KeyHome, false}}, "", "condition"},
		{"down then up keeps the column", "said", []step{{fyne.KeyDown, false}, {fyne.KeyUp, false}}, "", "said"},
		{"right over a paragraph break", "Geneva", []step{{fyne.KeyEnd, false}, {fyne.KeyRight, true}}, "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestView(t, theme.VariantLight, 420, 300)
			off := offsetOf(t, v, tt.at)
			v.Select(off, off)
			for _, s := range tt.steps {
				press(v, s.key, s.shift)
			}
			if got := v.SelectedText(); got != tt.want {
				t.Errorf("selected %q, want %q", got, tt.want)
			}
			if tt.caret != "" {
				if rest := string([]rune(v.Text())[v.caret:]); len(rest) < len(tt.caret) || rest[:len(tt.caret)] != tt.caret {
					t.Errorf("caret before %.12q, want before %q", rest, tt.caret)
				}
			}
		})
	}
}

func TestShiftDownSelectsToTheSameColumn(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	off := offsetOf(t, v, "said")
	v.Select(off, off)
	press(v, fyne.KeyDown, true)
	if s, e := v.Selection(); s != off || v.lineOf(e) != v.lineOf(off)+1 {
		t.Fatalf("Shift+Down selected [%d,%d) %q", s, e, v.SelectedText())
	}
	a, _ := v.PositionOf(off)
	b, _ := v.PositionOf(v.caret)
	if d := b.X - a.X; d > 8 || d < -8 {
		t.Errorf("Shift+Down moved the caret from x=%v to x=%v", a.X, b.X)
	}
}

func TestShortcuts(t *testing.T) {
	v, w := newTestView(t, theme.VariantLight, 420, 300)
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := v.Selection(); s != 0 || e != v.Len() {
		t.Errorf("Ctrl+A selected [%d,%d)", s, e)
	}
	off := offsetOf(t, v, "door")
	v.Select(off, off+4)
	cb := fyne.CurrentApp().Clipboard()
	v.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "door" {
		t.Errorf("Ctrl+C copied %q", got)
	}
	v.Select(off+5, off+12)
	v.TypedShortcut(&fyne.ShortcutCopy{})
	if got := cb.Content(); got != "remains" {
		t.Errorf("Ctrl+C without a clipboard copied %q", got)
	}
	v.Select(off, off)
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if got := v.SelectedText(); got != "door" {
		t.Errorf("Ctrl+Shift+Right selected %q", got)
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
	if s, e := v.Selection(); s != v.Len() || e != v.Len() {
		t.Errorf("Ctrl+End put the caret at [%d,%d)", s, e)
	}
	var got fyne.Shortcut
	v.OnTypedShortcut = func(s fyne.Shortcut) { got = s }
	plus := &desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault}
	v.TypedShortcut(plus)
	if got != plus {
		t.Errorf("Ctrl+Plus was not passed on, got %v", got)
	}
	_ = w
}

func TestUnusedKeysArePassedOn(t *testing.T) {
	v, _ := newTestView(t, theme.VariantLight, 420, 300)
	var runes []rune
	var keys []fyne.KeyName
	v.OnTypedRune = func(r rune) { runes = append(runes, r) }
	v.OnTypedKey = func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) }
	test.Type(v, "qs1")
	for _, k := range []fyne.KeyName{fyne.KeyQ, fyne.KeyEscape, fyne.KeyTab, fyne.KeyRight} {
		v.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if string(runes) != "qs1" {
		t.Errorf("runes passed on: %q", string(runes))
	}
	if want := []fyne.KeyName{fyne.KeyQ, fyne.KeyEscape, fyne.KeyTab}; !slices.Equal(keys, want) {
		t.Errorf("keys passed on: %v, want %v", keys, want)
	}
	if v.AcceptsTab() {
		t.Error("Tab is captured without CaptureTab")
	}
	v.CaptureTab = true
	if !v.AcceptsTab() {
		t.Error("CaptureTab does not capture Tab")
	}
}

func TestTapReportsInnermostSpan(t *testing.T) {
	tests := []struct{ at, want string }{
		{"said", "c1"},
		{"foreign", "s1"},
		{"Tuesday", "q1"},
		{"remains", "q2"},
		{"spokesman", "m1"},
		{"Critics", ""},
	}
	for _, tt := range tests {
		v, w := newTestView(t, theme.VariantLight, 420, 300)
		got := ""
		v.OnSpanTapped = func(id string) { got = id }
		test.TapAt(v, charPos(v, offsetOf(t, v, tt.at)))
		if got != tt.want {
			t.Errorf("tap on %q reported %q, want %q", tt.at, got, tt.want)
		}
		if w.Canvas().Focused() != v {
			t.Errorf("tap on %q does not focus the view", tt.at)
		}
	}
}

func TestSecondaryTapReportsOffsetAndSpans(t *testing.T) {
	v, w := newTestView(t, theme.VariantLight, 420, 300)
	var off int
	var ids []string
	var pos fyne.Position
	v.OnSecondaryTapped = func(o int, s []string, p fyne.Position) { off, ids, pos = o, s, p }
	at := offsetOf(t, v, "said")
	p := charPos(v, at+1)
	test.TapSecondaryAt(v, p)
	if off != at+1 || !slices.Equal(ids, []string{"c1", "q1"}) {
		t.Errorf("right click reported %d %v, want %d [c1 q1]", off, ids, at+1)
	}
	if abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Add(p); pos != abs {
		t.Errorf("right click position %v, want %v", pos, abs)
	}
	_ = w
}

func TestTooltipShowsLabels(t *testing.T) {
	v, w := newTestView(t, theme.VariantLight, 420, 300)
	test.MoveMouse(w.Canvas(), charPos(v, offsetOf(t, v, "said")))
	if got, want := v.Tooltip(), []string{"cue", "quote (indirect)"}; !slices.Equal(got, want) {
		t.Fatalf("tooltip %v, want %v", got, want)
	}
	if !hasText(v, "cue") {
		t.Error("the tooltip is not drawn")
	}
	test.MoveMouse(w.Canvas(), charPos(v, offsetOf(t, v, "Critics")))
	if got := v.Tooltip(); got != nil {
		t.Errorf("tooltip over plain text: %v", got)
	}
	if hasText(v, "cue") {
		t.Error("the tooltip is still drawn")
	}
	if v.Cursor() != desktop.TextCursor {
		t.Error("no text cursor over the text")
	}
}

// hasText reports whether the view draws a text object reading s.
func hasText(v *ArticleView, s string) bool {
	for _, o := range test.WidgetRenderer(v).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Text == s {
			return true
		}
	}
	return false
}
