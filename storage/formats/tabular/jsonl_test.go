package tabular

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf16"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/textutil"
)

// cut slices text the way a reader counting in unit would.
func cut(text string, start, end int, unit textutil.OffsetUnit) string {
	switch unit {
	case textutil.UnitUTF16:
		u := utf16.Encode([]rune(text))
		return string(utf16.Decode(u[start:end]))
	case textutil.UnitByte:
		return text[start:end]
	}
	return string([]rune(text)[start:end])
}

func readJSONL(t *testing.T, data []byte) []Document {
	t.Helper()
	var out []Document
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, d)
	}
	return out
}

func TestExportJSONLUnits(t *testing.T) {
	b, x := fixture.Harbour()
	for _, unit := range []textutil.OffsetUnit{textutil.UnitCodepoint, textutil.UnitUTF16, textutil.UnitByte} {
		t.Run(string(unit), func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportJSONL(b, &buf, JSONLOptions{OffsetUnit: unit}); err != nil {
				t.Fatal(err)
			}
			docs := readJSONL(t, buf.Bytes())
			if len(docs) != 2 {
				t.Fatalf("%d lines, want 2", len(docs))
			}
			spans := 0
			for _, d := range docs {
				if d.OffsetUnit != string(unit) {
					t.Errorf("offset_unit %q", d.OffsetUnit)
				}
				for _, s := range d.Spans {
					spans++
					if got := cut(d.Text, s.Start, s.End, unit); got != s.Text {
						t.Errorf("%s [%d,%d) cuts %q, want %q", unit, s.Start, s.End, got, s.Text)
					}
					for _, r := range s.Ranges {
						if part := cut(d.Text, r.Start, r.End, unit); len(part) == 0 || !bytes.Contains([]byte(s.Text), []byte(part)) {
							t.Errorf("range [%d,%d) cuts %q", r.Start, r.End, part)
						}
					}
				}
			}
			if spans != len(b.Annotations) {
				t.Errorf("%d spans, want %d", spans, len(b.Annotations))
			}
			// After the emoji in the first paragraph the units disagree.
			h := docs[0]
			for _, s := range h.Spans {
				if s.ID != x.HaddadQuote {
					continue
				}
				cp := len([]rune(h.Text[:bytes.Index([]byte(h.Text), []byte("the vote “a turning"))]))
				want := map[textutil.OffsetUnit]int{textutil.UnitCodepoint: cp, textutil.UnitUTF16: cp + 2,
					textutil.UnitByte: bytes.Index([]byte(h.Text), []byte("the vote “a turning"))}[unit]
				if s.Start != want {
					t.Errorf("Haddad quote starts at %d, want %d", s.Start, want)
				}
			}
		})
	}
}

func TestExportJSONLContent(t *testing.T) {
	b, x := fixture.Harbour()
	var buf bytes.Buffer
	if err := ExportJSONL(b, &buf, JSONLOptions{}); err != nil {
		t.Fatal(err)
	}
	docs := readJSONL(t, buf.Bytes())
	h := docs[0]
	if h.Metadata["outlet"] != "The Coastal Courier" || h.Metadata["url"] == "" || h.Title != b.Documents[0].Title {
		t.Errorf("metadata %v", h.Metadata)
	}
	if len(h.Memos) != 1 || h.Memos[0].Annotator != "Ana" {
		t.Errorf("memos %v", h.Memos)
	}
	byID := map[string]Span{}
	for _, s := range h.Spans {
		byID[s.ID] = s
	}
	cases := []struct {
		id, speaker, annotator string
		codes                  int
	}{
		{x.OkaforQuote, "Lena Okafor", "Ana", 1},
		{x.ZoeQuote, "baker Zoë Ñandú", "Ana", 0},
		{x.BenBorrowQuote, "Yosef Ben-David", "Ben Ng", 0},
		{x.BenCafe, "", "Ben Ng", 2},
	}
	for _, c := range cases {
		s := byID[c.id]
		if s.Speaker != c.speaker || s.Annotator != c.annotator || len(s.Codes) != c.codes {
			t.Errorf("%q: speaker %q annotator %q codes %v", s.Text, s.Speaker, s.Annotator, s.Codes)
		}
	}
	if byID[x.OkaforQuote].Codes[0] != "Infrastructure" || byID[x.BenBorrowQuote].State != "accepted" {
		t.Errorf("codes or state lost: %+v", byID[x.OkaforQuote])
	}
	if len(h.Relations) != 13 {
		t.Errorf("%d relations in the first document, want 13", len(h.Relations))
	}
	if !bytes.Contains(buf.Bytes(), []byte("“No comment at this time.”")) || bytes.Contains(buf.Bytes(), []byte(`\u0026`)) || !bytes.Contains(buf.Bytes(), []byte("(<20 words) was posted in Hebrew (אין תגובה) & Arabic")) {
		t.Error("text missing or HTML-escaped")
	}
}

func TestExportJSONLRejectsUnknownUnit(t *testing.T) {
	b, _ := fixture.Harbour()
	if err := ExportJSONL(b, &bytes.Buffer{}, JSONLOptions{OffsetUnit: "words"}); err == nil {
		t.Fatal("unknown unit accepted")
	}
}
