package app

import "testing"

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n          int
		noun, want string
	}{{0, "quote", "0 quotes"}, {1, "quote", "1 quote"}, {2, "match", "2 matches"}, {1, "match", "1 match"}} {
		if got := count(tc.n, tc.noun); got != tc.want {
			t.Errorf("count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}

func TestHexColorRoundTrip(t *testing.T) {
	for _, s := range []string{"#1F77B4", "#000000", "#FFFFFF"} {
		c, ok := parseHexColor(s)
		if !ok || hexColor(c) != s {
			t.Errorf("%s → %v → %s", s, c, hexColor(c))
		}
	}
	for _, bad := range []string{"", "#12345", "red", "#GGGGGG"} {
		if _, ok := parseHexColor(bad); ok {
			t.Errorf("parseHexColor(%q) accepted", bad)
		}
	}
}
