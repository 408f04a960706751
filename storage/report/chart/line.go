package chart

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/saywho-app/saywho/storage/report"
)

// glyphs and dashes tell lines apart without colour.
var (
	glyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{},
		draw.SquareGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}
	dashes = [][]vg.Length{nil, {vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}, {vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)}}
)

// maxTickLabels bounds the time labels under a line chart; the others
// are left blank.
const maxTickLabels = 12

// lineChart draws the rows (months or weeks, in order) along the x axis:
// one line of counts for a table of one dimension, one line per column
// for two (quotes of each gender over time). Undated documents are left
// out of the line.
func lineChart(t *report.Table, th theme, opts Options) (*plot.Plot, error) {
	p := plot.New()
	var rows []int // the dated rows
	for i, r := range t.Rows {
		if !r.Missing {
			rows = append(rows, i)
		}
	}
	type series struct {
		cat   report.Category
		cells func(row int) int
	}
	var all []series
	if t.Cols == nil {
		all = []series{{report.Category{Label: countLabel(t)}, func(i int) int { return t.Cells[i][0].Count }}}
	} else {
		cols := limit(t.Cols, min(opts.MaxCategories, len(palette)+1))
		for j, c := range cols.cats {
			idx := cols.index[j]
			all = append(all, series{c, func(i int) int { return sum(t.Cells[i], idx).Count }})
		}
	}
	step := (len(rows) + maxTickLabels - 1) / maxTickLabels
	var ticks plot.ConstantTicks
	for x, i := range rows {
		label := ""
		if step <= 1 || x%step == 0 {
			label = t.Rows[i].Label
		}
		ticks = append(ticks, plot.Tick{Value: float64(x), Label: label})
	}
	for j, s := range all {
		xys := make(plotter.XYs, len(rows))
		for x, i := range rows {
			xys[x] = plotter.XY{X: float64(x), Y: float64(s.cells(i))}
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		col := categoryColor(s.cat, j)
		if t.Cols == nil {
			col = palette[0]
		}
		line.Color = col
		line.Width = vg.Points(1.5)
		line.Dashes = dashes[j%len(dashes)]
		points.Color = col
		points.Shape = glyphs[j%len(glyphs)]
		points.Radius = vg.Points(3)
		p.Add(line, points)
		if t.Cols != nil {
			p.Legend.Add(s.cat.Label, line, points)
		}
	}
	p.X.Tick.Marker = ticks
	p.X.Label.Text = string(t.Spec.By[0])
	p.Y.Min = 0
	p.Y.Label.Text = countLabel(t)
	grid := plotter.NewGrid()
	grid.Vertical.Color, grid.Horizontal.Color = th.grid, th.grid
	p.Add(grid)
	p.Legend.Top = true
	return p, nil
}
