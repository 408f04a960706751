package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// codebookQDE is a REFI-QDA project with a user and two codes and the
// given sources, as ATLAS.ti exports a codebook-only project (no sources).
func codebookQDE(sources string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Codes only" origin="OtherQDA 23">
<Users><User guid="a0000000-0000-4000-8000-000000000001" name="Kim"/></Users>
<CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="Actors" isCodable="false">
<Code guid="c0000000-0000-4000-8000-000000000002" name="Officials" isCodable="true" color="#FF8800"/></Code></Codes></CodeBook>` +
		sources + `</Project>`
}

// projectCounts opens a project and returns its stats.
func projectCounts(t *testing.T, path string) storage.Stats {
	t.Helper()
	p, err := sqlite.Open(path, sqlite.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("the project was not created: %v", err)
	}
	defer p.Close()
	st, err := p.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestImportREFIWithoutDocuments(t *testing.T) {
	refused := ziptest.Build(t, ziptest.File{Name: "project.qde", Body: codebookQDE(`<Sources>
<TextSource guid="d0000000-0000-4000-8000-000000000001" name="Gone" plainTextPath="internal://gone.txt"/>
<TextSource guid="d0000000-0000-4000-8000-000000000002" name="Out" plainTextPath="internal://../../../etc/hostname"/>
</Sources>`)})
	cases := []struct {
		name, file string
		data       []byte
		code       int
		out        []string
	}{
		{"codebook-only project", "codes.qdpx", ziptest.Build(t, ziptest.File{Name: "project.qde", Body: codebookQDE("")}), ExitOK,
			[]string{"Imported 0 document(s) and 0 annotation(s) from 1 file(s); 1 coder(s) and 2 code(s) added."}},
		{"every source refused", "refused.qdpx", refused, ExitError,
			[]string{"Imported 0 document(s) and 0 annotation(s) from 1 file(s); 1 coder(s) and 2 code(s) added; 1 file(s) failed.",
				"refused.qdpx: none of its sources could be imported (2 refused, why below)",
				`refused.qdpx: source "Gone": cannot read internal://gone.txt`,
				`refused.qdpx: source "Out": cannot read internal://../../../etc/hostname`,
				"1 of 1 file(s) failed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := putFile(t, filepath.Join(dir, c.file), c.data)
			proj := filepath.Join(dir, "new.saywho")
			code, out, errs := run(t, "import", proj, in)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, c.code, out, errs)
			}
			mentions(t, c.name, out+errs, c.out...)
			if st := projectCounts(t, proj); st.Codes != 2 || st.Annotators != 1 || st.Documents != 0 {
				t.Errorf("project holds %+v", st)
			}
		})
	}
}

// saywho export --format qdc writes a codebook that saywho import reads
// into a new project.
func TestCodebookExportImport(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.saywho")
	in := putFile(t, filepath.Join(dir, "codes.qde"), []byte(codebookQDE("")))
	if code, _, errs := run(t, "import", src, in); code != ExitOK {
		t.Fatalf("import: %s", errs)
	}
	qdc := filepath.Join(dir, "codes.qdc")
	if code, _, errs := run(t, "export", src, "--format", "qdc", "-o", qdc); code != ExitOK {
		t.Fatalf("export --format qdc: %s", errs)
	}
	data, err := os.ReadFile(qdc)
	if err != nil || !strings.Contains(string(data), `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"`) {
		t.Fatalf("codebook %v:\n%s", err, data)
	}
	dst := filepath.Join(dir, "dst.saywho")
	code, out, errs := run(t, "import", dst, qdc)
	if code != ExitOK || !strings.Contains(out, "2 code(s) added") {
		t.Fatalf("import .qdc: %d %s%s", code, out, errs)
	}
	if st := projectCounts(t, dst); st.Codes != 2 || st.Annotators != 0 {
		t.Errorf("project holds %+v", st)
	}
}
