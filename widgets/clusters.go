package widgets

import (
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// clusterer splits words into grapheme clusters (UAX #29, go-text's
// segmenter), reusing its buffers between calls.
type clusterer struct {
	seg  segmenter.Segmenter
	adv  []float32
	stop []bool
}

// advances returns, for each code point of the word part of token t, its
// advance and whether a caret may stop before it. A grapheme cluster's whole
// width goes to its first code point; the others get 0 and no stop, so a
// base character is never split from its combining marks. The widths are
// scaled to add up to w, the word's shaped width, which absorbs kerning and
// Arabic joining. The slices are reused by the next call. Call with m.mu held.
func (c *clusterer) advances(m *metrics, text string, runes []rune, t token, w float32) ([]float32, []bool) {
	word := runes[t.start:t.wordEnd()]
	c.adv = append(c.adv[:0], make([]float32, len(word))...)
	c.stop = append(c.stop[:0], make([]bool, len(word))...)
	simple := true
	for _, r := range word {
		if r >= 0x300 {
			simple = false
			break
		}
	}
	var sum float32
	b := int(t.bstart)
	if simple {
		for i := range word {
			_, n := utf8.DecodeRuneInString(text[b:])
			c.adv[i], c.stop[i] = m.width(text[b:b+n]), true
			sum += c.adv[i]
			b += n
		}
	} else {
		c.seg.Init(word)
		it := c.seg.GraphemeIterator()
		for it.Next() {
			g := it.Grapheme()
			n := 0
			for range g.Text {
				_, l := utf8.DecodeRuneInString(text[b+n:])
				n += l
			}
			c.adv[g.Offset], c.stop[g.Offset] = m.width(text[b:b+n]), true
			sum += c.adv[g.Offset]
			b += n
		}
	}
	if sum > 0 && w > 0 {
		f := w / sum
		for i := range c.adv {
			c.adv[i] *= f
		}
	}
	return c.adv, c.stop
}
