package formats

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/sqlite"
	"golang.org/x/text/encoding/unicode"
)

// fuzzExts are the file names FuzzImportFile gives its input, so that the
// same bytes reach every reader the extension can select.
var fuzzExts = []string{".txt", ".md", ".html", ".docx", ".odt", ".epub", ".pdf", ".json", ".qdpx", ".qde", ".bin", ".qdc"}

// FuzzImportFile imports one fuzzed file, under a fuzzed extension, into a
// new project through Import, the path the command line and the window
// take: sniffing, the reader, the coder and the merge. It must never panic;
// the project must pass Check afterwards; and a refused file must have
// added no document. The per-format targets (doc, brat, qdpx, native) go
// deeper into each reader; this one covers the dispatch and the merge.
func FuzzImportFile(f *testing.F) {
	b, _ := fixture.Harbour()
	for _, format := range []string{"json", "qdpx", "qdc"} {
		var buf bytes.Buffer
		if _, err := WriteBundle(context.Background(), b, format, "-", &buf, ExportOptions{}); err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(indexOf(fuzzExts, "."+format)), buf.Bytes())
	}
	f.Add(uint8(0), []byte(fixture.HarbourText))
	f.Add(uint8(1), []byte("# Port stays silent\n\nA spokesperson said: “No comment.” 🚢\n"))
	f.Add(uint8(2), []byte(`<html><head><title>Ferry</title></head><body><p>“We return,” said Marta Ilić.</p><img src="http://example.invalid/x.png"></body></html>`))
	f.Add(uint8(3), minimalDocx(f))
	f.Add(uint8(10), []byte("\x00\x01binary"))
	// Bounds (issue 9): an export with a byte-order mark or in UTF-16,
	// Markdown goldmark is quadratic on.
	var export bytes.Buffer
	if _, err := WriteBundle(context.Background(), b, "json", "-", &export, ExportOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(uint8(indexOf(fuzzExts, ".json")), append([]byte("\xEF\xBB\xBF"), export.Bytes()...))
	if le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(export.Bytes()); err == nil {
		f.Add(uint8(indexOf(fuzzExts, ".json")), le)
	}
	f.Add(uint8(1), bytes.Repeat([]byte("*a_"), 10000))
	f.Add(uint8(1), bytes.Repeat([]byte("[a]: b\n"), 3000))
	template := filepath.Join(f.TempDir(), "template.saywho")
	tp, err := sqlite.Create(template, "fuzz")
	if err != nil {
		f.Fatal(err)
	}
	tp.Close()
	f.Fuzz(func(t *testing.T, ext uint8, data []byte) {
		dir := t.TempDir()
		name := filepath.Join(dir, "input"+fuzzExts[int(ext)%len(fuzzExts)])
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// A file its reader refuses never reaches the project (Import
		// reads before it writes): check the refusal without one. A
		// REFI-QDA project whose sources were all refused is imported
		// without documents.
		if _, _, err := readUnit(unit{path: name}, ImportOptions{}); err != nil && !errors.Is(err, ErrNoSources) {
			if err.Error() == "" {
				t.Fatal("refused without a message")
			}
			return
		}
		p := fuzzProject(t, template, dir)
		sum, err := Import(context.Background(), p, []string{name}, ImportOptions{Coder: "fuzz"}, nil)
		if err != nil {
			t.Fatalf("Import: %v", err)
		}
		problems, err := p.Check(context.Background())
		if err != nil || len(problems) > 0 {
			t.Fatalf("the project is unsound after importing: %v %v", problems, err)
		}
		st, err := p.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range sum.Files {
			if r.Err != nil && r.Documents == 0 && st.Documents > 0 {
				t.Fatalf("a refused file added %d document(s)", st.Documents)
			}
		}
	})
}

// fuzzProject opens a copy of an empty template project in dir.
func fuzzProject(t *testing.T, template, dir string) *sqlite.Project {
	t.Helper()
	data, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "p.saywho")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := sqlite.Open(path, sqlite.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return 0
}

// minimalDocx is a one-paragraph Word document.
func minimalDocx(f *testing.F) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
			`<w:body><w:p><w:r><w:t>The council said the vote “stands”. 🗳️</w:t></w:r></w:p></w:body></w:document>`},
	} {
		w, err := zw.Create(part[0])
		if err != nil {
			f.Fatal(err)
		}
		w.Write([]byte(part[1]))
	}
	if err := zw.Close(); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}
