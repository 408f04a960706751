package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// pointerState tracks one mouse gesture.
type pointerState struct {
	pressed  bool // primary button down (MouseDown seen, MouseUp not yet)
	shift    bool // Shift was held at MouseDown: the gesture extends the selection
	dragging bool // a drag is in progress
	onBar    bool // the gesture started on the scroll bar
	anchor   int  // where the gesture's selection started (before snapping)
	hoverBar bool // the pointer rests on the scroll bar strip
}

// MouseDown places the caret (or extends the selection with Shift) at once,
// before the click is recognised as a tap.
func (v *ArticleView) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	v.requestFocus()
	v.ptr.pressed, v.ptr.shift = true, ev.Modifier&fyne.KeyModifierShift != 0
	if v.ptr.onBar = v.onBar(ev.Position); v.ptr.onBar {
		v.scrollBarPressed(ev.Position.Y)
		return
	}
	off := v.OffsetAt(ev.Position)
	if v.ptr.shift {
		v.ptr.anchor = v.anchor
	} else {
		v.ptr.anchor = off
	}
	v.selectByMouse(v.ptr.anchor, off)
}

// MouseUp ends a press.
func (v *ArticleView) MouseUp(*desktop.MouseEvent) {
	v.ptr.pressed = false
}

// Dragged extends the selection from where the drag started to the
// pointer, scrolling when the pointer leaves the view. The start is taken
// from the first event (position minus delta) so that drivers which send
// no MouseDown, such as Fyne's test driver, select the same way.
func (v *ArticleView) Dragged(ev *fyne.DragEvent) {
	if !v.ptr.dragging {
		v.ptr.dragging = true
		start := ev.Position.Subtract(ev.Dragged)
		v.ptr.onBar = v.onBar(start)
		if !v.ptr.pressed {
			v.requestFocus()
		}
		if !v.ptr.onBar && !(v.ptr.pressed && v.ptr.shift) {
			v.ptr.anchor = v.OffsetAt(start)
		}
	}
	if v.ptr.onBar {
		v.scrollBarDragged(ev.Dragged.DY)
		return
	}
	if h := v.Size().Height; ev.Position.Y < 0 {
		v.scrollBy(ev.Position.Y)
	} else if ev.Position.Y > h {
		v.scrollBy(ev.Position.Y - h)
	}
	v.selectByMouse(v.ptr.anchor, v.OffsetAt(ev.Position))
}

// DragEnd ends a drag.
func (v *ArticleView) DragEnd() {
	v.ptr.dragging, v.ptr.onBar, v.ptr.shift = false, false, false
}

// Tapped reports the innermost span under a primary click.
func (v *ArticleView) Tapped(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.onBar(ev.Position) || v.OnSpanTapped == nil {
		return
	}
	if ch := v.charAtPos(ev.Position); ch >= 0 {
		if in := v.spans.at(ch); len(in) > 0 {
			v.OnSpanTapped(v.spans.spans[in[0]].ID)
		}
	}
}

// DoubleTapped selects the word (or the character, if it is not in a word)
// under the pointer.
func (v *ArticleView) DoubleTapped(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.onBar(ev.Position) || v.Len() == 0 {
		return
	}
	ch := v.charAtPos(ev.Position)
	if ch < 0 {
		ch = max(min(v.OffsetAt(ev.Position), v.Len()-1), 0)
	}
	s, e := wordAt(v.lay.runes, ch)
	v.goalX = -1
	v.setSelection(s, e)
	v.Refresh()
}

// TappedSecondary reports a right click for a context menu; the selection
// is left as it is.
func (v *ArticleView) TappedSecondary(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.OnSecondaryTapped == nil || v.onBar(ev.Position) {
		return
	}
	off, ids := v.charAtPos(ev.Position), []string(nil)
	if off >= 0 {
		ids = v.SpansAt(off)
	} else {
		off = v.OffsetAt(ev.Position)
	}
	v.OnSecondaryTapped(off, ids, ev.AbsolutePosition)
}

// MouseIn starts hovering.
func (v *ArticleView) MouseIn(ev *desktop.MouseEvent) { v.hover(ev.Position) }

// MouseMoved updates the tooltip and the scroll bar's hover state.
func (v *ArticleView) MouseMoved(ev *desktop.MouseEvent) { v.hover(ev.Position) }

// MouseOut hides the tooltip.
func (v *ArticleView) MouseOut() {
	if v.ptr.hoverBar || len(v.tip.labels) > 0 {
		v.ptr.hoverBar, v.tip = false, tipState{}
		v.Refresh()
	}
}

// Cursor returns the text cursor, or the default one over the scroll bar.
func (v *ArticleView) Cursor() desktop.Cursor {
	if v.ptr.hoverBar {
		return desktop.DefaultCursor
	}
	return desktop.TextCursor
}

// requestFocus focuses the view on its canvas.
func (v *ArticleView) requestFocus() {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	if c := app.Driver().CanvasForObject(v); c != nil && c.Focused() != v {
		c.Focus(v)
	}
}
