package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// variantTheme pins the default theme to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// sampleText is a short invented news article with a Latin-only text, so
// that golden images do not depend on system fonts.
const sampleText = "Talks resume in Geneva\n\n" +
	"The foreign minister said on Tuesday that \"the door remains open\" for a ceasefire, " +
	"according to two officials who spoke on condition of anonymity. " +
	"Critics, however, called the offer a stalling tactic.\n\n" +
	"\"We will not sign anything that rewards aggression,\" a spokesman told reporters."

// sampleSpans are overlapping and nested spans over sampleText.
func sampleSpans() []Span {
	at := func(s string) (int, int) {
		r := []rune(sampleText)
		for i := range r {
			if string(r[i:min(i+len([]rune(s)), len(r))]) == s {
				return i, i + len([]rune(s))
			}
		}
		panic("not in sample: " + s)
	}
	span := func(id, text, label string, c color.Color, st SpanStyle) Span {
		s, e := at(text)
		return Span{ID: id, Start: s, End: e, Color: c, Label: label, Style: st}
	}
	blue := color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}
	orange := color.NRGBA{R: 0xe0, G: 0x7b, B: 0x00, A: 0xff}
	green := color.NRGBA{R: 0x2e, G: 0x9d, B: 0x4f, A: 0xff}
	purple := color.NRGBA{R: 0x9b, G: 0x4d, B: 0xca, A: 0xff}
	return []Span{
		span("q1", "The foreign minister said on Tuesday that \"the door remains open\" for a ceasefire", "quote (indirect)", blue, SpanNormal),
		span("s1", "The foreign minister", "speaker: foreign minister", orange, SpanNormal),
		span("c1", "said", "cue", green, SpanNormal),
		span("q2", "\"the door remains open\"", "quote (direct)", purple, SpanNormal),
		span("cl1", "a stalling tactic", "claim (suggested)", green, SpanSuggested),
		span("m1", "spokesman", "match", orange, SpanMatch),
		span("q3", "\"We will not sign anything that rewards aggression,\"", "quote (direct)", blue, SpanNormal),
	}
}

// newTestView shows a view with the sample article in a test window of the
// given size, using the default theme in the given variant.
func newTestView(t *testing.T, variant fyne.ThemeVariant, w, h float32) (*ArticleView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	test.ApplyTheme(t, variantTheme{theme.DefaultTheme(), variant})
	v := NewArticleView()
	v.SetText(sampleText)
	v.SetSpans(sampleSpans())
	win := test.NewTempWindow(t, v)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return v, win
}
