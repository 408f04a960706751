package app

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/saywho-app/saywho/storage"
)

// kindPalette holds the highlight colour of each annotation kind in the
// light and the dark theme. Light colours are saturated enough to show on
// white; dark ones are lighter so they read on a dark background.
var kindPalette = map[storage.Kind][2]color.NRGBA{
	storage.KindQuote:          {{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}, {R: 0x6c, G: 0xb4, B: 0xf0, A: 0xff}},
	storage.KindSpeakerMention: {{R: 0xd6, G: 0x5f, B: 0x00, A: 0xff}, {R: 0xff, G: 0xa7, B: 0x4d, A: 0xff}},
	storage.KindClaim:          {{R: 0x9c, G: 0x27, B: 0xb0, A: 0xff}, {R: 0xd1, G: 0x8a, B: 0xe8, A: 0xff}},
	storage.KindCue:            {{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}, {R: 0x7c, G: 0xd6, B: 0x80, A: 0xff}},
	storage.KindCode:           {{R: 0x75, G: 0x75, B: 0x75, A: 0xff}, {R: 0xbd, G: 0xbd, B: 0xbd, A: 0xff}},
}

// kindColor returns the highlight colour of a kind for a theme variant.
func kindColor(k storage.Kind, v fyne.ThemeVariant) color.Color {
	pair, ok := kindPalette[k]
	if !ok {
		pair = kindPalette[storage.KindCode]
	}
	if v == theme.VariantDark {
		return pair[1]
	}
	return pair[0]
}

// kindName is how a kind is written in the interface.
func kindName(k storage.Kind) string {
	switch k {
	case storage.KindQuote:
		return "Quote"
	case storage.KindSpeakerMention:
		return "Speaker mention"
	case storage.KindClaim:
		return "Claim"
	case storage.KindCue:
		return "Cue"
	case storage.KindCode:
		return "Coded passage"
	}
	return string(k)
}

// parseHexColor reads "#RRGGBB"; ok is false for anything else.
func parseHexColor(s string) (c color.NRGBA, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return c, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return c, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}

// hexColor writes c as "#RRGGBB".
func hexColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	const digits = "0123456789ABCDEF"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, x := range []uint8{n.R, n.G, n.B} {
		b[1+2*i], b[2+2*i] = digits[x>>4], digits[x&0xf]
	}
	return string(b)
}

// codePalette is offered for new codes, one after the other.
var codePalette = []string{"#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4", "#F032E6", "#9A6324", "#469990", "#808000"}

// codeColor returns a code's colour, or the kind colour of coded passages
// when it has none or an unreadable one.
func codeColor(c storage.Code, v fyne.ThemeVariant) color.Color {
	if col, ok := parseHexColor(c.Color); ok {
		return col
	}
	return kindColor(storage.KindCode, v)
}
