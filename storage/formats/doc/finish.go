package doc

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage/textutil"
)

// maxTitle is the longest title kept, in code points; a longer first line
// is cut at a word boundary and ends with "…".
const maxTitle = 200

// finish completes what every reader shares: the text is normalised and
// rid of control characters, refused if empty, and the title, file name
// and metadata are cleaned up.
func finish(res *Result, name string) error {
	d := &res.Doc
	if !utf8.ValidString(d.Text) {
		d.Text = strings.ToValidUTF8(d.Text, "\uFFFD")
		res.Notices = append(res.Notices, "invalid byte sequences were replaced by \uFFFD")
	}
	text, removed := dropControls(textutil.Normalize(d.Text))
	if removed > 0 {
		res.Notices = append(res.Notices, fmt.Sprintf("removed %d invisible control characters", removed))
	}
	if strings.TrimSpace(text) == "" {
		if d.Format == FormatTxt || d.Format == FormatMarkdown || d.Format == FormatHTML {
			return fmt.Errorf("%w (or holds only whitespace or markup)", ErrEmpty)
		}
		return fmt.Errorf("%w: the %s document has no paragraphs of text", ErrNoText, strings.ToUpper(d.Format))
	}
	d.Text = text
	d.FileName = name
	d.Title = cleanTitle(d.Title)
	if d.Title == "" {
		d.Title = cleanTitle(firstLine(text))
	}
	d.Byline = clean(strings.TrimPrefix(strings.TrimPrefix(clean(d.Byline), "By "), "by "))
	d.Outlet = clean(d.Outlet)
	d.URL = clean(d.URL)
	d.Published = normDate(d.Published)
	return nil
}

// dropControls removes control characters other than tab and newline
// (C0, DEL, C1: they are invisible, and XML exports cannot carry them);
// form feed and vertical tab become a newline. It returns how many were
// removed.
func dropControls(s string) (string, int) {
	removed := 0
	out := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r == '\f' || r == '\v':
			return '\n'
		case unicode.IsControl(r):
			removed++
			return -1
		}
		return r
	}, s)
	return out, removed
}

// firstLine returns the first line of s that is not blank.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if strings.TrimSpace(line) != "" {
			return line
		}
	}
	return ""
}

// clean normalises a metadata value: NFC, whitespace runs as one space,
// trimmed, control characters removed.
func clean(s string) string {
	s, _ = dropControls(textutil.Normalize(strings.ToValidUTF8(s, "\uFFFD")))
	return strings.Join(strings.Fields(s), " ")
}

// cleanTitle is clean, cut to maxTitle code points at a word boundary.
func cleanTitle(s string) string {
	s = clean(s)
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	r := []rune(s)[:maxTitle]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut) + "…"
}
