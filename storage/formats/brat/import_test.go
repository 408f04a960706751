package brat

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/atomicfile"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// An invented two-coder brat sample. The text has CRLF line ends and an
// emoji, so offsets after the first line move by one on import (the CR).
const sampleText = "Port news 🚢\r\nThe mayor said the pier “will reopen”, and the union agreed.\r\n"

var sampleFiles = map[string][]byte{
	"txt/pier.txt": []byte(sampleText),
	// Coder k1: an attribution event with two contents and a binary attribute.
	"ann/pier_k1.ann": []byte("T1\tSource 13 22\tThe mayor\n" +
		"T2\tCue 23 27\tsaid\n" +
		"T3\tContent 28 50\tthe pier “will reopen”\n" +
		"T4\tContent 52 73\tand the union agreed.\n" +
		"T5\tAttribution 23 27\tsaid\n" +
		"E1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4\n" +
		"A1\tUncertain T4\n" +
		"N1\tReference T1 GeoNames:123\tMayor of Port\n" +
		"#1\tAnnotatorNotes T3\tcheck the date\n" +
		"R1\tContradicts Arg1:T3 Arg2:T4\n" +
		"garbage line\n"),
	// Coder k2: a plain span with an unknown label.
	"ann/pier_k2.ann": []byte("T1\tOpinion 13 22\tThe mayor\n"),
	"ann/ghost.ann":   []byte("T1\tSource 0 1\tx\n"),
	"notes.docx":      []byte("not brat"),
}

func TestImportSample(t *testing.T) {
	b, report, err := Import(sampleFiles, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fixture.Check(b); err != nil {
		t.Fatal(err)
	}
	d := b.Documents[0]
	if d.Text != strings.ReplaceAll(sampleText, "\r\n", "\n") || d.Title != "Port news 🚢" || d.FileName != "pier.txt" {
		t.Fatalf("document %+v", d)
	}
	coders := map[string]string{}
	for _, a := range b.Annotators {
		coders[a.ID] = a.Name
	}
	byText := map[string]storage.Annotation{}
	for _, a := range b.Annotations {
		byText[coders[a.AnnotatorID]+":"+a.Text+":"+string(a.Kind)] = a
	}
	quote, ok := byText["k1:the pier “will reopen”:quote"]
	if !ok || quote.Start != 27 || quote.Note != "check the date" {
		t.Errorf("quote %+v (offsets must lose the CR)", quote)
	}
	if a := byText["k1:and the union agreed.:quote"]; a.Attrs["Uncertain"] != "true" {
		t.Errorf("binary attribute %+v", a.Attrs)
	}
	if a := byText["k2:The mayor:code"]; a.Attrs[storage.AttrLabel] != "Opinion" {
		t.Errorf("unknown label not kept: %+v", a)
	}
	trig := byText["k1:said:code"]
	if trig.Attrs[storage.AttrLabel] != "Attribution" || !strings.HasPrefix(trig.Attrs[AttrEvent], "Attribution Source:") {
		t.Errorf("trigger %+v", trig.Attrs)
	}
	rels := map[storage.RelationType]int{}
	for _, r := range b.Relations {
		rels[r.Type]++
	}
	if rels[storage.RelSaidBy] != 2 || rels[storage.RelCueOf] != 2 || len(b.Relations) != 4 {
		t.Errorf("relations %v, want said_by and cue_of for both contents", rels)
	}
	if len(b.Speakers) != 1 || b.Speakers[0].Name != "Mayor of Port" || !strings.Contains(b.Speakers[0].Note, "GeoNames:123") {
		t.Errorf("speakers %+v", b.Speakers)
	}
	all := strings.Join(report, "\n")
	for _, want := range []string{"pier.txt: text normalised", "garbage line", `relation type "Contradicts"`, "ghost.ann: no ghost.txt", "notes.docx: not a brat file"} {
		if !strings.Contains(all, want) {
			t.Errorf("report lacks %q:\n%s", want, all)
		}
	}
}

func TestImportWithMappingFile(t *testing.T) {
	m, err := ParseMapping(strings.NewReader("Opinion = claim\nSource = speaker_mention\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Import(map[string][]byte{"pier.txt": []byte(sampleText), "pier.ann": sampleFiles["ann/pier_k2.ann"]},
		ImportOptions{Mapping: &m, Coder: "Kim"})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Annotations) != 1 || b.Annotations[0].Kind != storage.KindClaim || b.Annotators[0].Name != "Kim" {
		t.Errorf("annotations %+v annotators %+v", b.Annotations, b.Annotators)
	}
}

func TestImportRejects(t *testing.T) {
	if _, _, err := Import(map[string][]byte{"a.ann": []byte("T1\tX 0 1\ty\n")}, ImportOptions{}); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("err = %v", err)
	}
	b, report, err := Import(map[string][]byte{"bad.txt": {0xff, 0xfe, 'x'}, "bad.ann": []byte("T1\tX 0 1\ty\n"),
		"ok.txt": []byte("fine"), "ok.ann": []byte("T1\tX 0 99\ty\n")}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Documents) != 1 || len(b.Annotations) != 0 || !strings.Contains(strings.Join(report, "\n"), "not UTF-8") ||
		!strings.Contains(strings.Join(report, "\n"), "outside ok.txt") {
		t.Errorf("documents %d annotations %d report %v", len(b.Documents), len(b.Annotations), report)
	}
}

func TestExportFolder(t *testing.T) {
	b, _ := fixture.Harbour()
	dir := filepath.Join(t.TempDir(), "brat")
	if _, err := Export(b, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sea-wall.txt", "sea-wall_Ana.ann", "annotation.conf", atomicfile.ManifestName} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s missing: %v", name, err)
		}
	}
	conf, _ := os.ReadFile(filepath.Join(dir, "annotation.conf"))
	for _, want := range []string{"[entities]\nClaim\nCode\nContent\nCue\nSource\n", "said_by\tArg1:<ANY>", "quote_type\tArg:<ANY>, Value:direct|indirect|mixed"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("annotation.conf lacks %q:\n%s", want, conf)
		}
	}
	// A second export replaces the first.
	if _, err := Export(b, dir, Options{NoConf: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "annotation.conf")); err == nil {
		t.Error("the earlier export was not replaced")
	}
}

// TestFragmentOrderRoundTrips: a discontinuous span whose fragments are
// written out of text order keeps that order on import and export.
func TestFragmentOrderRoundTrips(t *testing.T) {
	text := "“We agree,” she said. “Mostly.”\n"
	for _, tc := range []struct{ name, spans, words string }{
		{"reading order", "22 31;0 11", "“Mostly.” “We agree,”"},
		{"text order", "0 11;22 31", "“We agree,” “Mostly.”"},
		{"three, shuffled", "16 20;22 31;0 11", "said “Mostly.” “We agree,”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ann := "T1\tContent " + tc.spans + "\t" + tc.words + "\n"
			b, report, err := Import(map[string][]byte{"x.txt": []byte(text), "x.ann": []byte(ann)}, ImportOptions{})
			if err != nil || len(b.Annotations) != 1 || len(report) != 0 {
				t.Fatalf("import: %v, %d annotations, report %q", err, len(b.Annotations), report)
			}
			if err := fixture.Check(b); err != nil {
				t.Fatal(err)
			}
			if a := b.Annotations[0]; a.Start != 0 || a.End != 31 {
				t.Errorf("span [%d,%d), want the full extent [0,31)", a.Start, a.End)
			}
			out, _, err := Render(b, Options{NoConf: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := string(filesOf(out)["x.ann"]); got != ann {
				t.Errorf("exported %q, want %q", got, ann)
			}
		})
	}
}

// TestIdenticalTextsKeepTheirFilesApart: two files with the same text are
// one document; each file's annotations stay apart under a coder named
// after its .ann file, and the report says so. A text the project already
// holds under another file name is treated the same way.
func TestIdenticalTextsKeepTheirFilesApart(t *testing.T) {
	text := "The mayor said no.\n"
	files := map[string][]byte{
		"a.txt": []byte(text), "a.ann": []byte("T1\tSource 0 9\tThe mayor\n"),
		"b.txt": []byte(text), "b.ann": []byte("T1\tCue 10 14\tsaid\n"), "b_kim.ann": []byte("T1\tCue 10 14\tsaid\n"),
	}
	for _, tc := range []struct {
		name   string
		known  func(string) (string, bool)
		coders map[string]string // annotation text → coder name
	}{
		{"in one import", nil, map[string]string{"The mayor": "brat", "said": "b|b_kim"}},
		{"already in the project", func(string) (string, bool) { return "other.txt", true }, map[string]string{"The mayor": "a", "said": "b|b_kim"}},
		{"same file name in the project", func(string) (string, bool) { return "a.txt", true }, map[string]string{"The mayor": "brat", "said": "b|b_kim"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, report, err := Import(files, ImportOptions{KnownText: tc.known})
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]string{}
			for _, a := range b.Annotators {
				names[a.ID] = a.Name
			}
			got := map[string][]string{}
			for _, a := range b.Annotations {
				got[a.Text] = append(got[a.Text], names[a.AnnotatorID])
			}
			for txt, want := range tc.coders {
				g := got[txt]
				sort.Strings(g)
				if strings.Join(g, "|") != want {
					t.Errorf("%q by %v, want %s", txt, g, want)
				}
			}
			if all := strings.Join(report, "\n"); !strings.Contains(all, `b.txt has the same text as a.txt: b_kim.ann is kept apart as coder "b_kim"`) {
				t.Errorf("report does not say so:\n%s", all)
			}
		})
	}
}
