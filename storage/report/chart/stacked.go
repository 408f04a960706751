package chart

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/saywho-app/saywho/storage/report"
)

// minLabelled is the smallest segment (in percent) labelled with its
// share inside a stacked bar.
const minLabelled = 6

// stackedChart draws one horizontal bar per row (the first on top), made
// of its columns' shares stacked to 100%: the share of voice of each
// gender in each outlet. A unit in two columns (a quote of a woman and a
// man) counts in both, so the shares drawn are of the row's cells added
// up. Each segment is labelled with its share when it is wide enough.
func stackedChart(t *report.Table, th theme, opts Options) (*plot.Plot, error) {
	p := plot.New()
	rows := limit(t.Rows, opts.MaxCategories)
	cols := limit(t.Cols, min(opts.MaxCategories, len(palette)+1))
	n := len(rows.cats)
	names := make([]string, n)
	// shares[col][row] in percent of the row's cells.
	shares := make([]plotter.Values, len(cols.cats))
	for j := range shares {
		shares[j] = make(plotter.Values, n)
	}
	for i, r := range rows.cats {
		names[n-1-i] = r.Label
		var whole float64
		counts := make([]float64, len(cols.cats))
		for j := range cols.cats {
			for _, ri := range rows.index[i] {
				counts[j] += float64(sum(t.Cells[ri], cols.index[j]).Count)
			}
			whole += counts[j]
		}
		for j := range cols.cats {
			if whole > 0 {
				shares[j][n-1-i] = 100 * counts[j] / whole
			}
		}
	}
	var below *plotter.BarChart
	var xys plotter.XYs
	var labels []string
	var fills []draw.TextStyle
	offsets := make([]float64, n)
	for j, c := range cols.cats {
		bar, err := plotter.NewBarChart(shares[j], 5*vg.Millimeter)
		if err != nil {
			return nil, err
		}
		bar.Horizontal = true
		bar.Color = categoryColor(c, j)
		bar.LineStyle.Color = th.outline
		bar.LineStyle.Width = vg.Points(0.5)
		if below != nil {
			bar.StackOn(below)
		}
		below = bar
		p.Add(bar)
		p.Legend.Add(c.Label, bar)
		for i, v := range shares[j] {
			if v >= minLabelled {
				xys = append(xys, plotter.XY{X: offsets[i] + v/2, Y: float64(i)})
				labels = append(labels, percent(v/100))
				fills = append(fills, draw.TextStyle{Color: labelOn(bar.Color)})
			}
			offsets[i] += v
		}
	}
	if len(xys) > 0 {
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return nil, err
		}
		for i := range l.TextStyle {
			labelStyle(&l.TextStyle[i], fills[i].Color)
			l.TextStyle[i].XAlign = -0.5
			l.TextStyle[i].YAlign = -0.5
		}
		p.Add(l)
	}
	p.NominalY(names...)
	// The legend stands right of the bars, in room past 100%.
	p.X.Min, p.X.Max = 0, 140
	p.X.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 25, Label: "25"}, {Value: 50, Label: "50"},
		{Value: 75, Label: "75"}, {Value: 100, Label: "100"}}
	p.X.Label.Text = "% of the row's " + countLabel(t)
	p.Legend.Top = true
	return p, nil
}
