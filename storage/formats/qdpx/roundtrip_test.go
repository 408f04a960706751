package qdpx

import (
	"bytes"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// What REFI-QDA cannot carry (see docs/formats.md).
var lostInQDPX = []string{
	"Annotator.Created", "Code.Created", "Code.Position", "Code.Shortcut",
	"Speaker.Created", "Speaker.Modified", "Relation.Created", "Set.Created",
}

func TestRoundTrip(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		want, _ := fixture.Harbour()
		var buf bytes.Buffer
		if err := Export(want, &buf, Options{CRLF: crlf}); err != nil {
			t.Fatal(err)
		}
		got, report, err := Import(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if err := fixture.Check(got); err != nil {
			t.Fatalf("crlf=%v: imported bundle is invalid: %v", crlf, err)
		}
		for _, d := range fixture.Diff(want, got, lostInQDPX...) {
			t.Errorf("crlf=%v: %s", crlf, d)
		}
		wantReport := 0
		if crlf {
			wantReport = len(want.Documents) // "text normalised" per source
		}
		if len(report) != wantReport {
			t.Errorf("crlf=%v: report %q", crlf, report)
		}
		if got.Project.Name != want.Project.Name {
			t.Errorf("project name %q", got.Project.Name)
		}
	}
}
