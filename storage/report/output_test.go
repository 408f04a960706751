package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The text, CSV and JSON outputs carry the table's counts.
func TestOutputs(t *testing.T) {
	h, r := harbourReporter(t)
	voice, err := r.Build(bg, Spec{By: []Dim{ByOutlet, ByGender}})
	if err != nil {
		t.Fatal(err)
	}
	speakers, err := r.Build(bg, Spec{By: []Dim{BySpeaker}})
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := r.Build(bg, Spec{By: []Dim{ByCode, ByCode}})
	if err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	if err := voice.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Quotes by outlet and gender", "Gazette", "3 (50.0%)", "1 (33.3%)", "Shares are of each row's quotes"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := speakers.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2+1+5+1 || !strings.Contains(lines[3], "Okonjo") || !strings.Contains(lines[3], "44.4%") || !strings.HasSuffix(strings.TrimSpace(lines[len(lines)-1]), "31") {
		t.Errorf("text of quotes by speaker:\n%s", buf.String())
	}

	for _, c := range []struct {
		tab  *Table
		head []string
		rows int
		line []string
	}{
		{voice, []string{"outlet", "gender", "quotes", "share", "words"}, 8, []string{"Gazette", "woman", "3", "0.500000", "11"}},
		{speakers, []string{"speaker", "speaker_id", "quotes", "share", "words"}, 5, []string{"Okonjo", h.okonjo.ID, "4", "0.444444", "14"}},
		{pairs, []string{"code", "code_id", "code_2", "code_2_id", "spans", "share", "words"}, 9, []string{"Economy", h.economy.ID, "Economy", h.economy.ID, "3", "1.000000", "12"}},
	} {
		buf.Reset()
		if err := c.tab.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(recs[0], c.head) || len(recs) != c.rows+1 || !slices.Equal(recs[1], c.line) {
			t.Errorf("%s CSV: %v", c.tab.Spec.Title, recs)
		}
	}
	buf.Reset()
	if err := speakers.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\n(no speaker),,1,") {
		t.Errorf("the row without a speaker has an id:\n%s", buf.String())
	}

	buf.Reset()
	if err := voice.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Spec  Spec       `json:"spec"`
		Rows  []Category `json:"rows"`
		Cols  []Category `json:"columns"`
		Cells [][]Cell   `json:"cells"`
		Total Cell       `json:"total"`
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Spec.Count != CountQuotes || len(back.Rows) != 2 || len(back.Cols) != 4 || back.Cells[0][0].Count != 3 || back.Total.Count != 9 {
		t.Errorf("JSON read back: %+v", back)
	}
}
