package formats

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/sqlite"
)

func projectFrom(t *testing.T, b *storage.Bundle) *sqlite.Project {
	t.Helper()
	p, err := sqlite.Create(filepath.Join(t.TempDir(), "p.saywho"), "fixture")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if _, err := p.Merge(context.Background(), b, nil); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExportEveryFormatAndReimport writes every export format to disk and
// imports those that carry annotations back into a fresh project.
func TestExportEveryFormatAndReimport(t *testing.T) {
	b, _ := fixture.Harbour()
	src := projectFrom(t, b)
	want, _ := src.Stats(context.Background())
	dir := t.TempDir()
	reimport := map[string]bool{"json": true, "qdpx": true, "brat": true}
	for _, f := range ExportFormats() {
		_, ext, folder := DescribeFormat(f)
		out := filepath.Join(dir, "out-"+f+ext)
		if _, err := Export(context.Background(), src, f, out, nil, ExportOptions{}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		st, err := os.Stat(out)
		if err != nil || st.IsDir() != folder {
			t.Fatalf("%s: output %v (folder=%v)", f, err, folder)
		}
		if !reimport[f] {
			continue
		}
		dst, err := sqlite.Create(filepath.Join(t.TempDir(), f+".saywho"), f)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := Import(context.Background(), dst, []string{out}, ImportOptions{}, nil)
		if err != nil || sum.Failed() > 0 {
			t.Fatalf("%s re-import: %v\n%s", f, err, sum)
		}
		got, _ := dst.Stats(context.Background())
		dst.Close()
		if got.Documents != want.Documents || got.Annotations != want.Annotations {
			t.Errorf("%s: re-imported %d documents / %d annotations, want %d / %d\n%s", f, got.Documents, got.Annotations, want.Documents, want.Annotations, sum)
		}
	}
}

func TestFolderImportGroupsAndReports(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("text/story.txt", "Story\n\nThe mayor said it was fine.\n")
	write("coders/story_A1.ann", "T1\tSource 7 16\tThe mayor\nT2\tCue 17 21\tsaid\nT3\tContent 22 34\tit was fine.\n")
	write("notes.md", "# Notes\n\nA *markdown* article about the **port**.\n")
	write("ignored.xyz", "not imported")
	write(".hidden/secret.txt", "never read")
	write("broken.txt", "")
	p := projectFrom(t, &storage.Bundle{})
	sum, err := Import(context.Background(), p, []string{dir}, ImportOptions{Coder: "me"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Files) != 3 || sum.Failed() != 1 {
		t.Fatalf("summary:\n%s", sum)
	}
	if !strings.Contains(sum.String(), "broken.txt") {
		t.Fatalf("the refused file is not named:\n%s", sum)
	}
	st, _ := p.Stats(context.Background())
	if st.Documents != 2 || st.Annotations != 3 || st.ByAnnotator["A1"] != 3 {
		t.Fatalf("stats %+v", st)
	}
}

func TestFailedExportLeavesNothing(t *testing.T) {
	b, _ := fixture.Harbour()
	p := projectFrom(t, b)
	dir := t.TempDir()
	out := filepath.Join(dir, "missing-folder", "x.json")
	if _, err := Export(context.Background(), p, "json", out, nil, ExportOptions{}); err == nil {
		t.Fatal("export into a missing folder succeeded")
	}
	if _, err := Export(context.Background(), p, "nope", filepath.Join(dir, "x"), nil, ExportOptions{}); err == nil || !strings.Contains(err.Error(), "unknown export format") {
		t.Fatalf("unknown format: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Export(ctx, p, "json", filepath.Join(dir, "cancelled.json"), nil, ExportOptions{}); err == nil {
		t.Fatal("cancelled export succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
}

// Speaker attributes, document sections and the project's variables with
// their values survive the JSON export and its import byte for byte.
func TestJSONRoundTripKeepsAttributesAndVariables(t *testing.T) {
	ctx := context.Background()
	b, _ := fixture.Harbour()
	src := projectFrom(t, b)
	speakers, err := src.Speakers(ctx)
	if err != nil || len(speakers) == 0 {
		t.Fatalf("speakers %v, %v", speakers, err)
	}
	sp := speakers[0].Speaker
	sp.Gender, sp.Type, sp.Country = "woman", "person", "Norway"
	if _, err := src.UpdateSpeaker(ctx, sp); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddVariable(ctx, storage.Variable{Name: "Region", Type: storage.VarText}); err != nil {
		t.Fatal(err)
	}
	docs, err := src.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0].Document
	d.Section = "Politics"
	if err := src.UpdateDocumentMeta(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := src.SetDocumentVariables(ctx, d.ID, map[string]string{"Region": "North"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	if _, err := Export(ctx, src, "json", first, nil, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	dst, err := sqlite.Create(filepath.Join(dir, "copy.saywho"), "copy")
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if sum, err := Import(ctx, dst, []string{first}, ImportOptions{}, nil); err != nil || sum.Failed() > 0 {
		t.Fatalf("import: %v\n%s", err, sum)
	}
	second := filepath.Join(dir, "second.json")
	if _, err := Export(ctx, dst, "json", second, nil, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(first)
	c, _ := os.ReadFile(second)
	strip := func(s string) string { // the export time and the project's own id and name differ
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.Contains(l, `"exported"`) {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	for _, want := range []string{`"gender": "woman"`, `"section": "Politics"`, `"Region": "North"`, `"name": "Region"`} {
		if !strings.Contains(string(a), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	if x, y := strip(string(a)), strip(string(c)); !strings.Contains(y, `"gender": "woman"`) || !strings.Contains(y, `"Region": "North"`) {
		t.Errorf("the re-export lost the attributes or variables:\n%.2000s", y)
	} else if x[strings.Index(x, `"annotators"`):] != y[strings.Index(y, `"annotators"`):] {
		t.Errorf("export → import → export differs")
	}
}
