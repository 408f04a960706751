package chart

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/saywho-app/saywho/storage/report"
)

// ramp is the heat map's colours: one hue from pale to dark, so more is
// darker in colour and in greyscale alike.
type ramp []color.Color

// Colors implements palette.Palette.
func (r ramp) Colors() []color.Color { return r }

// heatRamp runs from pale lilac to dark purple in 9 steps.
var heatRamp = ramp{rgb(0xF2, 0xF0, 0xF7), rgb(0xDA, 0xDA, 0xEB), rgb(0xBC, 0xBD, 0xDC), rgb(0x9E, 0x9A, 0xC8),
	rgb(0x80, 0x7D, 0xBA), rgb(0x6A, 0x51, 0xA3), rgb(0x54, 0x27, 0x8F), rgb(0x3F, 0x00, 0x7D), rgb(0x2A, 0x00, 0x55)}

// grid is a table of codes by codes as gonum's GridXYZ: column c, row r
// (row 0 at the bottom), the diagonal left blank (a code with itself).
type grid struct {
	t *report.Table
	n int
}

func (g grid) Dims() (c, r int) { return g.n, g.n }
func (g grid) X(c int) float64  { return float64(c) }
func (g grid) Y(r int) float64  { return float64(r) }
func (g grid) row(r int) int    { return g.n - 1 - r }
func (g grid) Z(c, r int) float64 {
	if c == g.row(r) {
		return math.NaN()
	}
	return float64(g.t.Cells[g.row(r)][c].Count)
}

// heatMap draws codes by codes: each cell shaded by how often the two
// codes go together, and labelled with the count; the diagonal (each
// code's own count) is left blank.
func heatMap(t *report.Table, th theme, opts Options) (*plot.Plot, error) {
	p := plot.New()
	n := min(len(t.Rows), opts.MaxCategories)
	g := grid{t: t, n: n}
	hi := 0.0
	for c := range n {
		for r := range n {
			if z := g.Z(c, r); !math.IsNaN(z) {
				hi = max(hi, z)
			}
		}
	}
	if n > 0 {
		h := plotter.NewHeatMap(g, heatRamp)
		h.Min, h.Max = 0, max(hi, 1)
		h.NaN = th.bg
		p.Add(h)
		var xys plotter.XYs
		var labels []string
		var fills []color.Color
		for c := range n {
			for r := range n {
				z := g.Z(c, r)
				if math.IsNaN(z) {
					continue
				}
				xys = append(xys, plotter.XY{X: float64(c), Y: float64(r)})
				labels = append(labels, strconv.Itoa(int(z)))
				fills = append(fills, labelOn(heatRamp[int(math.Min(z/max(hi, 1)*float64(len(heatRamp)-1)+0.5, float64(len(heatRamp)-1)))]))
			}
		}
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return nil, err
		}
		for i := range l.TextStyle {
			labelStyle(&l.TextStyle[i], fills[i])
			l.TextStyle[i].XAlign = -0.5
			l.TextStyle[i].YAlign = -0.5
		}
		p.Add(l)
	}
	xs, ys := make([]string, n), make([]string, n)
	for i := range n {
		xs[i] = t.Rows[i].Label
		ys[n-1-i] = t.Rows[i].Label
	}
	p.NominalX(xs...)
	p.NominalY(ys...)
	p.X.Tick.Label.Rotation = math.Pi / 4
	p.X.Tick.Label.XAlign = -1
	p.X.Tick.Label.YAlign = -0.5
	return p, nil
}
