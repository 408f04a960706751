package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// maxTipLines bounds the labels a tooltip shows.
const maxTipLines = 4

// tipState is the tooltip shown while the pointer rests on spans.
type tipState struct {
	labels []string      // labels of the spans under the pointer, innermost first
	at     fyne.Position // pointer position when it appeared (view coordinates)
}

// Tooltip returns the labels the tooltip shows now (innermost span first),
// or nil when it is hidden.
func (v *ArticleView) Tooltip() []string { return slices.Clone(v.tip.labels) }

// hover updates the tooltip and scroll bar state for the pointer at pos.
// Nothing is redrawn while the pointer stays over the same spans.
func (v *ArticleView) hover(pos fyne.Position) {
	bar := v.onBar(pos)
	var labels []string
	if ch := v.charAtPos(pos); ch >= 0 && !bar {
		for _, i := range v.spans.at(ch) {
			if l := v.spans.spans[i].Label; l != "" && !slices.Contains(labels, l) && len(labels) < maxTipLines {
				labels = append(labels, l)
			}
		}
	}
	if bar == v.ptr.hoverBar && slices.Equal(labels, v.tip.labels) {
		return
	}
	v.ptr.hoverBar = bar
	v.tip = tipState{labels: labels, at: pos}
	v.Refresh()
}

// tooltip draws the tooltip: a bordered box below the hovered line (above
// it when there is no room), kept inside the view.
type tooltip struct {
	box   *canvas.Rectangle
	texts []*canvas.Text
}

// newTooltip creates the tooltip's objects.
func newTooltip() *tooltip {
	t := &tooltip{box: canvas.NewRectangle(nil)}
	for range maxTipLines {
		t.texts = append(t.texts, canvas.NewText("", nil))
	}
	return t
}

// layout places the tooltip for v and appends its objects to objs.
func (t *tooltip) layout(v *ArticleView, th fyne.Theme, objs []fyne.CanvasObject) []fyne.CanvasObject {
	if len(v.tip.labels) == 0 {
		return objs
	}
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNamePadding)
	size := th.Size(theme.SizeNameCaptionText)
	var w, h float32
	for i, l := range v.tip.labels {
		txt := t.texts[i]
		txt.Text, txt.TextSize, txt.Color = l, size, th.Color(theme.ColorNameForeground, variant)
		s := txt.MinSize()
		txt.Resize(s)
		txt.Move(fyne.NewPos(pad, pad+h))
		w, h = max(w, s.Width), h+s.Height
	}
	boxSize := fyne.NewSize(w+2*pad, h+2*pad)
	li := v.lineAtY(v.tip.at.Y)
	origin := fyne.NewPos(v.tip.at.X, v.lineY(li)+v.vm.lineH)
	if origin.Y+boxSize.Height > v.Size().Height {
		origin.Y = v.lineY(li) - boxSize.Height - 2
	}
	origin.X = max(min(origin.X, v.Size().Width-boxSize.Width-v.barWidth()), 0)
	origin.Y = max(origin.Y, 0)
	t.box.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	t.box.StrokeColor = th.Color(theme.ColorNameInputBorder, variant)
	t.box.StrokeWidth, t.box.CornerRadius = 1, th.Size(theme.SizeNameInputRadius)
	t.box.Move(origin)
	t.box.Resize(boxSize)
	objs = append(objs, t.box)
	for i := range v.tip.labels {
		txt := t.texts[i]
		txt.Move(txt.Position().Add(origin))
		objs = append(objs, txt)
	}
	return objs
}
