package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// quotesProject makes a project of two outlets' articles with three
// speakers quoted: Okonjo twice (Gazette), Adler and the Harbour Board
// once each (Tribune), plus one quote without a speaker (Tribune).
func quotesProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "quotes.saywho")
	p, err := sqlite.Create(path, "Quotes")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	who, err := p.EnsureAnnotator(ctx, "gold")
	must(err)
	speakers := map[string]storage.Speaker{}
	for _, n := range []string{"Okonjo", "Adler", "Harbour Board"} {
		speakers[n], err = p.AddSpeaker(ctx, storage.Speaker{Name: n})
		must(err)
	}
	for _, d := range []struct {
		outlet, date, text string
		quotes             map[string]string // quote → speaker ("" none)
	}{
		{"Gazette", "2024-01-15", "Okonjo said “the wall will hold” and “we are ready”.", map[string]string{"the wall will hold": "Okonjo", "we are ready": "Okonjo"}},
		{"Tribune", "2024-02-20", "Adler said “we will pay”. The Harbour Board said “repairs start soon”. Someone said “never”.",
			map[string]string{"we will pay": "Adler", "repairs start soon": "Harbour Board", "never": ""}},
	} {
		doc, err := p.AddDocument(ctx, storage.Document{Title: d.outlet, Outlet: d.outlet, Published: d.date, Text: d.text})
		must(err)
		for q, sp := range d.quotes {
			r := storage.FindAll(d.text, q)[0]
			a, err := p.AddAnnotation(ctx, storage.Annotation{DocumentID: doc.ID, Kind: storage.KindQuote, Start: r.Start, End: r.End, AnnotatorID: who.ID})
			must(err)
			if sp != "" {
				_, err = p.Link(ctx, storage.Relation{Type: storage.RelSaidBy, SourceID: a.ID, TargetSpeakerID: speakers[sp].ID})
				must(err)
			}
		}
	}
	return path
}

// Attributes set with saywho speakers are what saywho report groups by,
// in every output format; report leaves the project untouched.
func TestSpeakersThenReport(t *testing.T) {
	path := quotesProject(t)
	for _, args := range [][]string{
		{"speakers", path, "--speaker", "okonjo", "--speaker", "Adler", "--gender", "Woman", "--role", "politician"},
		{"speakers", path, "--speaker", "Adler", "--gender", "man", "--country", "IL"},
		{"speakers", path, "--speaker", "Harbour Board", "--type", "organisation"},
	} {
		if code, _, stderr := runCLI(t, args...); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	code, stdout, _ := runCLI(t, "speakers", path)
	if code != ExitOK || !strings.Contains(stdout, "Okonjo") || !regexpLine(stdout, "Adler", "man", "politician", "IL") {
		t.Fatalf("speakers list (exit %d):\n%s", code, stdout)
	}
	code, stdout, _ = runCLI(t, "speakers", path, "--json")
	var listed struct {
		Speakers     []storage.SpeakerStats `json:"speakers"`
		Vocabularies []storage.Vocabulary   `json:"vocabularies"`
	}
	if code != ExitOK || json.Unmarshal([]byte(stdout), &listed) != nil || len(listed.Speakers) != 3 || len(listed.Vocabularies) != 3 {
		t.Fatalf("speakers --json (exit %d):\n%s", code, stdout)
	}

	before := dirState(t, filepath.Dir(path))
	code, stdout, stderr := runCLI(t, "report", path, "--by", "gender")
	if code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	for _, line := range [][]string{{"woman", "2", "40.0%"}, {"man", "1", "20.0%"}, {"(not set)", "1"}, {"(no speaker)", "1"}, {"total", "5", "100.0%"}} {
		if !regexpLine(stdout, line...) {
			t.Errorf("report table lacks a line with %v:\n%s", line, stdout)
		}
	}
	code, stdout, _ = runCLI(t, "report", path, "--by", "outlet", "--by", "gender", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != ExitOK || err != nil || len(recs) != 1+2*4 || strings.Join(recs[1], ",") != "Tribune,woman,0,0.000000,0" || !strings.Contains(stdout, "\nGazette,woman,2,1.000000,7\n") {
		t.Fatalf("csv (exit %d, %v):\n%s", code, err, stdout)
	}
	code, stdout, _ = runCLI(t, "report", path, "--by", "speaker", "--format", "json", "--layer", "gold", "--to", "2024-01-31")
	var tab struct {
		Rows  []struct{ Label string } `json:"rows"`
		Total struct{ Count int }      `json:"total"`
	}
	if code != ExitOK || json.Unmarshal([]byte(stdout), &tab) != nil || tab.Total.Count != 2 || tab.Rows[0].Label != "Okonjo" {
		t.Fatalf("json (exit %d):\n%s", code, stdout)
	}
	svg := filepath.Join(t.TempDir(), "voice.svg")
	if code, _, stderr := runCLI(t, "report", path, "--by", "outlet", "--by", "gender", "--format", "svg", "-o", svg); code != ExitOK {
		t.Fatalf("svg: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
	}
	if !bytes.Contains(data, []byte(">Gazette<")) || !bytes.Contains(data, []byte(">woman<")) {
		t.Error("the SVG lacks the outlet or the legend")
	}
	pngPath := filepath.Join(t.TempDir(), "months.png")
	if code, _, stderr := runCLI(t, "report", path, "--by", "month", "--format", "png", "-o", pngPath, "--dark"); code != ExitOK {
		t.Fatalf("png: exit %d: %s", code, stderr)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	sameState(t, "report", before, dirState(t, filepath.Dir(path)))
}

// Bad report and speaker commands say what is wrong and change nothing.
func TestReportBadInput(t *testing.T) {
	path := quotesProject(t)
	before := dirState(t, filepath.Dir(path))
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", path, "--by", "mood"}, ExitUsage, `no report dimension "mood"`},
		{[]string{"report", path, "--by", "gender", "--format", "pdf"}, ExitUsage, `no report format "pdf"`},
		{[]string{"report", path, "--by", "gender", "--format", "png"}, ExitUsage, "needs an output file"},
		{[]string{"report", path, "--by", "gender", "--by", "gender"}, ExitUsage, "gender twice"},
		{[]string{"report", path, "--count", "votes"}, ExitUsage, `cannot count "votes"`},
		{[]string{"report", path, "--by", "gender", "--set", "Sample"}, ExitError, `no document set "Sample"`},
		{[]string{"report", path, "--by", "gender", "--layer", "zoe"}, ExitError, `no coder "zoe"`},
		{[]string{"report", path, "--by", "gender", "--from", "someday"}, ExitError, `"someday" is not a date`},
		{[]string{"report", path, "--by", "gender", "--format", "svg", "--chart", "heat-map", "-o", filepath.Join(t.TempDir(), "x.svg")}, ExitError, "codes by codes"},
		{[]string{"speakers", path, "--gender", "woman"}, ExitUsage, "name the speakers"},
		{[]string{"speakers", path, "--speaker", "Okonjo"}, ExitUsage, "say what to set"},
		{[]string{"speakers", path, "--speaker", "Nobody", "--gender", "man"}, ExitError, `no speaker named "Nobody"`},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", c.args[2:], code, stderr, c.code, c.want)
		}
	}
	sameState(t, "bad commands", before, dirState(t, filepath.Dir(path)))
}

// regexpLine reports whether some line of out holds all the fields, in
// order, separated by spaces.
func regexpLine(out string, fields ...string) bool {
	for _, l := range strings.Split(out, "\n") {
		if strings.Join(strings.Fields(l), " ") == strings.Join(fields, " ") || strings.HasPrefix(strings.Join(strings.Fields(l), " "), strings.Join(fields, " ")+" ") {
			return true
		}
	}
	return false
}
