package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/report"
)

// palette is the colours of categories that are not codes, in order:
// neighbours alternate dark and light (CIE L* about 30 to 80), so stacked
// segments stay apart in greyscale; all keep a contrast of at least 3:1
// against either the light or the dark background, with an outline.
var palette = []color.RGBA{
	rgb(0x1F, 0x4E, 0x79), // dark blue
	rgb(0xF4, 0xA2, 0x59), // light orange
	rgb(0x3C, 0x8D, 0x5A), // green
	rgb(0xC9, 0xDB, 0xEE), // pale blue
	rgb(0x8E, 0x3B, 0x8E), // purple
	rgb(0xE6, 0xC2, 0x29), // yellow
	rgb(0xB5, 0x44, 0x2B), // rust
	rgb(0xA3, 0xC4, 0x6C), // light green
}

// Greys draw the groups without a value: light for a value not set, dark
// for none at all (no speaker), mid for "others".
var (
	notSetColor = rgb(0xC8, 0xC8, 0xC8)
	noneColor   = rgb(0x6E, 0x6E, 0x6E)
	otherColor  = rgb(0x9A, 0x9A, 0x9A)
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xFF} }

// theme is the colours of text, axes and background.
type theme struct {
	bg, fg, grid, outline color.Color
}

func themeFor(dark bool) theme {
	if dark {
		return theme{bg: rgb(0x1E, 0x1E, 0x1E), fg: rgb(0xE6, 0xE6, 0xE6), grid: rgb(0x55, 0x55, 0x55), outline: rgb(0x99, 0x99, 0x99)}
	}
	return theme{bg: color.White, fg: rgb(0x22, 0x22, 0x22), grid: rgb(0xCC, 0xCC, 0xCC), outline: rgb(0x22, 0x22, 0x22)}
}

// sans is the font of all text: Liberation Sans, which gonum/plot embeds.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// apply sets the theme's colours and the font on a plot's texts and axes.
func (th theme) apply(p *plot.Plot) {
	p.BackgroundColor = th.bg
	style := func(s *text.Style, size vg.Length) {
		s.Color = th.fg
		s.Font = font.From(sans, size)
	}
	style(&p.Title.TextStyle, 13)
	p.Title.Padding = 4 * vg.Millimeter
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		style(&a.Label.TextStyle, 11)
		style(&a.Tick.Label, 9)
		a.Color = th.fg
		a.Tick.Color = th.fg
	}
	style(&p.Legend.TextStyle, 10)
}

// categoryColor is the colour of the i-th category shown: a code's
// codebook colour, grey for no value, else the palette's.
func categoryColor(c report.Category, i int) color.Color {
	switch {
	case c.Key == storage.NoValue:
		return noneColor
	case c.Key == otherKey:
		return otherColor
	case c.Missing:
		return notSetColor
	case c.Color != "":
		if col, ok := parseHex(c.Color); ok {
			return col
		}
	}
	return palette[i%len(palette)]
}

// parseHex reads #RRGGBB.
func parseHex(s string) (color.RGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, false
	}
	var v [3]uint8
	for i := range 3 {
		hi, ok1 := hexDigit(s[1+2*i])
		lo, ok2 := hexDigit(s[2+2*i])
		if !ok1 || !ok2 {
			return color.RGBA{}, false
		}
		v[i] = hi<<4 | lo
	}
	return rgb(v[0], v[1], v[2]), true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// luminance is a colour's relative luminance (WCAG), 0 black to 1 white.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xFFFF
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// labelOn is the colour of text written on a fill: black on light fills,
// white on dark ones.
func labelOn(fill color.Color) color.Color {
	if luminance(fill) > 0.18 {
		return rgb(0x11, 0x11, 0x11)
	}
	return color.White
}

// labelStyle is the style of values written on a chart.
func labelStyle(s *text.Style, c color.Color) {
	s.Color = c
	s.Font = font.From(sans, 9)
}
