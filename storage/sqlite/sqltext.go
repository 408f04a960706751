package sqlite

import "strings"

// normaliseSQL reduces a CREATE statement to a canonical form for
// comparison: comments are removed, ASCII letters outside quotes are
// lower-cased, and whitespace is dropped except one space between two
// words (or quoted names) that it separates. Quoted text ('…', "…", `…`,
// […]) is kept exactly. Two statements SQLite reads the same way but that
// were written with other spacing, line breaks, comments or keyword case
// compare equal.
func normaliseSQL(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false  // whitespace or a comment since the last token
	var last byte // the last byte written
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			gap = true
			i++
			continue
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			gap = true
			continue
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s)
			} else {
				i += end + 4
			}
			gap = true
			continue
		}
		if gap && wordByte(last) && wordByte(c) {
			b.WriteByte(' ')
		}
		gap = false
		if c == '\'' || c == '"' || c == '`' || c == '[' {
			j := quotedEnd(s, i)
			b.WriteString(s[i:j])
			last = s[j-1]
			i = j
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
		last = c
		i++
	}
	return b.String()
}

// wordByte reports whether c belongs to a word or a quoted name, which a
// space must keep apart from the next one.
func wordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
		c == '\'' || c == '"' || c == '`' || c == ']' || c == '['
}

// quotedEnd returns the index just past the quoted token starting at
// s[i]; a doubled closing quote inside it is part of the text. An
// unterminated token runs to the end.
func quotedEnd(s string, i int) int {
	closer := s[i]
	if closer == '[' {
		closer = ']'
	}
	for j := i + 1; j < len(s); j++ {
		if s[j] != closer {
			continue
		}
		if closer != ']' && j+1 < len(s) && s[j+1] == closer {
			j++
			continue
		}
		return j + 1
	}
	return len(s)
}
