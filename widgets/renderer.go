package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// pool recycles canvas objects between frames; only the used ones are shown.
type pool[T fyne.CanvasObject] struct {
	items []T
	used  int
	make  func() T
}

// next returns an unused object, creating one when all are in use.
func (p *pool[T]) next() T {
	if p.used == len(p.items) {
		p.items = append(p.items, p.make())
	}
	p.used++
	return p.items[p.used-1]
}

// appendLive appends the objects used this frame to objs.
func (p *pool[T]) appendLive(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.items[:p.used] {
		objs = append(objs, o)
	}
	return objs
}

// articleRenderer draws the visible lines of an ArticleView with pooled
// objects, in layers: span fills, selection, text, bars, outlines, caret,
// scroll bar, tooltip.
type articleRenderer struct {
	v                  *ArticleView
	fills, sels, marks pool[*canvas.Rectangle]
	texts              pool[*canvas.Text]
	caret, thumb       *canvas.Rectangle
	tip                *tooltip
	objects            []fyne.CanvasObject
	ivs                []interval
	visible            []int // indices of the spans overlapping the visible lines
	pal                palette
	selStart, selEnd   int
}

var _ fyne.WidgetRenderer = (*articleRenderer)(nil)

// newArticleRenderer creates the renderer of v.
func newArticleRenderer(v *ArticleView) *articleRenderer {
	rect := func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) }
	r := &articleRenderer{v: v, caret: rect(), thumb: rect(), tip: newTooltip()}
	r.fills.make, r.sels.make, r.marks.make = rect, rect, rect
	r.texts.make = func() *canvas.Text { return canvas.NewText("", color.Black) }
	return r
}

// Destroy is part of fyne.WidgetRenderer.
func (r *articleRenderer) Destroy() {}

// Layout re-wraps the text if the width changed and redraws.
func (r *articleRenderer) Layout(fyne.Size) { r.build() }

// MinSize is small: the view scrolls, so it fits any container.
func (r *articleRenderer) MinSize() fyne.Size {
	pad := r.v.Theme().Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(8*pad, 4*pad)
}

// Objects returns the objects of the last frame.
func (r *articleRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh redraws after any change (state, theme, scroll).
func (r *articleRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.v)
}

// build lays out the objects for the visible lines.
func (r *articleRenderer) build() {
	v := r.v
	r.fills.used, r.sels.used, r.marks.used, r.texts.used = 0, 0, 0, 0
	objs := r.objects[:0]
	if v.ensureLayout() {
		th := v.Theme()
		r.pal = paletteOf(th)
		r.selStart, r.selEnd = v.Selection()
		first, last := v.visibleLines()
		r.collectSpans(first, last)
		for li := first; li <= last; li++ {
			r.drawLine(li)
		}
		objs = r.fills.appendLive(objs)
		objs = r.sels.appendLive(objs)
		objs = r.texts.appendLive(objs)
		objs = r.marks.appendLive(objs)
		objs = r.drawCaret(objs)
		objs = r.drawThumb(objs, th)
		objs = r.tip.layout(v, th, objs)
	}
	if len(objs) < len(r.objects) {
		clear(r.objects[len(objs):]) // let dropped objects go
	}
	r.objects = objs
}

// collectSpans finds the spans overlapping lines first..last once per frame.
func (r *articleRenderer) collectSpans(first, last int) {
	lines := r.v.lay.lines
	a, b := int(lines[first].start), int(lines[last].end)+1
	r.visible = r.visible[:0]
	r.v.spans.overlapping(a, b, func(i int) { r.visible = append(r.visible, i) })
}

// drawCaret shows the caret when the view has focus and nothing is selected.
func (r *articleRenderer) drawCaret(objs []fyne.CanvasObject) []fyne.CanvasObject {
	v := r.v
	if !v.focused || r.selStart != r.selEnd {
		return objs
	}
	pos, h := v.PositionOf(v.caret)
	if pos.Y+h < 0 || pos.Y > v.Size().Height {
		return objs
	}
	r.caret.FillColor = r.pal.caret
	r.caret.Move(pos.SubtractXY(1, 0))
	r.caret.Resize(fyne.NewSize(2, h))
	return append(objs, r.caret)
}

// drawThumb shows the scroll bar thumb when the text does not fit.
func (r *articleRenderer) drawThumb(objs []fyne.CanvasObject, th fyne.Theme) []fyne.CanvasObject {
	v := r.v
	top, height, ok := v.thumb()
	if !ok {
		return objs
	}
	w := th.Size(theme.SizeNameScrollBarSmall)
	if v.ptr.hoverBar || v.ptr.onBar {
		w = th.Size(theme.SizeNameScrollBar)
	}
	r.thumb.FillColor = r.pal.thumb
	r.thumb.CornerRadius = min(th.Size(theme.SizeNameScrollBarRadius), w/2)
	r.thumb.Move(fyne.NewPos(v.Size().Width-w-2, top))
	r.thumb.Resize(fyne.NewSize(w, height))
	return append(objs, r.thumb)
}
