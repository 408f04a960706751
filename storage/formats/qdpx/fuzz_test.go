package qdpx

import (
	"bytes"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// FuzzImport feeds arbitrary project documents and archives to Import: it
// must never panic, and what it accepts must be a valid bundle.
func FuzzImport(f *testing.F) {
	f.Add([]byte(foreignQDE))
	h, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(h, &buf, Options{CRLF: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`<Project name="x"><Sources><TextSource guid="1" ><PlainTextContent>ab&#13;&#10;c</PlainTextContent><PlainTextSelection guid="2" startPosition="2" endPosition="3"><Description>@ranges: 0-1 2-3</Description></PlainTextSelection></TextSource></Sources></Project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, _, err := Import(data)
		if err != nil {
			return
		}
		if err := fixture.Check(b); err != nil {
			t.Fatalf("invalid bundle: %v", err)
		}
	})
}
