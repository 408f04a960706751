package qdpx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

// unzip returns the archive's files by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = b
	}
	return out
}

func exportFixture(t *testing.T, opts Options) map[string][]byte {
	t.Helper()
	b, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(b, &buf, opts); err != nil {
		t.Fatal(err)
	}
	return unzip(t, buf.Bytes())
}

// xsdPath finds the REFI-QDA schema in ../shared, or skips; it also skips
// without xmllint.
func xsdPath(t *testing.T) string {
	t.Helper()
	p := sharedtest.Path(t, "project.qde against the REFI-QDA schema", "standards", "refi-qda", "Project-mrt2019.xsd")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (Debian: libxml2-utils): project.qde was NOT validated")
	}
	return p
}

// xmllint validates an XML document against a schema and fails the test
// unless it validates.
func xmllint(t *testing.T, xsd, name string, data []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", xsd, file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "validates") {
		t.Fatalf("xmllint %s: %v\n%s", name, err, out)
	}
}

func TestProjectValidatesAgainstXSD(t *testing.T) {
	xsd := xsdPath(t)
	for _, crlf := range []bool{false, true} {
		files := exportFixture(t, Options{CRLF: crlf})
		xmllint(t, xsd, "project.qde", files["project.qde"])
	}
}

// A project document with the XSD's element order broken must fail, so the
// validation above is not vacuous.
func TestXSDRejectsWrongOrder(t *testing.T) {
	xsd := xsdPath(t)
	bad := `<?xml version="1.0" encoding="UTF-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">` +
		`<Sources/><Users><User guid="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"/></Users></Project>`
	p := filepath.Join(t.TempDir(), "bad.qde")
	os.WriteFile(p, []byte(bad), 0o644)
	if out, err := exec.Command("xmllint", "--noout", "--schema", xsd, p).CombinedOutput(); err == nil {
		t.Fatalf("xmllint accepted a wrong element order:\n%s", out)
	}
}

func TestSelectionPositionsMatchShippedText(t *testing.T) {
	b, _ := fixture.Harbour()
	want := map[string]string{} // selection guid → text as shipped
	for _, a := range b.Annotations {
		want[guid.For(a.ID)] = a.Text
	}
	for _, crlf := range []bool{false, true} {
		files := exportFixture(t, Options{CRLF: crlf})
		var p qdeProject
		if err := xml.Unmarshal(files["project.qde"], &p); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, src := range p.Sources.Text {
			if !strings.HasPrefix(src.PlainTextPath, "internal://") {
				t.Fatalf("path %q", src.PlainTextPath)
			}
			data, ok := files["sources/"+strings.TrimPrefix(src.PlainTextPath, "internal://")]
			if !ok {
				t.Fatalf("source file for %s missing", src.PlainTextPath)
			}
			if crlf != bytes.Contains(data, []byte("\r\n")) || (crlf && bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n"))) {
				t.Fatalf("crlf=%v but the file has other line ends", crlf)
			}
			runes := []rune(string(data))
			for _, s := range src.Selections {
				start, _ := strconv.Atoi(s.Start)
				end, _ := strconv.Atoi(s.End)
				exp := want[s.GUID]
				if crlf {
					exp = strings.ReplaceAll(exp, "\n", "\r\n")
				}
				if got := string(runes[start:end]); got != exp {
					t.Errorf("crlf=%v: [%d,%d) = %q, want %q", crlf, start, end, got, exp)
				}
				n++
			}
		}
		if n != len(b.Annotations) {
			t.Errorf("%d selections, want %d", n, len(b.Annotations))
		}
	}
}

func TestPositionsCRLF(t *testing.T) {
	pos := positions("a\nb\n\nc", true)
	for cp, want := range []int{0, 1, 3, 4, 6, 8} {
		if got := pos(cp); got != want {
			t.Errorf("pos(%d) = %d, want %d", cp, got, want)
		}
	}
}
