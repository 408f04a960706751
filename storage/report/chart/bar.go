package chart

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/saywho-app/saywho/storage/report"
)

// barChart draws one horizontal bar per row, the first at the top, each
// labelled with its count and share; past MaxCategories rows the axis
// says how many are not shown.
func barChart(t *report.Table, th theme, opts Options) (*plot.Plot, error) {
	p := plot.New()
	rows := limit(t.Rows, len(t.Rows))
	rows.cats, rows.index = rows.cats[:min(len(rows.cats), opts.MaxCategories)], rows.index[:min(len(rows.index), opts.MaxCategories)]
	n := len(rows.cats)
	names := make([]string, n)
	var xys plotter.XYs
	var labels []string
	totals := make([]report.Cell, len(t.Rows))
	for i := range t.Rows {
		totals[i] = t.Cells[i][0]
	}
	for i, c := range rows.cats {
		y := float64(n - 1 - i) // the first row on top
		names[n-1-i] = c.Label
		cell := sum(totals, rows.index[i])
		bar, err := plotter.NewBarChart(plotter.Values{float64(cell.Count)}, 5*vg.Millimeter)
		if err != nil {
			return nil, err
		}
		bar.Horizontal = true
		bar.XMin = y
		bar.Color = categoryColor(c, 0)
		bar.LineStyle.Color = th.outline
		bar.LineStyle.Width = vg.Points(0.5)
		p.Add(bar)
		xys = append(xys, plotter.XY{X: float64(cell.Count), Y: y})
		labels = append(labels, fmt.Sprintf(" %d (%s)", cell.Count, percent(cell.Share)))
	}
	if n > 0 {
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return nil, err
		}
		for i := range l.TextStyle {
			labelStyle(&l.TextStyle[i], th.fg)
			l.TextStyle[i].YAlign = -0.5
		}
		p.Add(l)
	}
	p.NominalY(names...)
	p.X.Min = 0
	p.X.Label.Text = countLabel(t)
	if left := len(t.Rows) - n; left > 0 {
		p.X.Label.Text += fmt.Sprintf(" (the first %d of %d %s shown)", n, len(t.Rows), plural(t.Spec.By[0]))
	}
	p.X.Max *= 1.15 // room for the labels
	return p, nil
}

// countLabel names what the chart counts.
func countLabel(t *report.Table) string {
	switch t.Spec.Count {
	case report.CountClaims:
		return "claims"
	case report.CountCoded, report.CountSpanPairs:
		return "coded spans"
	case report.CountDocPairs, report.CountDocuments:
		return "documents"
	}
	return "quotes"
}

func percent(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }

// plural names the groups of a dimension.
func plural(d report.Dim) string {
	switch d {
	case report.BySpeaker:
		return "speakers"
	case report.ByCountry:
		return "countries"
	case report.ByCode:
		return "codes"
	}
	return "rows"
}
