package w3c

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/textutil"
)

type jsonAnno struct {
	Context    any    `json:"@context"`
	ID         string `json:"id"`
	Motivation string `json:"motivation"`
	Created    string `json:"created"`
	Creator    struct {
		ID, Type, Name string
	} `json:"creator"`
	Generator *struct{ Name string } `json:"generator"`
	Body      []struct {
		ID, Type, Purpose, Value string
		Source                   *struct{ ID, Label string }
	} `json:"body"`
	Target json.RawMessage `json:"target"`
}

type jsonTarget struct {
	Source   string `json:"source"`
	Selector []struct {
		Type, Exact, Prefix, Suffix string
		Start, End                  int
		OffsetUnit                  string `json:"offset_unit"`
	} `json:"selector"`
}

func exportCollection(t *testing.T, opts Options) (map[string]any, map[string]jsonAnno) {
	t.Helper()
	b, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(b, &buf, opts); err != nil {
		t.Fatal(err)
	}
	var c struct {
		First struct {
			Items []jsonAnno `json:"items"`
		} `json:"first"`
	}
	var raw map[string]any
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(buf.Bytes(), &c)
	byID := map[string]jsonAnno{}
	for _, a := range c.First.Items {
		byID[strings.TrimPrefix(a.ID, "urn:uuid:")] = a
	}
	return raw, byID
}

func targets(t *testing.T, a jsonAnno) []jsonTarget {
	t.Helper()
	var many []jsonTarget
	if err := json.Unmarshal(a.Target, &many); err == nil {
		return many
	}
	var one jsonTarget
	if err := json.Unmarshal(a.Target, &one); err != nil {
		t.Fatal(err)
	}
	return []jsonTarget{one}
}

func TestExportCollection(t *testing.T) {
	b, x := fixture.Harbour()
	raw, byID := exportCollection(t, Options{})
	if raw["type"] != "AnnotationCollection" || raw["offset_unit"] != "codepoint" || int(raw["total"].(float64)) != len(byID) {
		t.Fatalf("collection header: %v %v %v", raw["type"], raw["offset_unit"], raw["total"])
	}
	q := byID[x.OkaforQuote]
	if q.Context != AnnoContext || q.Motivation != "classifying" || q.Creator.Name != "Ana" || q.Creator.Type != "Person" || !strings.HasPrefix(q.Created, "2025-03-01T") {
		t.Errorf("quote header: %+v", q)
	}
	purposes := map[string][]string{}
	for _, bd := range q.Body {
		purposes[bd.Purpose] = append(purposes[bd.Purpose], bd.Value)
	}
	want := map[string]string{"tagging": "quote", "classifying": "Infrastructure", "describing": "quote_type: mixed",
		"commenting": "Check the year count 📝\nSecond line of the note."}
	for p, v := range want {
		if len(purposes[p]) != 1 || purposes[p][0] != v {
			t.Errorf("purpose %s: %q, want %q", p, purposes[p], v)
		}
	}
	tg := targets(t, q)
	if len(tg) != 1 || tg[0].Source != "urn:uuid:"+x.Harbour || tg[0].Selector[0].Exact != "the wall “will protect every home on the front 🏠 for fifty years.”" {
		t.Errorf("target %+v", tg)
	}
	if p := tg[0].Selector[0].Prefix; len([]rune(p)) != textutil.ContextLen || !strings.HasSuffix(p, "Okafor said on Tuesday that ") {
		t.Errorf("prefix %q", tg[0].Selector[0].Prefix)
	}

	m := byID[x.HaddadMention]
	if m.Motivation != "identifying" || len(m.Body) != 3 || m.Body[1].Source.ID != "urn:uuid:"+x.Haddad || m.Body[2].Source.ID != "http://www.wikidata.org/entity/Q4115189" {
		t.Errorf("speaker mention bodies: %+v", m.Body)
	}
	if z := targets(t, byID[x.ZoeQuote]); len(z) != 2 || z[0].Selector[0].Exact != "“We g̃ot this,”" || z[1].Selector[0].Exact != "“and the harbour will hold.”" {
		t.Errorf("discontinuous quote targets: %+v", z)
	}
	if g := byID[x.BenBorrowQuote].Generator; g == nil || g.Name != "sfu-quote-detector" {
		t.Errorf("detector origin lost: %+v", g)
	}
	links := 0
	for _, r := range b.Relations {
		l := byID[r.ID]
		var tgts []struct{ ID, Label string }
		json.Unmarshal(l.Target, &tgts)
		if l.Motivation != "linking" || len(tgts) != 2 || tgts[0].ID != "urn:uuid:"+r.SourceID || l.Body[0].Value != string(r.Type) {
			t.Errorf("relation %s: %+v", r.Type, l)
			continue
		}
		links++
	}
	if links != len(b.Relations) {
		t.Errorf("%d of %d relations exported as links", links, len(b.Relations))
	}
}

func TestExportOffsetUnits(t *testing.T) {
	b, x := fixture.Harbour()
	text := b.Documents[0].Text
	for _, unit := range []textutil.OffsetUnit{textutil.UnitUTF16, textutil.UnitByte} {
		raw, byID := exportCollection(t, Options{OffsetUnit: unit})
		if raw["offset_unit"] != string(unit) {
			t.Errorf("collection offset_unit %v", raw["offset_unit"])
		}
		for _, id := range []string{x.HaddadQuote, x.ZoeQuote, x.OkaforMention} {
			a := byID[id]
			if ctx, ok := a.Context.([]any); !ok || ctx[0] != AnnoContext {
				t.Errorf("%s: context %v does not declare the Saywho terms", unit, a.Context)
			}
			for _, tg := range targets(t, a) {
				pos := tg.Selector[1]
				var got string
				if unit == textutil.UnitByte {
					got = text[pos.Start:pos.End]
				} else {
					u := utf16.Encode([]rune(text))
					got = string(utf16.Decode(u[pos.Start:pos.End]))
				}
				if pos.OffsetUnit != string(unit) || got != tg.Selector[0].Exact {
					t.Errorf("%s [%d,%d) (%q) gives %q, want %q", unit, pos.Start, pos.End, pos.OffsetUnit, got, tg.Selector[0].Exact)
				}
			}
		}
	}
}

func TestExportJSONLines(t *testing.T) {
	b, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(b, &buf, Options{JSONL: true}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(b.Annotations)+len(b.Relations) {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		var a jsonAnno
		if err := json.Unmarshal([]byte(l), &a); err != nil || a.Context != AnnoContext {
			t.Fatalf("line %q: %v", l, err)
		}
	}
	if err := Export(b, &buf, Options{OffsetUnit: "lines"}); err == nil {
		t.Error("unknown offset unit accepted")
	}
}
