package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// defaultSpanColor is used for spans given without a colour.
var defaultSpanColor = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}

// palette holds the colours of one frame, read from the theme.
type palette struct {
	text, selection, caret, thumb color.Color
	dark                          bool // the background is dark
}

// paletteOf reads the colours v draws with from th.
func paletteOf(th fyne.Theme) palette {
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	return palette{
		text:      th.Color(theme.ColorNameForeground, variant),
		selection: th.Color(theme.ColorNameSelection, variant),
		caret:     th.Color(theme.ColorNamePrimary, variant),
		thumb:     th.Color(theme.ColorNameScrollBar, variant),
		dark:      luminance(th.Color(theme.ColorNameBackground, variant)) < 0.5,
	}
}

// spanLook is how one span is drawn.
type spanLook struct {
	fill, stroke, bar color.Color // nil: not drawn
}

// look derives a span's colours from its own colour: translucent fills that
// blend where spans overlap (a little stronger on dark backgrounds, where
// light text stays readable over them) and opaque bars.
func (p palette) look(s Span) spanLook {
	c := s.Color
	fill := float32(0.28)
	if p.dark {
		fill = 0.38
	}
	switch s.Style {
	case SpanSuggested:
		return spanLook{stroke: tint(c, 0.8), bar: tint(c, 0.45)}
	case SpanMatch:
		return spanLook{fill: tint(c, fill*2)}
	}
	return spanLook{fill: tint(c, fill), bar: tint(c, 1)}
}

// tint returns c with its alpha multiplied by a.
func tint(c color.Color, a float32) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(float32(n.A)*min(a, 1) + 0.5)
	return n
}

// luminance returns c's relative brightness between 0 and 1.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}
