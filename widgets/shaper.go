package widgets

import (
	"bytes"
	"sort"

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
	face   *font.Face
	hb     shaping.HarfbuzzShaper
	seg    shaping.Segmenter
	runes  []rune
	starts []int // batch: where each word starts in runes
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
	var w [1]float32
	ok := s.widths([]string{text}, size, w[:])
	return w[0], ok
}

// widths measures many words in one shaping call, which costs far less
// than one call per word: the words are shaped on one line, separated by
// spaces, and each gets the advances of its glyph clusters. It reports
// false (and out is undefined) if the font does not cover all of them or
// a word would be drawn right to left.
func (s *shaper) widths(words []string, size float32, out []float32) bool {
	s.runes, s.starts = s.runes[:0], s.starts[:0]
	for _, w := range words {
		s.starts = append(s.starts, len(s.runes))
		for _, r := range w {
			if _, ok := s.face.NominalGlyph(r); !ok || r == '\t' || r == '\r' || r == ' ' {
				return false
			}
			s.runes = append(s.runes, r)
		}
		s.runes = append(s.runes, ' ')
	}
	in := shaping.Input{
		Text: s.runes, RunStart: 0, RunEnd: len(s.runes),
		Direction: di.DirectionLTR, Face: s.face, Size: fixed.Int26_6(float64(size) * (1 << 6)),
	}
	adv := make([]fixed.Int26_6, len(words))
	for _, run := range s.seg.Split(in, s) {
		if run.Direction.Progression() != di.FromTopLeft {
			return false
		}
		for _, g := range s.hb.Shape(run).Glyphs {
			if g.GlyphID == 0 {
				return false
			}
			i := sort.SearchInts(s.starts, g.ClusterIndex+1) - 1 // the word the glyph belongs to
			sep := len(s.runes) - 1                              // the space after word i
			if i+1 < len(s.starts) {
				sep = s.starts[i+1] - 1
			}
			if g.ClusterIndex < sep {
				adv[i] += g.XAdvance
			}
		}
	}
	for i, a := range adv {
		out[i] = float32(float64(a) / (1 << 6))
	}
	return true
}
