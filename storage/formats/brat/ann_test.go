package brat

import (
	"strings"
	"testing"
)

func TestParseAndFormat(t *testing.T) {
	in := "T1\tSource 0 5\tMayor\n" +
		"T2\tContent 10 15;20 25\tquote part\n" +
		"T3\tAttribution 6 9\tsaid\n" +
		"E1\tAttribution:T3 Content:T2 Source:T1 \n" +
		"R1\tsaid_by Arg1:T2 Arg2:T1\n" +
		"A1\tNegated T2\n" +
		"A2\tquote_type T2 direct\n" +
		"N1\tReference T1 Wikidata:Q42\tDouglas Adams\n" +
		"#1\tAnnotatorNotes T2\tcheck this 😀\n" +
		"*\tAlias T1 T3\n" +
		"T4\tBroken 5\tx\n" +
		"no tab here\n" +
		"X1\tMystery T1\n"
	f := Parse([]byte(strings.ReplaceAll(in, "\n", "\r\n")))
	if len(f.Entities) != 3 || len(f.Events) != 1 || len(f.Relations) != 1 || len(f.Attributes) != 2 ||
		len(f.Norms) != 1 || len(f.Notes) != 1 || len(f.Equivs) != 1 || len(f.Bad) != 3 {
		t.Fatalf("parsed %+v", f)
	}
	if s := f.Entities[1].Spans; len(s) != 2 || s[1].Start != 20 || f.Entities[1].Text != "quote part" {
		t.Errorf("discontinuous span %+v", f.Entities[1])
	}
	if e := f.Events[0]; e.Type != "Attribution" || e.Trigger != "T3" || len(e.Args) != 2 {
		t.Errorf("event %+v", e)
	}
	if n := f.Norms[0]; n.DB != "Wikidata" || n.Key != "Q42" || n.Text != "Douglas Adams" {
		t.Errorf("norm %+v", n)
	}
	if a := f.Attributes[0]; a.Value != "" || a.Target != "T2" {
		t.Errorf("binary attribute %+v", a)
	}
	again := Parse(f.Format())
	f.Bad = nil
	if string(again.Format()) != string(f.Format()) || len(again.Bad) != 0 {
		t.Errorf("format/parse not stable:\n%s\n---\n%s", f.Format(), again.Format())
	}
}

func TestParseMapping(t *testing.T) {
	good := "# PARC-like\nSpeaker = speaker_mention\nQuotation = quote  # comment\nSays = said_by\nsaid_by = Quotation -> Speaker\n"
	m, err := ParseMapping(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := m.kind("Quotation"); !ok || k != "quote" {
		t.Errorf("kind %v %v", k, ok)
	}
	if r, ok := m.relation("Says"); !ok || r != "said_by" || m.relLabel("said_by") != "Says" {
		t.Errorf("relation %v %v", r, ok)
	}
	if len(m.Roles) != 1 || m.Roles[0].From != "Quotation" || m.label("speaker_mention") != "Speaker" {
		t.Errorf("roles %+v", m.Roles)
	}
	for _, bad := range []string{"Source speaker_mention", "Source = person", "blames = A -> B", "a = b = c"} {
		if _, err := ParseMapping(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	if baseRole("Content2") != "Content" || baseRole("Arg1") != "Arg" {
		t.Error("baseRole")
	}
}

// TestParseStripsBOM: a byte-order mark before the first line (Windows
// editors write one) is not part of the first annotation's id.
func TestParseStripsBOM(t *testing.T) {
	for _, tc := range []struct {
		name, in string
	}{
		{"LF", "\uFEFFT1\tSource 0 5\tMayor\nT2\tCue 6 10\tsaid\n"},
		{"CRLF", "\uFEFFT1\tSource 0 5\tMayor\r\nT2\tCue 6 10\tsaid\r\n"},
		{"blank first line", "\uFEFF\nT1\tSource 0 5\tMayor\nT2\tCue 6 10\tsaid\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Parse([]byte(tc.in))
			if len(f.Bad) != 0 || len(f.Entities) != 2 || f.Entities[0].ID != "T1" || f.Entities[0].Label != "Source" {
				t.Fatalf("entities %+v, unreadable %q", f.Entities, f.Bad)
			}
		})
	}
}
