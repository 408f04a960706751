package textutil

import "testing"

func TestIndexConvert(t *testing.T) {
	text := "a😀é中ש\n"
	ix := NewIndex(text)
	cases := []struct {
		cp, byt, u16 int
	}{
		{0, 0, 0}, {1, 1, 1}, {2, 5, 3}, {3, 7, 4}, {4, 10, 5}, {5, 12, 6}, {6, 13, 7},
	}
	for _, c := range cases {
		if got := ix.Convert(c.cp, UnitByte); got != c.byt {
			t.Errorf("byte(%d) = %d, want %d", c.cp, got, c.byt)
		}
		if got := ix.Convert(c.cp, UnitUTF16); got != c.u16 {
			t.Errorf("utf16(%d) = %d, want %d", c.cp, got, c.u16)
		}
		if got := ix.FromUnit(c.byt, UnitByte); got != c.cp {
			t.Errorf("FromUnit(byte %d) = %d, want %d", c.byt, got, c.cp)
		}
		if got := ix.FromUnit(c.u16, UnitUTF16); got != c.cp {
			t.Errorf("FromUnit(utf16 %d) = %d, want %d", c.u16, got, c.cp)
		}
	}
	if got := ix.FromUnit(2, UnitUTF16); got != -1 {
		t.Errorf("offset inside a surrogate pair mapped to %d, want -1", got)
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\uFEFFhello", "hello"},
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"e\u0301", "é"},
		{"plain", "plain"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestContext(t *testing.T) {
	ix := NewIndex("0123456789012345678901234567890123456789XYZ0123456789012345678901234567890123456789")
	p, s := ix.Context(40, 43)
	if len([]rune(p)) != ContextLen || len([]rune(s)) != ContextLen {
		t.Fatalf("context lengths %d, %d", len(p), len(s))
	}
	p, s = ix.Context(0, 2)
	if p != "" || s != ix.Slice(2, 2+ContextLen) {
		t.Fatalf("context at start: %q %q", p, s)
	}
}
