package brat

import (
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// FuzzImport feeds arbitrary text and annotation files to Import: it must
// never panic, and what it accepts must be a valid bundle.
func FuzzImport(f *testing.F) {
	f.Add([]byte(sampleText), sampleFiles["ann/pier_k1.ann"])
	f.Add([]byte("a\r\nb\r\n"), []byte("T1\tX 1 3;0 2\tx\nE1\tX:T1 A:T1 B:E9\nN1\tReference T1 Saywho:zz\tq\n"))
	f.Add([]byte("e\u0301\u0301x"), []byte("T1\tSource 1 2\t\u0301\nT2\tContent 0 4\tx\nR1\tsaid_by Arg1:T2 Arg2:T1\n"))
	f.Fuzz(func(t *testing.T, text, ann []byte) {
		b, _, err := Import(map[string][]byte{"d.txt": text, "d_c.ann": ann}, ImportOptions{})
		if err != nil {
			return
		}
		if err := fixture.Check(b); err != nil {
			t.Fatalf("invalid bundle from %q / %q: %v", text, ann, err)
		}
		if _, _, err := Render(b, Options{}); err != nil {
			t.Fatal(err)
		}
	})
}
