package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// docxBody is a minimal WordprocessingML body with one paragraph.
const docxBody = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The port said nothing.</w:t></w:r></w:p></w:body></w:document>`

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`

// TestBadInputFiles imports hostile or broken files into a good project:
// each is refused with a clear message and exit code 1, and the project
// folder stays byte for byte as it was (the project is closed before and
// after, so nothing waits in a -wal log). The text file in a legacy
// encoding is imported, with a notice, as the .txt reader specifies.
func TestBadInputFiles(t *testing.T) {
	cases := []struct {
		name  string
		file  string
		data  func(t *testing.T) []byte
		words []string
	}{
		{"empty file", "empty.txt", func(*testing.T) []byte { return nil }, []string{"empty.txt", "empty"}},
		{"only whitespace", "blank.md", func(*testing.T) []byte { return []byte(" \r\n\t\n") }, []string{"blank.md", "empty"}},
		{"binary file", "notes.txt", func(*testing.T) []byte {
			return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 600)...)
		},
			[]string{"notes.txt", "binary"}},
		{"zip bomb as docx", "bomb.docx", func(t *testing.T) []byte {
			return ziptest.Build(t, ziptest.File{Name: "[Content_Types].xml", Body: contentTypes}, ziptest.File{Name: "word/document.xml", Zeros: 2 << 30})
		}, []string{"bomb.docx", "zip bomb"}},
		{"zip bomb as qdpx", "bomb.qdpx", func(t *testing.T) []byte {
			return ziptest.Build(t, ziptest.File{Name: "project.qde", Zeros: 2 << 30})
		}, []string{"bomb.qdpx", "zip bomb"}},
		{"path traversal in docx", "escape.docx", func(t *testing.T) []byte {
			return ziptest.Build(t, ziptest.File{Name: "[Content_Types].xml", Body: contentTypes}, ziptest.File{Name: "word/document.xml", Body: docxBody},
				ziptest.File{Name: "../../evil.sh", Body: "echo owned"})
		}, []string{"escape.docx", "unsafe path", "evil.sh"}},
		{"path traversal in qdpx", "escape.qdpx", func(t *testing.T) []byte {
			return ziptest.Build(t, ziptest.File{Name: "project.qde", Body: `<?xml version="1.0"?><Project name="x" xmlns="urn:QDA-XML:project:1.0"/>`},
				ziptest.File{Name: "sources/../../evil.txt", Body: "escaped"})
		}, []string{"escape.qdpx", "unsafe path"}},
		{"not really a docx", "letter.docx", func(*testing.T) []byte { return []byte("PK\x03\x04 this is no archive") },
			[]string{"letter.docx", "damaged"}},
		{"export from a newer Saywho", "future.json", func(*testing.T) []byte {
			return []byte(`{"format": "saywho", "version": 99, "documents": [], "annotations": []}`)
		}, []string{"future.json", "newer version"}},
		{"truncated export", "cut.json", func(*testing.T) []byte {
			return []byte(`{"format": "saywho", "version": 1, "project": {"id": "0195f3a0-0000-7000-8000-00000000000`)
		}, []string{"cut.json", "not a Saywho JSON export"}},
		{"export with wrong offsets", "shifted.json", func(*testing.T) []byte { return shiftedExport(t) },
			[]string{"shifted.json", "does not match"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			project := goodProject(t, dir)
			in := putFile(t, filepath.Join(t.TempDir(), c.file), c.data(t))
			before := dirState(t, dir)
			code, stdout, stderr := runCLI(t, "import", project, in)
			if code != ExitError {
				t.Fatalf("exit code %d, want %d\n%s%s", code, ExitError, stdout, stderr)
			}
			t.Logf("%s", strings.TrimSpace(stderr))
			mentions(t, c.name, stderr, c.words...)
			sameState(t, c.name, before, dirState(t, dir))
		})
	}
	if _, err := os.Stat(filepath.Join(os.TempDir(), "evil.sh")); err == nil {
		t.Error("an archive entry was written outside its folder")
	}
}

// shiftedExport is a valid export whose quote is moved by one code point,
// as a tool counting UTF-16 units after an emoji would write it.
func shiftedExport(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "export.json")
	if code, _, stderr := runCLI(t, "export", goodProject(t, dir), "-o", out); code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), `"start": `)
	var start int
	fmt.Sscanf(string(data[i+len(`"start": `):]), "%d", &start)
	return []byte(strings.Replace(string(data), fmt.Sprintf(`"start": %d`, start), fmt.Sprintf(`"start": %d`, start+1), 1))
}

// TestHugeTextFileRefusedWithoutReading imports a 200 MB text file (sparse,
// so it costs no disk): it is refused by its size before it is read.
func TestHugeTextFileRefusedWithoutReading(t *testing.T) {
	dir := t.TempDir()
	project := goodProject(t, dir)
	big := filepath.Join(t.TempDir(), "transcript.txt")
	putFile(t, big, []byte("The minister said: "))
	if err := os.Truncate(big, 200<<20); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	code, _, stderr := runCLI(t, "import", project, big)
	runtime.ReadMemStats(&m1)
	if code != ExitError {
		t.Fatalf("exit code %d, want %d: %s", code, ExitError, stderr)
	}
	mentions(t, "200 MB file", stderr, "transcript.txt", "200 MiB", "too large")
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 32<<20 {
		t.Errorf("refusing the file allocated %d MiB: it was read", alloc>>20)
	}
	sameState(t, "200 MB file", before, dirState(t, dir))
}

// TestLegacyEncodingImportedWithNotice imports a Windows-1252 text: it is
// decoded, not refused, and the user is told.
func TestLegacyEncodingImportedWithNotice(t *testing.T) {
	dir := t.TempDir()
	project := goodProject(t, dir)
	in := putFile(t, filepath.Join(dir, "cafe.txt"), []byte("Caf\xe9 owner Ren\xe9e Dub\xf6is said \x93we stay open\x94 \x96 for now.\r\n"))
	code, stdout, stderr := runCLI(t, "import", project, in)
	if code != ExitOK {
		t.Fatalf("exit code %d: %s%s", code, stdout, stderr)
	}
	mentions(t, "Windows-1252 text", stdout, "cafe.txt", "not valid UTF-8", "Windows-1252")
	text := documentTexts(t, project)
	if !strings.Contains(text, "Café owner Renée Duböis said “we stay open” – for now.") {
		t.Fatalf("decoded text: %q", text)
	}
}

// TestRemoteReferencesNotFetched imports HTML that points at a server for
// images, scripts, styles, frames, media and a refresh: nothing is fetched
// and no script text lands in the document.
func TestRemoteReferencesNotFetched(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "tracked")
	}))
	defer srv.Close()
	u := srv.URL
	page := `<!DOCTYPE html><html><head><title>Ferry strike ends</title>
<link rel="stylesheet" href="` + u + `/style.css"><link rel="preload" as="image" href="` + u + `/hero.jpg">
<script src="` + u + `/tracker.js"></script><meta http-equiv="refresh" content="30; url=` + u + `/refresh">
<base href="` + u + `/"></head><body><article><h1>Ferry strike ends</h1>
<img src="` + u + `/photo.jpg" srcset="` + u + `/photo-2x.jpg 2x" alt="Ferry at the quay">
<p>The union leader Marta Ilić said the crews would return on Friday, “with our heads high.”</p>
<iframe src="` + u + `/frame"></iframe><video poster="` + u + `/poster.jpg"><source src="` + u + `/clip.mp4"></video>
<object data="` + u + `/object"></object><img src="relative.png">
<p>The operator said timetables would be back to normal by Sunday.</p>
<script>fetch("` + u + `/beacon")</script></article></body></html>`
	dir := t.TempDir()
	project := goodProject(t, dir)
	in := putFile(t, filepath.Join(dir, "ferry.html"), []byte(page))
	code, stdout, stderr := runCLI(t, "import", project, in)
	if code != ExitOK {
		t.Fatalf("exit code %d: %s%s", code, stdout, stderr)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("importing the page made %d request(s) to the server it references", n)
	}
	text := documentTexts(t, project)
	if !strings.Contains(text, "“with our heads high.”") || strings.Contains(text, "fetch(") || strings.Contains(text, srv.URL) {
		t.Fatalf("imported text: %q", text)
	}
}

// documentTexts returns the texts of every document of a project.
func documentTexts(t *testing.T, path string) string {
	t.Helper()
	p, err := sqlite.Open(path, sqlite.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	b, err := p.Snapshot(context.Background(), storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, d := range b.Documents {
		texts = append(texts, d.Text)
	}
	return strings.Join(texts, "\n----\n")
}
