package doc

import "unicode"

// joiner is what joins two lines of one paragraph that end with last and
// continue with next: nothing between Chinese or Japanese characters, which
// are written without spaces, a space otherwise.
func joiner(last, next rune) string {
	if spaceless(last) && spaceless(next) {
		return ""
	}
	return " "
}

// spaceless reports whether r belongs to a script written without spaces
// between words.
func spaceless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) // CJK punctuation, full-width forms
}
