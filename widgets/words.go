package widgets

import (
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// wordWindow bounds how far word lookups read around an offset.
const wordWindow = 256

// wordAt returns the word holding code point off (UAX #29 word boundaries),
// or the grapheme cluster at off when it is not part of a word (white space,
// punctuation). off must be in [0, len(runes)).
func wordAt(runes []rune, off int) (int, int) {
	lo, hi := off, off+1
	for lo > 0 && off-lo < wordWindow && !unicode.IsSpace(runes[lo-1]) {
		lo--
	}
	for hi < len(runes) && hi-off < wordWindow && !unicode.IsSpace(runes[hi]) {
		hi++
	}
	var seg segmenter.Segmenter
	seg.Init(runes[lo:hi])
	words := seg.WordIterator()
	for words.Next() {
		w := words.Word()
		if s, e := lo+w.Offset, lo+w.Offset+len(w.Text); s <= off && off < e {
			return s, e
		}
	}
	graphemes := seg.GraphemeIterator()
	for graphemes.Next() {
		g := graphemes.Grapheme()
		if s, e := lo+g.Offset, lo+g.Offset+len(g.Text); s <= off && off < e {
			return s, e
		}
	}
	return off, off + 1
}

// snapToWords widens [a, b) to whole words (and whole grapheme clusters)
// and trims white space from both ends. An empty range stays as it is.
func snapToWords(runes []rune, a, b int) (int, int) {
	if a >= b {
		return a, b
	}
	if s, _ := wordAt(runes, a); s < a {
		a = s
	}
	if _, e := wordAt(runes, b-1); e > b {
		b = e
	}
	for a < b && unicode.IsSpace(runes[a]) {
		a++
	}
	for b > a && unicode.IsSpace(runes[b-1]) {
		b--
	}
	return a, b
}

// isWordRune reports whether r belongs to a word for word-wise caret moves.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// nextWordEnd returns the end of the word at or after off.
func nextWordEnd(runes []rune, off int) int {
	for off < len(runes) && !isWordRune(runes[off]) {
		off++
	}
	for off < len(runes) && isWordRune(runes[off]) {
		off++
	}
	return off
}

// prevWordStart returns the start of the word before off.
func prevWordStart(runes []rune, off int) int {
	for off > 0 && !isWordRune(runes[off-1]) {
		off--
	}
	for off > 0 && isWordRune(runes[off-1]) {
		off--
	}
	return off
}
