package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// drawLine adds line li's span marks, selection and text to the pools.
func (r *articleRenderer) drawLine(li int) {
	v := r.v
	vm, lines := v.vm, v.lay.lines
	ln, g := lines[li], v.lay.geom(li)
	y, start, end := v.lineY(li), int(ln.start), int(ln.end)
	for _, i := range r.visible {
		s, ss, se := v.spans.spans[i], v.spans.start[i], v.spans.end[i]
		if ss >= end || se <= start {
			continue
		}
		look := r.pal.look(s)
		barY := y + vm.textH + 1 + float32(min(int(v.spans.level[i]), maxLevels-1))*vm.barStep
		selected := s.ID != "" && s.ID == v.selectedID
		r.ivs = g.intervals(r.ivs[:0], ss-start, se-start)
		for _, iv := range r.ivs {
			x, w := r.clip(iv)
			if look.fill != nil {
				r.rect(&r.fills, x, y, w, vm.textH, look.fill, nil, 0)
			}
			if look.stroke != nil {
				r.rect(&r.marks, x, y, w, vm.textH, nil, look.stroke, 1)
			}
			if look.bar != nil {
				r.rect(&r.marks, x, barY, w, vm.barH, look.bar, nil, 0)
			}
			if selected {
				r.rect(&r.marks, x-2, y-2, w+4, vm.textH+4, nil, tint(s.Color, 1), 2)
			}
		}
	}
	if r.selStart < r.selEnd && r.selStart <= end && r.selEnd > start {
		r.ivs = g.intervals(r.ivs[:0], r.selStart-start, r.selEnd-start)
		if r.selEnd > end && li+1 < len(lines) && lines[li+1].start > ln.end {
			w := g.width()
			r.ivs = append(r.ivs, interval{w, w + v.lay.m.space}) // the hard break is selected
		}
		for _, iv := range r.ivs {
			x, w := r.clip(iv)
			r.rect(&r.sels, x, y, w, vm.textH, r.pal.selection, nil, 0)
		}
	}
	if g.n() > 0 {
		t := r.texts.next()
		t.Text, t.Color, t.TextSize, t.TextStyle = g.text, r.pal.text, v.lay.m.size, fyne.TextStyle{}
		t.Move(fyne.NewPos(vm.pad, y))
		t.Resize(fyne.NewSize(g.width(), vm.textH))
	}
}

// clip converts a line interval to view x and width, cut at the wrap width
// (white space may hang past it).
func (r *articleRenderer) clip(iv interval) (x, w float32) {
	x1 := min(iv.x1, r.v.lay.width)
	return r.v.vm.pad + iv.x0, max(x1-iv.x0, 1)
}

// rect places a pooled rectangle.
func (r *articleRenderer) rect(p *pool[*canvas.Rectangle], x, y, w, h float32, fill, stroke color.Color, strokeW float32) {
	o := p.next()
	if fill == nil {
		fill = color.Transparent
	}
	if stroke == nil {
		stroke = color.Transparent
	}
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = fill, stroke, strokeW, 0
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
}
