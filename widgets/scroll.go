package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Scrolled scrolls the view by a mouse wheel or touchpad event.
func (v *ArticleView) Scrolled(ev *fyne.ScrollEvent) {
	v.scrollBy(-ev.Scrolled.DY)
}

// ScrollTo brings offset into view: when its line is not fully visible, the
// view scrolls to show it a third of the way down. Before the view has a
// size the request is kept and applied at the first layout.
func (v *ArticleView) ScrollTo(offset int) {
	if !v.ensureLayout() {
		v.pendingScroll = max(offset, 0)
		return
	}
	li := v.lineOf(offset)
	if y := v.lineY(li); y >= 0 && y+v.vm.lineH <= v.Size().Height {
		return
	}
	v.setScroll(v.contentY(li) - v.Size().Height/3)
}

// ScrollOffset returns the vertical scroll position in pixels.
func (v *ArticleView) ScrollOffset() float32 { return v.scrollY }

// scrollBy scrolls by dy pixels (positive: down).
func (v *ArticleView) scrollBy(dy float32) { v.setScroll(v.scrollY + dy) }

// setScroll scrolls to y (clamped) and redraws if it moved.
func (v *ArticleView) setScroll(y float32) {
	if !v.ensureLayout() {
		return
	}
	if y = v.clampScroll(y); y != v.scrollY {
		v.scrollY = y
		v.tip = tipState{}
		v.Refresh()
	}
}

// clampScroll limits y to the scrollable range.
func (v *ArticleView) clampScroll(y float32) float32 {
	return max(min(y, v.contentHeight()-v.Size().Height), 0)
}

// ensureVisible scrolls the least amount that shows offset's whole line.
func (v *ArticleView) ensureVisible(offset int) {
	if !v.ensureLayout() {
		return
	}
	li := v.lineOf(offset)
	y := v.lineY(li)
	switch {
	case y < 0:
		v.setScroll(v.scrollY + y)
	case y+v.vm.lineH > v.Size().Height:
		v.setScroll(v.scrollY + y + v.vm.lineH - v.Size().Height)
	}
}

// barWidth returns the width of the strip at the right edge that belongs to
// the scroll bar.
func (v *ArticleView) barWidth() float32 {
	return v.Theme().Size(theme.SizeNameScrollBar)
}

// onBar reports whether pos is on the scroll bar strip of a scrollable view.
func (v *ArticleView) onBar(pos fyne.Position) bool {
	return v.contentHeight() > v.Size().Height && pos.X >= v.Size().Width-v.barWidth()
}

// thumb returns the scroll bar thumb's top and height, or ok=false when the
// whole text fits.
func (v *ArticleView) thumb() (top, height float32, ok bool) {
	h, ch := v.Size().Height, v.contentHeight()
	if ch <= h || h <= 0 {
		return 0, 0, false
	}
	height = max(h*h/ch, v.barWidth()*2)
	top = (h - height) * v.scrollY / (ch - h)
	return top, height, true
}

// scrollBarDragged moves the thumb by dy pixels.
func (v *ArticleView) scrollBarDragged(dy float32) {
	_, height, ok := v.thumb()
	if !ok {
		return
	}
	h := v.Size().Height
	v.scrollBy(dy * (v.contentHeight() - h) / (h - height))
}

// scrollBarPressed pages towards y when it is outside the thumb.
func (v *ArticleView) scrollBarPressed(y float32) {
	top, height, ok := v.thumb()
	switch {
	case !ok:
	case y < top:
		v.scrollBy(-v.Size().Height * 0.9)
	case y > top+height:
		v.scrollBy(v.Size().Height * 0.9)
	}
}
