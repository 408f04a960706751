// Package textmap normalises imported text the way Saywho stores it
// (textutil.Normalize) while keeping track of where each code point went,
// so that offsets counted in the original file (brat, REFI-QDA) can be moved
// onto the stored text.
package textmap

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Map maps code-point offsets of an original text to offsets of its
// normalised form. The zero Map (nil) is the identity.
type Map struct {
	to []int // to[i] = normalised offset of original offset i; len = n+1
}

// Normalize returns textutil.Normalize(src) and the offset map from src to
// it. Offsets inside a CRLF pair or inside a sequence that NFC composes map
// to the start of the resulting character.
func Normalize(src string) (string, *Map) {
	runes := []rune(src)
	mid, m1 := lineEnds(runes)
	out, m2 := compose(mid)
	if out == src {
		return src, nil
	}
	to := make([]int, len(m1))
	for i, j := range m1 {
		to[i] = m2[j]
	}
	return out, &Map{to: to}
}

// Identity reports whether the map changes no offset.
func (m *Map) Identity() bool { return m == nil }

// Pos maps original offset i; it returns -1 when i is outside the original
// text.
func (m *Map) Pos(i int) int {
	if m == nil {
		return i
	}
	if i < 0 || i >= len(m.to) {
		return -1
	}
	return m.to[i]
}

// Len returns the original length in code points, or -1 for the identity.
func (m *Map) Len() int {
	if m == nil {
		return -1
	}
	return len(m.to) - 1
}

// lineEnds drops a leading byte-order mark and turns CRLF and lone CR into
// LF, returning the result and the offset map (len(runes)+1 entries).
func lineEnds(runes []rune) (string, []int) {
	m := make([]int, len(runes)+1)
	out := make([]rune, 0, len(runes))
	i := 0
	if len(runes) > 0 && runes[0] == '\uFEFF' {
		i = 1
	}
	for ; i < len(runes); i++ {
		m[i] = len(out)
		switch {
		case runes[i] == '\r' && i+1 < len(runes) && runes[i+1] == '\n':
			m[i+1] = len(out)
			out = append(out, '\n')
			i++
		case runes[i] == '\r':
			out = append(out, '\n')
		default:
			out = append(out, runes[i])
		}
	}
	m[len(runes)] = len(out)
	return string(out), m
}

// compose applies NFC segment by segment (segments are independent under
// normalisation), returning the result and the offset map.
func compose(s string) (string, []int) {
	n := utf8.RuneCountInString(s)
	m := make([]int, n+1)
	if norm.NFC.IsNormalString(s) {
		for i := range m {
			m[i] = i
		}
		return s, m
	}
	out := make([]byte, 0, len(s))
	in, o := 0, 0
	for pos := 0; pos < len(s); {
		k := norm.NFC.NextBoundaryInString(s[pos:], true)
		if k <= 0 {
			k = len(s) - pos
		}
		seg := s[pos : pos+k]
		got := norm.NFC.String(seg)
		inN, outN := utf8.RuneCountInString(seg), utf8.RuneCountInString(got)
		for j := 0; j < inN; j++ {
			if inN == outN {
				m[in+j] = o + j
			} else {
				m[in+j] = o
			}
		}
		out = append(out, got...)
		in, o, pos = in+inN, o+outN, pos+k
	}
	m[n] = o
	return string(out), m
}
