package guid

import "testing"

func TestFor(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"},
		{"{0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B}", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"},
		{"urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"},
	}
	for _, c := range cases {
		if got := For(c.in); got != c.want {
			t.Errorf("For(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	a, b := For("speaker-1"), For("speaker-1")
	if a != b {
		t.Errorf("derived ids differ: %s %s", a, b)
	}
	if _, ok := Parse(a); !ok {
		t.Errorf("derived id %q is not a UUID", a)
	}
	if For("speaker-1") == For("speaker-2") {
		t.Error("different ids map to the same GUID")
	}
	if Derive("a", "bc") == Derive("ab", "c") {
		t.Error("Derive parts are not kept apart")
	}
	if _, ok := Parse("not-a-guid"); ok {
		t.Error("Parse accepted garbage")
	}
}
