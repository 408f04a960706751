// Package chart draws report tables (package report) as charts with
// gonum.org/v1/plot, a maintained pure-Go plotting library that writes PNG
// and SVG: a bar chart for one dimension, stacked bars of shares for two
// (share of voice by outlet), a line over time when the rows are months
// or weeks, and a heat map for codes together. Categories that are codes
// take their codebook colours; the others a palette whose neighbours
// differ in lightness, with value labels on bars and shapes and dashes on
// lines, so a chart reads in the light and dark themes and in greyscale
// print. It never imports Fyne.
package chart

import (
	"fmt"
	"io"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/saywho-app/saywho/storage/report"
)

// Kind is the kind of chart drawn for a table.
type Kind string

// The kinds of chart.
const (
	Bar        Kind = "bar"         // one bar per row
	StackedBar Kind = "stacked-bar" // one bar per row, its columns' shares stacked
	Line       Kind = "line"        // rows over time, one line per column
	HeatMap    Kind = "heat-map"    // codes by codes
)

// KindFor chooses the chart that shows a table best.
func KindFor(t *report.Table) Kind {
	switch {
	case t.Pairs():
		return HeatMap
	case len(t.Spec.By) > 0 && (t.Spec.By[0] == report.ByMonth || t.Spec.By[0] == report.ByWeek):
		return Line
	case t.Cols != nil:
		return StackedBar
	}
	return Bar
}

// Options change how a chart is drawn.
type Options struct {
	Kind Kind // "" chooses with KindFor
	Dark bool // colours for a dark background
	// MaxCategories bounds the bars of a bar chart (the axis says how
	// many are left out), the bars and stacks of a stacked bar chart and
	// the lines of a line chart (the rest summed into "others"), and the
	// codes of a heat map (the rest left out). Default 20.
	MaxCategories int
	// Width and Height of the image; zero chooses from the table.
	Width, Height vg.Length
}

// defaultMax is the default of Options.MaxCategories.
const defaultMax = 20

func (o Options) withDefaults() Options {
	if o.MaxCategories <= 0 {
		o.MaxCategories = defaultMax
	}
	return o
}

// New draws the table as a plot.
func New(t *report.Table, opts Options) (*plot.Plot, error) {
	opts = opts.withDefaults()
	kind := opts.Kind
	if kind == "" {
		kind = KindFor(t)
	}
	th := themeFor(opts.Dark)
	var p *plot.Plot
	var err error
	switch {
	case kind != Bar && kind != StackedBar && kind != Line && kind != HeatMap:
		return nil, fmt.Errorf("no chart %q (use bar, stacked-bar, line or heat-map)", kind)
	case kind == StackedBar && t.Cols == nil:
		return nil, fmt.Errorf("a stacked bar chart needs a table of two dimensions")
	case kind == HeatMap && !t.Pairs():
		return nil, fmt.Errorf("a heat map shows codes by codes")
	}
	if !hasData(t, kind) {
		p = plot.New()
		p.HideAxes()
		p.Title.Text = t.Spec.Title + " (no " + countLabel(t) + " in the selection)"
		th.apply(p)
		return p, nil
	}
	switch kind {
	case Bar:
		p, err = barChart(t, th, opts)
	case StackedBar:
		p, err = stackedChart(t, th, opts)
	case Line:
		p, err = lineChart(t, th, opts)
	case HeatMap:
		p, err = heatMap(t, th, opts)
	}
	if err != nil {
		return nil, err
	}
	p.Title.Text = t.Spec.Title
	th.apply(p)
	return p, nil
}

// hasData reports whether the table has anything to draw: rows (dated
// ones, for a line over time).
func hasData(t *report.Table, kind Kind) bool {
	for _, r := range t.Rows {
		if kind != Line || !r.Missing {
			return true
		}
	}
	return false
}

// Render draws the table as a chart and writes it as PNG or SVG.
func Render(t *report.Table, w io.Writer, format string, opts Options) error {
	format = strings.ToLower(format)
	if format != "png" && format != "svg" {
		return fmt.Errorf("no chart format %q (use png or svg)", format)
	}
	opts = opts.withDefaults()
	p, err := New(t, opts)
	if err != nil {
		return err
	}
	width, height := size(t, opts)
	wt, err := p.WriterTo(width, height, format)
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// size is the image size: given, or grown with the bars of a bar chart
// and the cells of a heat map.
func size(t *report.Table, opts Options) (w, h vg.Length) {
	w, h = opts.Width, opts.Height
	if w == 0 {
		w = 16 * vg.Centimeter
	}
	if h == 0 {
		n := min(len(t.Rows), opts.MaxCategories+1)
		switch KindFor(t) {
		case Line:
			h = 10 * vg.Centimeter
		case HeatMap:
			h = max(10*vg.Centimeter, vg.Length(n)*vg.Centimeter+4*vg.Centimeter)
			w = max(w, h+4*vg.Centimeter)
		default:
			h = max(8*vg.Centimeter, vg.Length(n)*7*vg.Millimeter+4*vg.Centimeter)
		}
	}
	return w, h
}
