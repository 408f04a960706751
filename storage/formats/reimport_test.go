package formats

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// A small brat article: an attribution event, a discontinuous content with
// its fragments out of text order, the same cue marked twice, an
// attribute, a code and a note.
const (
	bratStory = "Harbour news\n\n“The wall holds,” the mayor said. “It will,” she added.\n"
	bratAnn   = "T1\tSource 32 41\tthe mayor\n" +
		"T2\tCue 42 46\tsaid\n" +
		"T3\tContent 48 58;14 31\t“It will,” “The wall holds,”\n" +
		"T4\tAttribution 42 46\tsaid\n" +
		"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" +
		"T5\tCue 42 46\tsaid\n" +
		"T6\tCode 63 68\tadded\n" +
		"A1\tquote_type T3 direct\n" +
		"A2\tCode T6 Doubt\n" +
		"#1\tAnnotatorNotes T1\tcheck the name\n"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBratReimportAddsNothing: importing a brat folder again (or resuming
// an interrupted import) adds nothing and says what was already there;
// an annotation added to the file since is the only one added.
func TestBratReimportAddsNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"story.txt": bratStory, "story.ann": bratAnn})
	p := projectFrom(t, &storage.Bundle{})
	first, err := Import(context.Background(), p, []string{dir}, ImportOptions{Coder: "Kim"}, nil)
	if err != nil || first.Failed() > 0 {
		t.Fatalf("%v\n%s", err, first)
	}
	want, _ := p.Stats(context.Background())
	if want.Annotations != 6 || want.Relations != 2 {
		t.Fatalf("first import: %+v\n%s", want, first)
	}
	for i := range 2 {
		sum, err := Import(context.Background(), p, []string{dir}, ImportOptions{Coder: "Kim"}, nil)
		if err != nil || sum.Failed() > 0 {
			t.Fatalf("%v\n%s", err, sum)
		}
		got, _ := p.Stats(context.Background())
		if got.Annotations != want.Annotations || got.Relations != want.Relations || got.Codes != want.Codes || got.Annotators != want.Annotators {
			t.Fatalf("import %d: %+v, want %+v\n%s", i+2, got, want, sum)
		}
		head, rest, _ := strings.Cut(sum.String(), "\n")
		if !strings.Contains(head, "Imported 0 document(s) and 0 annotation(s)") || !strings.Contains(head, "already in the project: 1 document(s) and 6 annotation(s)") {
			t.Errorf("import %d says:\n%s", i+2, sum)
		}
		if rest != "" {
			t.Errorf("import %d of the same files says more than its head line:\n%s", i+2, sum)
		}
	}
	writeFiles(t, dir, map[string]string{"story.ann": bratAnn + "T7\tSource 63 68\tadded\n"})
	sum, err := Import(context.Background(), p, []string{dir}, ImportOptions{Coder: "Kim"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Stats(context.Background()); got.Annotations != want.Annotations+1 || !strings.Contains(sum.String(), "1 annotation(s)") {
		t.Fatalf("after adding one span: %d annotations, want %d\n%s", got.Annotations, want.Annotations+1, sum)
	}
}

// TestJSONImportReportsConflicts: a JSON export whose items clash with
// the project or with each other is imported without overwriting anything,
// and the summary names every clash by id with what was kept.
func TestJSONImportReportsConflicts(t *testing.T) {
	src := projectFrom(t, &storage.Bundle{})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"story.txt": bratStory, "story.ann": bratAnn})
	if _, err := Import(context.Background(), src, []string{dir}, ImportOptions{Coder: "Kim"}, nil); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "kim.json")
	if _, err := Export(context.Background(), src, "json", export, nil, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	dst := projectFrom(t, &storage.Bundle{})
	if sum, err := Import(context.Background(), dst, []string{export}, ImportOptions{}, nil); err != nil || sum.Failed() > 0 {
		t.Fatalf("%v\n%s", err, sum)
	}
	quotes, _ := dst.Annotations(context.Background(), storage.Filter{Kind: storage.KindQuote})
	memoDoc := storage.NewID()
	data, _ := os.ReadFile(export)
	edited := strings.Replace(string(data), `"quote_type": "direct"`, `"quote_type": "indirect"`, 1)
	edited = strings.Replace(edited, `"memos": []`, `"memos": [{"id": "`+storage.NewID()+`", "document_id": "`+memoDoc+
		`", "annotator_id": "`+quotes[0].AnnotatorID+`", "text": "on nothing", "created": "2025-01-01T00:00:00Z", "modified": "2025-01-01T00:00:00Z"}]`, 1)
	if edited == string(data) || !strings.Contains(edited, memoDoc) {
		t.Fatal("the test could not edit the export")
	}
	if err := os.WriteFile(export, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := dst.Stats(context.Background())
	sum, err := Import(context.Background(), dst, []string{export}, ImportOptions{}, nil)
	if err != nil || sum.Failed() > 0 {
		t.Fatalf("%v\n%s", err, sum)
	}
	out := sum.String()
	for _, want := range []string{
		"annotation " + quotes[0].ID, "differs from the project's in attributes (quote_type); kept the project's version",
		"its document " + memoDoc + " is neither in the file nor in the project; not imported",
		"2 conflict(s)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if after, _ := dst.Stats(context.Background()); after.Annotations != before.Annotations || after.Memos != before.Memos {
		t.Errorf("the project changed: %+v, was %+v", after, before)
	}
	if a, _ := dst.Annotation(context.Background(), quotes[0].ID); a.Attrs[storage.AttrQuoteType] != "direct" {
		t.Errorf("the project's quote was overwritten: %v", a.Attrs)
	}
}

// TestBratIdenticalTextsStayApart: two brat files with the same text under
// different names become one document; each file's annotations keep a
// coder of their own (named after the .ann file), the summary says so,
// and importing the folder again adds nothing.
func TestBratIdenticalTextsStayApart(t *testing.T) {
	dir := t.TempDir()
	other := strings.Replace(bratAnn, "T5\tCue 42 46\tsaid\n", "", 1)
	writeFiles(t, dir, map[string]string{"story.txt": bratStory, "story.ann": bratAnn, "copy.txt": bratStory, "copy.ann": other})
	p := projectFrom(t, &storage.Bundle{})
	for i := range 2 {
		sum, err := Import(context.Background(), p, []string{dir}, ImportOptions{Coder: "Kim"}, nil)
		if err != nil || sum.Failed() > 0 {
			t.Fatalf("%v\n%s", err, sum)
		}
		st, _ := p.Stats(context.Background())
		// copy.txt is read first: its annotations are Kim's; story.ann's go to coder "story".
		if st.Documents != 1 || st.ByAnnotator["Kim"] != 5 || st.ByAnnotator["story"] != 6 || st.Annotations != 11 {
			t.Fatalf("import %d: %+v\n%s", i+1, st, sum)
		}
		if !strings.Contains(sum.String(), `story.txt has the same text as copy.txt: story.ann is kept apart as coder "story"`) {
			t.Errorf("import %d does not say how the files were kept apart:\n%s", i+1, sum)
		}
	}
}
