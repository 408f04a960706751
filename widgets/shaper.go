package widgets

import (
	"bytes"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// shaper measures words the way Fyne does (go-text HarfBuzz shaping, split
// by direction and script) but keeps its shaping plans between calls, which
// makes a first measurement many times cheaper than fyne.MeasureText. It
// only handles text that the theme's regular font covers on its own; for
// anything else (emoji, scripts from fallback fonts) it reports false and
// the caller asks Fyne. Not safe for concurrent use.
type shaper struct {
	face  *font.Face
	hb    shaping.HarfbuzzShaper
	seg   shaping.Segmenter
	runes []rune
}

// newShaper loads the regular font of th, or returns nil if it cannot.
func newShaper(res fyne.Resource) *shaper {
	if res == nil {
		return nil
	}
	face, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		return nil
	}
	s := &shaper{face: face}
	s.hb.SetFontCacheSize(2) // the default of 0 rebuilds the HarfBuzz font for every call
	return s
}

// ResolveFace is part of shaping.Fontmap: there is only one face.
func (s *shaper) ResolveFace(rune) *font.Face { return s.face }

// width returns the advance of text at size, or false if the font does not
// cover all of it.
func (s *shaper) width(text string, size float32) (float32, bool) {
	s.runes = s.runes[:0]
	for _, r := range text {
		if r == '\t' || r == '\r' {
			return 0, false
		}
		if _, ok := s.face.NominalGlyph(r); !ok {
			return 0, false
		}
		s.runes = append(s.runes, r)
	}
	in := shaping.Input{
		Text: s.runes, RunStart: 0, RunEnd: len(s.runes),
		Direction: di.DirectionLTR, Face: s.face, Size: fixed.Int26_6(float64(size) * (1 << 6)),
	}
	var adv fixed.Int26_6
	for _, run := range s.seg.Split(in, s) {
		out := s.hb.Shape(run)
		for _, g := range out.Glyphs {
			if g.GlyphID == 0 {
				return 0, false
			}
		}
		adv += out.Advance
	}
	return float32(float64(adv) / (1 << 6)), true
}
