package textutil

import "unicode"

// CountWords counts the words of s: runs of letters, digits and marks,
// which an apostrophe or hyphen between two of them does not break
// ("don't", "well-known": one word each), nor a point or comma between
// two digits ("3.5", "10,000"). Han, Hiragana and Katakana
// characters, written without spaces between words, count one word each,
// as word processors count them.
func CountWords(s string) int {
	n := 0
	in := false     // inside a word
	joiner := false // the previous character joins two parts of a word
	digit := false  // the previous character was a digit
	for _, r := range s {
		switch {
		case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana): // none below U+2E80
			n++
			in, joiner = false, false
		case wordRune(r):
			if !in {
				n++
			}
			in, joiner, digit = true, false, '0' <= r && r <= '9' || r >= 0x80 && unicode.IsDigit(r)
			continue
		case in && !joiner && (r == '\'' || r == '’' || r == '-' || r == '‐' || digit && (r == '.' || r == ',')):
			joiner = true
		default: // a space, punctuation, or a second joiner in a row
			in, joiner = false, false
		}
		digit = false
	}
	return n
}

// wordRune reports whether r is a letter, digit or mark; ASCII without a
// table lookup (reports count the words of every quote of a project).
func wordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
