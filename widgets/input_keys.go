package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained shows the caret.
func (v *ArticleView) FocusGained() {
	v.focused = true
	v.Refresh()
}

// FocusLost hides the caret.
func (v *ArticleView) FocusLost() {
	v.focused, v.shift = false, false
	v.Refresh()
}

// AcceptsTab reports CaptureTab (fyne.Tabbable).
func (v *ArticleView) AcceptsTab() bool { return v.CaptureTab }

// KeyDown tracks the Shift keys for Shift+arrow selection.
func (v *ArticleView) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp tracks the Shift keys for Shift+arrow selection.
func (v *ArticleView) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// TypedRune passes typed characters to OnTypedRune.
func (v *ArticleView) TypedRune(r rune) {
	if v.OnTypedRune != nil {
		v.OnTypedRune(r)
	}
}

// TypedKey moves the caret with arrows, Home and End (extending the
// selection while Shift is held), scrolls with Page Up/Down and passes every
// other key to OnTypedKey.
func (v *ArticleView) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd:
		v.moveCaret(v.horizontalTarget(ev.Name), v.shift, false)
	case fyne.KeyUp:
		v.moveCaret(v.verticalTarget(-1), v.shift, true)
	case fyne.KeyDown:
		v.moveCaret(v.verticalTarget(1), v.shift, true)
	case fyne.KeyPageUp:
		v.scrollBy(-0.9 * v.Size().Height)
	case fyne.KeyPageDown:
		v.scrollBy(0.9 * v.Size().Height)
	default:
		if v.OnTypedKey != nil {
			v.OnTypedKey(ev)
		}
	}
}

// TypedShortcut copies (Ctrl+C), selects all (Ctrl+A) and moves word-wise
// (Ctrl+Left/Right, with Shift to extend) or to the ends (Ctrl+Home/End).
// Other shortcuts go to OnTypedShortcut, or to the canvas when it is nil.
func (v *ArticleView) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		v.copySelection(sc.Clipboard)
		return
	case *fyne.ShortcutSelectAll:
		v.SelectAll()
		return
	case *desktop.CustomShortcut:
		if v.moveShortcut(sc) {
			return
		}
	}
	if v.OnTypedShortcut != nil {
		v.OnTypedShortcut(s)
		return
	}
	if app := fyne.CurrentApp(); app != nil {
		if c, ok := app.Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

// moveShortcut handles the caret shortcuts; it reports whether sc was one.
func (v *ArticleView) moveShortcut(sc *desktop.CustomShortcut) bool {
	mod := sc.Modifier &^ fyne.KeyModifierShift
	if mod != fyne.KeyModifierShortcutDefault {
		return false
	}
	extend := sc.Modifier&fyne.KeyModifierShift != 0
	switch sc.KeyName {
	case fyne.KeyLeft:
		v.moveCaret(prevWordStart(v.lay.runes, v.caret), extend, false)
	case fyne.KeyRight:
		v.moveCaret(nextWordEnd(v.lay.runes, v.caret), extend, false)
	case fyne.KeyHome:
		v.moveCaret(0, extend, false)
	case fyne.KeyEnd:
		v.moveCaret(v.Len(), extend, false)
	default:
		return false
	}
	return true
}

// moveCaret moves the caret to off, keeping the anchor when extending, and
// scrolls it into view. keepGoal keeps the x column of up/down moves.
func (v *ArticleView) moveCaret(off int, extend, keepGoal bool) {
	if !keepGoal {
		v.goalX = -1
	}
	if extend {
		v.setSelection(v.anchor, off)
	} else {
		v.setSelection(off, off)
	}
	v.ensureVisible(off)
	v.Refresh()
}

// horizontalTarget returns where Left, Right, Home or End moves the caret.
// Without Shift, Left and Right first collapse a selection to its edge.
func (v *ArticleView) horizontalTarget(key fyne.KeyName) int {
	s, e := v.Selection()
	if !v.ensureLayout() {
		return v.caret
	}
	switch {
	case key == fyne.KeyLeft && !v.shift && s < e:
		return s
	case key == fyne.KeyRight && !v.shift && s < e:
		return e
	case key == fyne.KeyLeft:
		return v.prevBoundary(v.caret)
	case key == fyne.KeyRight:
		return v.nextBoundary(v.caret)
	}
	li := v.lineOf(v.caret)
	ln := v.lay.lines[li]
	if key == fyne.KeyHome {
		return int(ln.start)
	}
	end := int(ln.end)
	if li+1 < len(v.lay.lines) && v.lay.lines[li+1].start == ln.end { // soft wrap: stop before the hanging space
		for end > int(ln.start) && classify(v.lay.runes[end-1]) == clsSpace {
			end--
		}
	}
	return end
}

// verticalTarget returns the offset dir lines up (-1) or down (1) from the
// caret, keeping its x column.
func (v *ArticleView) verticalTarget(dir int) int {
	if !v.ensureLayout() {
		return v.caret
	}
	li := v.lineOf(v.caret)
	if v.goalX < 0 {
		v.goalX = v.lay.geom(li).caretX(v.caret - int(v.lay.lines[li].start))
	}
	switch li += dir; {
	case li < 0:
		return 0
	case li >= len(v.lay.lines):
		return v.Len()
	}
	g := v.lay.geom(li)
	return g.start + g.hit(v.goalX)
}

// prevBoundary returns the grapheme boundary before off, skipping a hard
// line break as one step.
func (v *ArticleView) prevBoundary(off int) int {
	li := v.lineOf(off)
	ln := v.lay.lines[li]
	switch {
	case off > int(ln.end):
		return int(ln.end)
	case off > int(ln.start):
		return int(ln.start) + v.lay.geom(li).snap(off-int(ln.start)-1)
	case li == 0:
		return 0
	}
	prev := v.lay.lines[li-1]
	if prev.end < ln.start {
		return int(prev.end)
	}
	return int(prev.start) + v.lay.geom(li-1).snap(int(prev.end-prev.start)-1)
}

// nextBoundary returns the grapheme boundary after off, skipping a hard
// line break as one step.
func (v *ArticleView) nextBoundary(off int) int {
	li := v.lineOf(off)
	ln := v.lay.lines[li]
	switch {
	case off < int(ln.end):
		return int(ln.start) + v.lay.geom(li).nextStop(off-int(ln.start))
	case li+1 < len(v.lay.lines):
		return int(v.lay.lines[li+1].start)
	}
	return v.Len()
}
