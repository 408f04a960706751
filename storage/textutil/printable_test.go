package textutil

import "testing"

func TestPrintable(t *testing.T) {
	cases := []struct{ in, printable, name string }{
		{"a.txt", "a.txt", "a.txt"},
		{"Zoë 🌊 北京 שלום.txt", "Zoë 🌊 北京 שלום.txt", "Zoë 🌊 北京 שלום.txt"},
		{"with space.txt", "with space.txt", "with space.txt"},
		{"x\n[ok] Imported 99.txt", `x\n[ok] Imported 99.txt`, `"x\n[ok] Imported 99.txt"`},
		{"\x1b[2Jred.txt", `\x1b[2Jred.txt`, `"\x1b[2Jred.txt"`},
		{"cr\rtab\t.txt", `cr\rtab\t.txt`, `"cr\rtab\t.txt"`},
		{"c1\u0085\u009b.txt", `c1\u0085\u009b.txt`, `"c1\u0085\u009b.txt"`},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`, `"evil\u202etxt.exe"`},
		{"iso\u2066x\u2069.txt", `iso\u2066x\u2069.txt`, `"iso\u2066x\u2069.txt"`},
		{"bad\xffbyte.txt", `bad\xffbyte.txt`, `"bad\xffbyte.txt"`},
		{"nul\x00.txt", `nul\x00.txt`, `"nul\x00.txt"`},
	}
	for _, c := range cases {
		if got := Printable(c.in); got != c.printable {
			t.Errorf("Printable(%q) = %s, want %s", c.in, got, c.printable)
		}
		if got := Name(c.in); got != c.name {
			t.Errorf("Name(%q) = %s, want %s", c.in, got, c.name)
		}
	}
	if got := Lines("ok\nx\x1b[31m\nlast"); got != "ok\n"+`x\x1b[31m`+"\nlast" {
		t.Errorf("Lines = %q", got)
	}
}
