package storage

import (
	"errors"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2016-09-12", "2016-09-12"},
		{" 2016-09-12T23:30:00-05:00 ", "2016-09-12"}, // the day as written, not UTC's
		{"2016-09-12 14:03:00", "2016-09-12"},
		{"12 September 2016", "2016-09-12"},
		{"September 12, 2016", "2016-09-12"},
		{"Sep 12, 2016 10:00 AM EDT", "2016-09-12"},
		{"Mon, 12 Sep 2016 14:03:00 +0200", "2016-09-12"},
		{"9/12/2016", "2016-09-12"},
		{"3/4/2016", "2016-03-04"},   // ambiguous: month first
		{"25/12/2016", "2016-12-25"}, // only one reading
		{"20160912", "2016-09-12"},
		{"", ""},
		{"yesterday", ""},
		{"not a date at all", ""},
		{"2016-13-45", ""},
	} {
		d, ok := ParseDate(c.in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("ParseDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2016-09-12", "12 September 2016", "9/12/2016", "Mon, 12 Sep 2016 14:03:00 +0200", "0000-00-00", "99999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && (d.Hour() != 0 || d.Year() < 1 || d.Year() > 9999) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}

func TestNormaliseValue(t *testing.T) {
	for _, c := range []struct {
		typ      VariableType
		in, want string
		bad      bool
	}{
		{VarText, "  A3 ", "A3", false},
		{VarText, "", "", false},
		{VarNumber, "1200.50", "1200.5", false},
		{VarNumber, "-3", "-3", false},
		{VarNumber, "1e3", "1000", false},
		{VarNumber, "1,200", "", true},
		{VarNumber, "1_200", "", true},
		{VarNumber, "0x10", "", true},
		{VarNumber, "Inf", "", true},
		{VarNumber, "NaN", "", true},
		{VarDate, "12 March 2025", "2025-03-12", false},
		{VarDate, "soon", "", true},
		{"boolean", "yes", "", true},
	} {
		got, err := c.typ.NormaliseValue(c.in)
		if got != c.want || (err != nil) != c.bad || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("%s %q: %q, %v", c.typ, c.in, got, err)
		}
	}
}
