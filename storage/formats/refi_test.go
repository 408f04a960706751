package formats

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
)

// refiProject is a project.qde with one user, twelve codes (two levels)
// and the given sources.
func refiProject(sources string) string {
	var codes strings.Builder
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&codes, `<Code guid="c0000000-0000-4000-8000-00000000000%d" name="Theme %d" isCodable="true">`, i, i)
		for j := 1; j <= 2; j++ {
			fmt.Fprintf(&codes, `<Code guid="c0000000-0000-4000-8000-0000000000%d%d" name="Theme %d.%d" isCodable="true"/>`, i, j, i, j)
		}
		codes.WriteString(`</Code>`)
	}
	if sources != "" {
		sources = "<Sources>" + sources + "</Sources>"
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Study" origin="OtherQDA 23">
<Users><User guid="a0000000-0000-4000-8000-000000000001" name="Kim"/></Users>
<CodeBook><Codes>` + codes.String() + `</Codes></CodeBook>` + sources + `</Project>`
}

func textSource(n int, name, path string) string {
	return fmt.Sprintf(`<TextSource guid="d0000000-0000-4000-8000-00000000000%d" name="%s" plainTextPath="internal://%s">`+
		`<PlainTextSelection guid="e0000000-0000-4000-8000-00000000000%d" startPosition="0" endPosition="4">`+
		`<Coding guid="f0000000-0000-4000-8000-00000000000%d" creatingUser="a0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding>`+
		`</PlainTextSelection></TextSource>`, n, name, path, n, n)
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A REFI-QDA project whose sources cannot be read (missing from the
// archive, a path out of it, an entry lying about its size) says exactly
// what it added, its coder and codes, and counts as failed; one without
// sources (a codebook-only project, as ATLAS.ti exports) adds its coder and
// codes and succeeds.
func TestREFISourcesRefusedOrAbsent(t *testing.T) {
	refused := ziptest.Build(t,
		ziptest.File{Name: "project.qde", Body: refiProject(textSource(1, "Missing", "missing.txt") +
			textSource(2, "Escape", "../../etc/passwd") + textSource(3, "Liar", "liar.txt"))},
		ziptest.File{Name: "sources/liar.txt", Zeros: 8 << 20, Declared: 12})
	partly := ziptest.Build(t,
		ziptest.File{Name: "project.qde", Body: refiProject(textSource(1, "Missing", "missing.txt") + textSource(2, "Good", "good.txt"))},
		ziptest.File{Name: "sources/good.txt", Body: "Good text about the harbour."})
	cases := []struct {
		name, file string
		data       []byte
		failed     bool
		head       string
		lines      []string
		docs       int
	}{
		{"all refused", "refused.qdpx", refused, true,
			"Imported 0 document(s) and 0 annotation(s) from 1 file(s); 1 coder(s) and 12 code(s) added; 1 file(s) failed.",
			[]string{"refused.qdpx: none of its sources could be imported (3 refused, why below)",
				`refused.qdpx: source "Missing": cannot read internal://missing.txt`,
				`refused.qdpx: source "Escape": cannot read internal://../../etc/passwd`,
				`refused.qdpx: source "Liar": cannot read internal://liar.txt`}, 0},
		{"codebook only", "codebook.qdpx", ziptest.Build(t, ziptest.File{Name: "project.qde", Body: refiProject("")}), false,
			"Imported 0 document(s) and 0 annotation(s) from 1 file(s); 1 coder(s) and 12 code(s) added.", nil, 0},
		{"codebook-only qde", "codebook.qde", []byte(refiProject("")), false,
			"Imported 0 document(s) and 0 annotation(s) from 1 file(s); 1 coder(s) and 12 code(s) added.", nil, 0},
		{"one of two refused", "partly.qdpx", partly, false,
			"Imported 1 document(s) and 1 annotation(s) from 1 file(s); 1 coder(s) and 12 code(s) added.",
			[]string{`partly.qdpx: source "Missing": cannot read internal://missing.txt`}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := projectFrom(t, &storage.Bundle{})
			sum, err := Import(context.Background(), p, []string{writeFile(t, c.file, c.data)}, ImportOptions{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if (sum.Failed() > 0) != c.failed || c.failed != errors.Is(sum.Files[0].Err, ErrNoSources) {
				t.Errorf("failed = %d, err %v", sum.Failed(), sum.Files[0].Err)
			}
			got := strings.Split(sum.String(), "\n")
			if got[0] != c.head {
				t.Errorf("summary head\n  %s\nwant\n  %s", got[0], c.head)
			}
			for _, want := range c.lines {
				found := false
				for _, l := range got[1:] {
					found = found || strings.HasPrefix(l, want)
				}
				if !found {
					t.Errorf("no line %q in\n%s", want, sum)
				}
			}
			st, err := p.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Documents != c.docs || st.Codes != 12 || st.Annotators != 1 || !sum.Added() {
				t.Errorf("project holds %d documents, %d codes, %d coders", st.Documents, st.Codes, st.Annotators)
			}
		})
	}
}

// .qdc codebooks are read by extension, and REFI-QDA XML by its content
// whatever the extension; the codebook export writes one.
func TestCodebookImportAndExport(t *testing.T) {
	src := projectFrom(t, &storage.Bundle{})
	if _, err := Import(context.Background(), src, []string{writeFile(t, "study.qde", []byte(refiProject("")))}, ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "codes.qdc")
	if _, err := Export(context.Background(), src, "qdc", out, nil, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"`) || !strings.Contains(string(data), `name="Theme 4.2"`) {
		t.Fatalf("codebook export:\n%s", data)
	}
	for _, name := range []string{"codes.qdc", "codes.QDC", "codes.xml"} {
		dst := projectFrom(t, &storage.Bundle{})
		sum, err := Import(context.Background(), dst, []string{writeFile(t, name, data)}, ImportOptions{}, nil)
		if err != nil || sum.Failed() > 0 {
			t.Fatalf("%s: %v\n%s", name, err, sum)
		}
		if want := "Imported 0 document(s) and 0 annotation(s) from 1 file(s); 12 code(s) added."; sum.String() != want {
			t.Errorf("%s: %q, want %q", name, sum.String(), want)
		}
		a, _ := src.Codes(context.Background())
		b, _ := dst.Codes(context.Background())
		if len(a) != len(b) {
			t.Fatalf("%s: %d codes, want %d", name, len(b), len(a))
		}
		for i := range a {
			if a[i].ID != b[i].ID || a[i].Name != b[i].Name || a[i].ParentID != b[i].ParentID {
				t.Errorf("%s: code %+v, want %+v", name, b[i], a[i])
			}
		}
	}
}
