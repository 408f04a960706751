package doc

import (
	"regexp"
	"strings"
	"time"
)

// isoDate finds a YYYY-MM-DD date at the start of a value.
var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

// pdfDate finds the date of a PDF date string, D:YYYYMMDD….
var pdfDate = regexp.MustCompile(`^D:(\d{4})(\d{2})(\d{2})`)

// dateLayouts are the other layouts metadata dates come in.
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, "2 January 2006", "January 2, 2006", "Jan 2, 2006", "2006/01/02"}

// normDate turns a metadata date into YYYY-MM-DD when it is recognisably
// a date, and otherwise returns it cleaned up, as given.
func normDate(s string) string {
	s = clean(s)
	for _, re := range []*regexp.Regexp{isoDate, pdfDate} {
		if m := re.FindStringSubmatch(s); m != nil {
			if t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3]); err == nil {
				return t.Format(time.DateOnly)
			}
		}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return strings.TrimSpace(s)
}
