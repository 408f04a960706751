package tabular

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

func readCSV(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("header %v", recs[0])
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range CSVHeader {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func TestExportCSV(t *testing.T) {
	b, x := fixture.Harbour()
	var buf bytes.Buffer
	if err := ExportCSV(b, &buf, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 7 {
		t.Fatalf("%d rows, want one per quote (7)", len(rows))
	}
	byID := map[string]map[string]string{}
	for _, r := range rows {
		byID[r["quote_id"]] = r
		start, _ := strconv.Atoi(r["start"])
		end, _ := strconv.Atoi(r["end"])
		text := b.Documents[0].Text
		if r["document_id"] == x.PortDoc {
			text = b.Documents[1].Text
		}
		if got := string([]rune(text)[start:end]); got != r["quote"] {
			t.Errorf("code points [%d,%d) give %q, want %q", start, end, got, r["quote"])
		}
	}
	cases := []struct {
		id                                                           string
		speaker, role, affiliation, qtype, cue, codes, claims, coder string
	}{
		{x.OkaforQuote, "Lena Okafor", "Mayor", "Harbour Town Council", "mixed", "said on Tuesday", "Infrastructure", x.OkaforClaim, "Ana"},
		{x.ZoeQuote, "baker Zoë Ñandú", "", "", "direct", "added", "", "", "Ana"},
		{x.BenBorrowQuote, "Yosef Ben-David", "Treasurer", "Harbour Town Council", "indirect", "", "", "", "Ben Ng"},
		{x.FirmQuote, "海洋設計", "Engineering firm", "", "mixed", "writing", "Economy", "", "Ana"},
	}
	for _, c := range cases {
		r := byID[c.id]
		got := []string{r["speaker"], r["speaker_role"], r["speaker_affiliation"], r["quote_type"], r["cue"], r["codes"], r["claim_ids"], r["annotator"]}
		want := []string{c.speaker, c.role, c.affiliation, c.qtype, c.cue, c.codes, c.claims, c.coder}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("row %q:\n got %q\nwant %q", r["quote"], got, want)
		}
	}
	if codes := strings.Split(byID[x.HaddadQuote]["codes"], "; "); len(codes) != 2 {
		t.Errorf("codes %q", byID[x.HaddadQuote]["codes"])
	}
	if byID[x.OkaforQuote]["note"] != b.Annotations[indexOf(b.Annotations, x.OkaforQuote)].Note {
		t.Error("multi-line note not kept")
	}
	if byID[x.OkaforQuote]["document_title"] != "Harbour town votes on sea wall 🌊" {
		t.Error("title")
	}
}

func TestExportCSVOptions(t *testing.T) {
	b, x := fixture.Harbour()
	b.Annotations[indexOf(b.Annotations, x.PortQuote)].Note = "=HYPERLINK(\"http://evil\")"
	cases := []struct {
		name     string
		opts     CSVOptions
		bom      bool
		wantNote string
	}{
		{"plain", CSVOptions{}, false, "=HYPERLINK(\"http://evil\")"},
		{"excel", CSVOptions{BOM: true, EscapeFormulas: true}, true, "'=HYPERLINK(\"http://evil\")"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportCSV(b, &buf, c.opts); err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			if got := bytes.HasPrefix(data, []byte("\uFEFF")); got != c.bom {
				t.Fatalf("BOM present = %v", got)
			}
			rows := readCSV(t, bytes.TrimPrefix(data, []byte("\uFEFF")))
			for _, r := range rows {
				if r["quote_id"] == x.PortQuote && r["note"] != c.wantNote {
					t.Errorf("note %q, want %q", r["note"], c.wantNote)
				}
			}
		})
	}
}
