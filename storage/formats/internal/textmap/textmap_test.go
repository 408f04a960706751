package textmap

import (
	"testing"

	"github.com/saywho-app/saywho/storage/textutil"
)

func TestNormalize(t *testing.T) {
	cases := []struct {
		name string
		src  string
		// pairs of original offset → wanted normalised offset
		pos [][2]int
	}{
		{"already normal", "a😀b\nc", [][2]int{{0, 0}, {2, 2}, {5, 5}}},
		{"crlf", "ab\r\ncd", [][2]int{{2, 2}, {3, 2}, {4, 3}, {6, 5}}},
		{"lone cr", "a\rb", [][2]int{{1, 1}, {2, 2}, {3, 3}}},
		{"bom", "\uFEFFhi", [][2]int{{0, 0}, {1, 0}, {2, 1}, {3, 2}}},
		{"combining composes", "e\u0301x", [][2]int{{0, 0}, {1, 0}, {2, 1}, {3, 2}}},
		{"combining stays", "g\u0303x", [][2]int{{1, 1}, {2, 2}, {3, 3}}},
		{"mixed", "\uFEFFA\u030A\r\n中😀", [][2]int{{1, 0}, {3, 1}, {4, 1}, {5, 2}, {6, 3}, {7, 4}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, m := Normalize(c.src)
			if want := textutil.Normalize(c.src); got != want {
				t.Fatalf("text %q, want %q", got, want)
			}
			for _, p := range c.pos {
				if g := m.Pos(p[0]); g != p[1] {
					t.Errorf("Pos(%d) = %d, want %d", p[0], g, p[1])
				}
			}
			if m.Pos(-1) != -1 && !m.Identity() {
				t.Error("negative offset accepted")
			}
		})
	}
}

func TestNormalizeLongSegment(t *testing.T) {
	// A composition after a long ASCII run must not disturb the offsets of
	// the run itself.
	src := "abcdefghijklmnopqrstuvwxyz0123456789 e\u0301 tail"
	got, m := Normalize(src)
	if got != textutil.Normalize(src) {
		t.Fatalf("text %q", got)
	}
	for i := 0; i <= 37; i++ {
		if m.Pos(i) != i {
			t.Fatalf("Pos(%d) = %d", i, m.Pos(i))
		}
	}
	if m.Pos(40) != 39 || m.Pos(len([]rune(src))) != len([]rune(got)) {
		t.Errorf("tail offsets %d %d", m.Pos(40), m.Pos(len([]rune(src))))
	}
}
