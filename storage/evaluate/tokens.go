package evaluate

import (
	"slices"
	"unicode"

	"github.com/saywho-app/saywho/storage"
)

// tokenMap numbers the word tokens of a text: at[i] is the number of the
// token holding code point i, or -1 outside words.
type tokenMap []int32

// isWordRune reports whether r belongs to a word token.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// newTokenMap numbers the word tokens of text.
func newTokenMap(text []rune) tokenMap {
	m := make(tokenMap, len(text))
	n := int32(-1)
	in := false
	for i, r := range text {
		switch {
		case isWordRune(r):
			if !in {
				n++
				in = true
			}
			m[i] = n
		default:
			in = false
			m[i] = -1
		}
	}
	return m
}

// tokens returns the distinct numbers, ascending, of the tokens sharing a
// code point with parts (in any order; clipped to the text).
func (m tokenMap) tokens(parts []storage.Range) []int32 {
	var out []int32
	for _, p := range parts {
		for i := max(p.Start, 0); i < min(p.End, len(m)); i++ {
			if t := m[i]; t >= 0 && (len(out) == 0 || out[len(out)-1] != t) {
				out = append(out, t)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// common counts the numbers two ascending lists share.
func common(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
