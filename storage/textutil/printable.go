package textutil

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printable returns s with everything a terminal or a text widget would
// act on rather than show escaped the way Go's %q escapes titles in
// messages: C0 and C1 controls (a newline, ESC starting an ANSI sequence),
// format characters such as the bidi overrides U+202A–U+202E and
// U+2066–U+2069, other unprintable runes, and bytes that are not UTF-8.
// Printable text is returned unchanged, with no quotes added, so a message
// about a file whose name holds "\n[ok]" stays one line and cannot fake
// another. Spaces stay; tabs are escaped.
func Printable(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case r == ' ' || strconv.IsPrint(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return b.String()
}

// Name returns a file name for messages: as it is when it is printable,
// else quoted and escaped with %q, as titles are, so that the name is
// shown exactly and cannot fake output lines or colours.
func Name(s string) string {
	if printable(s) {
		return s
	}
	return strconv.Quote(s)
}

// Lines applies Printable to each line of s, keeping its line breaks: for
// text made of lines, each of which may hold a file name.
func Lines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Printable(l)
	}
	return strings.Join(lines, "\n")
}

func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (r != ' ' && !strconv.IsPrint(r)) {
			return false
		}
	}
	return true
}
