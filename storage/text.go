package storage

import (
	"strings"
	"unicode/utf8"
)

// FindAll returns the code-point ranges of every case-insensitive,
// non-overlapping occurrence of needle in text.
func FindAll(text, needle string) []Range {
	if needle == "" {
		return nil
	}
	lt, ln := strings.ToLower(text), strings.ToLower(needle)
	if len(lt) != len(text) || len(ln) != len(needle) {
		return findAllRunes([]rune(text), []rune(needle))
	}
	var out []Range
	cp, last := 0, 0
	for i := 0; ; {
		j := strings.Index(lt[i:], ln)
		if j < 0 {
			return out
		}
		s := i + j
		cp += utf8.RuneCountInString(text[last:s])
		n := utf8.RuneCountInString(text[s : s+len(ln)])
		out = append(out, Range{cp, cp + n})
		cp += n
		i, last = s+len(ln), s+len(ln)
	}
}

// findAllRunes is FindAll for texts whose lower case changes byte length.
func findAllRunes(text, needle []rune) []Range {
	low := func(rs []rune) []rune {
		out := make([]rune, len(rs))
		for i, r := range rs {
			out[i] = []rune(strings.ToLower(string(r)))[0]
		}
		return out
	}
	t, n := low(text), low(needle)
	var out []Range
	for i := 0; i+len(n) <= len(t); {
		if string(t[i:i+len(n)]) == string(n) {
			out = append(out, Range{i, i + len(n)})
			i += len(n)
		} else {
			i++
		}
	}
	return out
}
