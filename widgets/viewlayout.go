package widgets

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// viewMetrics are the view's vertical metrics at its current text size.
type viewMetrics struct {
	pad     float32 // inner padding around the text
	textH   float32 // height of a line's text box
	lineH   float32 // line pitch: text box, bar rows and a gap
	barH    float32 // thickness of an underline bar
	barStep float32 // distance between bar rows
}

// metricsOf derives the view metrics from text metrics.
func metricsOf(m *metrics, pad float32) viewMetrics {
	barH := max(2, float32(math.Round(float64(m.size/7))))
	vm := viewMetrics{pad: pad, textH: m.textH, barH: barH, barStep: barH + 1}
	vm.lineH = float32(math.Ceil(float64(vm.textH + 2 + maxLevels*vm.barStep)))
	return vm
}

// ensureLayout measures and wraps the text for the current size and text
// size, keeping the first visible character at the top when the lines
// change. It reports false while the view has no size yet.
func (v *ArticleView) ensureLayout() bool {
	size := v.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return false
	}
	pad := v.Theme().Size(theme.SizeNameInnerPadding)
	m := metricsFor(v.TextSize())
	w := max(size.Width-2*pad, 1)
	if v.lay.m == m && v.lay.width == w && len(v.lay.lines) > 0 && v.vm.pad == pad {
		return true
	}
	top, into := -1, float32(0) // the top line's first code point, how far it is scrolled past
	if v.lay.m != nil && len(v.lay.lines) > 0 && v.vm.lineH > 0 {
		li := v.lineAtY(0)
		top, into = int(v.lay.lines[li].start), (v.scrollY-v.contentY(li)+v.vm.pad)/v.vm.lineH
	}
	v.lay.measure(m)
	v.lay.wrap(w)
	v.vm = metricsOf(m, pad)
	if top >= 0 {
		v.scrollY = v.contentY(v.lay.lineAt(top)) - pad + into*v.vm.lineH
	}
	if off := v.pendingScroll; off >= 0 {
		v.pendingScroll = -1
		v.scrollY = v.contentY(v.lay.lineAt(off)) - size.Height/3
	}
	v.scrollY = v.clampScroll(v.scrollY)
	return true
}

// contentY returns the top of line li in content coordinates.
func (v *ArticleView) contentY(li int) float32 { return v.vm.pad + float32(li)*v.vm.lineH }

// lineY returns the top of line li in view coordinates.
func (v *ArticleView) lineY(li int) float32 { return v.contentY(li) - v.scrollY }

// contentHeight returns the height of all lines with padding.
func (v *ArticleView) contentHeight() float32 {
	return 2*v.vm.pad + float32(len(v.lay.lines))*v.vm.lineH
}

// lineAtY returns the line at view y, clamped to the existing lines.
func (v *ArticleView) lineAtY(y float32) int {
	li := int(math.Floor(float64((y + v.scrollY - v.vm.pad) / v.vm.lineH)))
	return max(min(li, len(v.lay.lines)-1), 0)
}

// visibleLines returns the first and last line that show in the view.
func (v *ArticleView) visibleLines() (int, int) {
	return v.lineAtY(0), v.lineAtY(v.Size().Height)
}

// OffsetAt returns the caret offset nearest to pos (relative to the view),
// the offset a click there would place the caret at.
func (v *ArticleView) OffsetAt(pos fyne.Position) int {
	if !v.ensureLayout() {
		return 0
	}
	li := v.lineAtY(pos.Y)
	g := v.lay.geom(li)
	k := g.hit(pos.X - v.vm.pad)
	if k == g.n() && k > 0 && v.softWrapped(li) {
		k = g.snap(k - 1) // the line's end is shown at the next line's start
	}
	return g.start + k
}

// softWrapped reports whether line li continues on the next line without
// a hard break.
func (v *ArticleView) softWrapped(li int) bool {
	return li+1 < len(v.lay.lines) && v.lay.lines[li+1].start == v.lay.lines[li].end
}

// charAtPos returns the code point drawn at pos, or -1 if there is none.
func (v *ArticleView) charAtPos(pos fyne.Position) int {
	if !v.ensureLayout() {
		return -1
	}
	li := v.lineAtY(pos.Y)
	if y := pos.Y - v.lineY(li); y < 0 || y >= v.vm.lineH {
		return -1
	}
	g := v.lay.geom(li)
	if k := g.charAt(pos.X - v.vm.pad); k >= 0 {
		return g.start + k
	}
	return -1
}

// PositionOf returns the top-left corner of the caret at offset, relative
// to the view (it may lie outside the view when scrolled away), and the
// height of a line of text. A popup can be placed below it.
func (v *ArticleView) PositionOf(offset int) (fyne.Position, float32) {
	if !v.ensureLayout() {
		return fyne.Position{}, 0
	}
	li := v.lineOf(offset)
	g := v.lay.geom(li)
	return fyne.NewPos(v.vm.pad+g.caretX(offset-g.start), v.lineY(li)), v.vm.textH
}

// lineOf returns the line showing the caret at offset.
func (v *ArticleView) lineOf(offset int) int {
	return v.lay.lineAt(max(min(offset, len(v.lay.runes)), 0))
}
