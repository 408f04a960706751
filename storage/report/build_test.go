package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

var _ Source = (*sqlite.Project)(nil)

// harbourReporter makes the harbour project and a reporter on it.
func harbourReporter(t *testing.T) (*harbour, *Reporter) {
	t.Helper()
	h := harbourProject(t)
	r, err := New(bg, h.p)
	if err != nil {
		t.Fatal(err)
	}
	return h, r
}

// compact writes a table as lines: "label=count/words" per row for one
// dimension; "row: col=count col=count | total" for two (empty cells
// left out); the last line is the total.
func compact(t *Table) []string {
	var out []string
	for i, r := range t.Rows {
		if t.Cols == nil {
			c := t.Cells[i][0]
			out = append(out, fmt.Sprintf("%s=%d/%d", r.Label, c.Count, c.Words))
			continue
		}
		var cells []string
		for j, col := range t.Cols {
			if c := t.Cells[i][j]; c.Count > 0 {
				cells = append(cells, fmt.Sprintf("%s=%d", col.Label, c.Count))
			}
		}
		out = append(out, fmt.Sprintf("%s: %s | %d", r.Label, strings.Join(cells, " "), t.RowTotals[i].Count))
	}
	return append(out, fmt.Sprintf("total=%d/%d", t.Total.Count, t.Total.Words))
}

// Every table on the harbour project, counted by hand (see
// fixture_test.go).
func TestTables(t *testing.T) {
	_, r := harbourReporter(t)
	for _, c := range []struct {
		name string
		spec Spec
		want []string
	}{
		{"quotes by speaker", Spec{By: []Dim{BySpeaker}}, []string{
			"Okonjo=4/14", "Adler=3/11", "Harbour Board=1/3", "Park=1/4", "(no speaker)=1/2", "total=9/31"}},
		{"the gold layer only", Spec{By: []Dim{BySpeaker}, Filter: Filter{Layer: "ANA"}}, []string{
			"Adler=3/11", "Okonjo=3/10", "Harbour Board=1/3", "Park=1/4", "(no speaker)=1/2", "total=8/27"}},
		{"by gender: a quote of a woman and a man counts once for each", Spec{By: []Dim{ByGender}}, []string{
			"woman=4/14", "man=4/15", "(not set)=1/3", "(no speaker)=1/2", "total=9/31"}},
		{"by type", Spec{By: []Dim{ByType}}, []string{
			"person=7/26", "organisation=1/3", "(no speaker)=1/2", "total=9/31"}},
		{"by role, the vocabulary's order first", Spec{By: []Dim{ByRole}}, []string{
			"politician=4/14", "official=3/11", "expert=1/4", "(not set)=1/3", "(no speaker)=1/2", "total=9/31"}},
		{"by affiliation", Spec{By: []Dim{ByAffiliation}}, []string{
			"Harbour Party=4/14", "Treasury=3/11", "(not set)=2/7", "(no speaker)=1/2", "total=9/31"}},
		{"by country", Spec{By: []Dim{ByCountry}}, []string{
			"NG=4/14", "IL=3/11", "KR=1/4", "(not set)=1/3", "(no speaker)=1/2", "total=9/31"}},
		{"share of voice", Spec{By: []Dim{ByOutlet, ByGender}}, []string{
			"Gazette: woman=3 man=1 (not set)=1 (no speaker)=1 | 6",
			"Tribune: woman=1 man=3 | 3", "total=9/31"}},
		{"by month, the unreadable date last", Spec{By: []Dim{ByMonth}}, []string{
			"2024-01=4/15", "2024-02=4/13", "(no date)=1/3", "total=9/31"}},
		{"by week", Spec{By: []Dim{ByWeek}, Filter: Filter{Outlets: []string{"Gazette"}}}, []string{
			"2024-W03=4/15", "2024-W04=0/0", "2024-W05=2/6", "total=6/21"}},
		{"month by gender", Spec{By: []Dim{ByMonth, ByGender}}, []string{
			"2024-01: woman=2 man=1 (no speaker)=1 | 4", "2024-02: woman=2 man=2 (not set)=1 | 4",
			"(no date): man=1 | 1", "total=9/31"}},
		{"a date range", Spec{By: []Dim{BySpeaker}, Filter: Filter{From: "1 Feb 2024", To: "2024-02-29"}}, []string{
			"Okonjo=2/6", "Adler=1/3", "Harbour Board=1/3", "Park=1/4", "total=4/13"}},
		{"a date range with no document", Spec{By: []Dim{BySpeaker}, Filter: Filter{From: "2023-01-01", To: "2023-12-31"}}, []string{
			"total=0/0"}},
		{"one outlet", Spec{By: []Dim{BySpeaker}, Filter: Filter{Outlets: []string{"Tribune"}}}, []string{
			"Adler=2/6", "Okonjo=1/3", "Park=1/4", "total=3/10"}},
		{"a set", Spec{By: []Dim{ByGender}, Filter: Filter{Set: "sample"}}, []string{
			"woman=2/8", "man=2/8", "(no speaker)=1/2", "total=5/18"}},
		{"a status", Spec{By: []Dim{ByOutlet}, Filter: Filter{Statuses: []string{"done"}}}, []string{
			"Gazette=4/15", "Tribune=2/7", "total=6/22"}},
		{"no dimension", Spec{}, []string{"All=9/31", "total=9/31"}},
		{"codes: coded spans of every kind", Spec{By: []Dim{ByCode}}, []string{
			"Economy=3/12", "Safety=2/7", "Safety › Climate=1/5", "total=4/16"}},
		{"code by gender", Spec{By: []Dim{ByCode, ByGender}}, []string{
			"Economy: woman=2 | 2", "Safety: woman=1 man=1 | 2",
			"(no code): woman=2 man=3 (not set)=1 (no speaker)=1 | 6", "total=9/31"}},
		{"codes on the same span", Spec{By: []Dim{ByCode, ByCode}}, []string{
			"Economy: Economy=3 Safety=1 Safety › Climate=1 | 3", "Safety: Economy=1 Safety=2 | 2",
			"Safety › Climate: Economy=1 Safety › Climate=1 | 1", "total=0/0"}},
		{"codes in the same document", Spec{Count: CountDocPairs, By: []Dim{ByCode, ByCode}}, []string{
			"Economy: Economy=3 Safety=2 Safety › Climate=1 | 3", "Safety: Economy=2 Safety=2 Safety › Climate=1 | 2",
			"Safety › Climate: Economy=1 Safety=1 Safety › Climate=1 | 1", "total=0/0"}},
		{"claims by speaker and check-worthiness", Spec{By: []Dim{BySpeaker, ByWorthiness}}, []string{
			"Adler: UFS=1 | 1", "Okonjo: CFS=1 | 1", "(no speaker): CFS=1 | 1", "total=3/12"}},
		{"claims by speaker and verdict", Spec{By: []Dim{BySpeaker, ByVerdict}}, []string{
			"Adler: (no verdict)=1 | 1", "Okonjo: false=1 | 1", "(no speaker): true=1 | 1", "total=3/12"}},
		{"documents by outlet", Spec{Count: CountDocuments, By: []Dim{ByOutlet}}, []string{
			"Gazette=2/0", "Tribune=2/0", "total=4/0"}},
		{"quotes by coder", Spec{By: []Dim{ByCoder}}, []string{"ana=8/27", "ben=1/4", "total=9/31"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, err := r.Build(bg, c.spec)
			if err != nil {
				t.Fatal(err)
			}
			if got := compact(tab); !slices.Equal(got, c.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

// Shares: of the table's total for one dimension, of the row's total for
// two (each outlet's voices), of the row code's spans for codes together.
func TestShares(t *testing.T) {
	_, r := harbourReporter(t)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	tab, err := r.Build(bg, Spec{By: []Dim{BySpeaker}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(tab.Cells[0][0].Share, 4.0/9) || !near(tab.RowTotals[0].Share, 4.0/9) {
		t.Errorf("Okonjo's share %v", tab.Cells[0][0].Share)
	}
	tab, err = r.Build(bg, Spec{By: []Dim{ByOutlet, ByGender}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(tab.Cells[0][0].Share, 3.0/6) || !near(tab.Cells[1][1].Share, 1) || !near(tab.ColTotals[0].Share, 4.0/9) {
		t.Errorf("shares of voice %+v, column totals %+v", tab.Cells, tab.ColTotals)
	}
	tab, err = r.Build(bg, Spec{By: []Dim{ByCode, ByCode}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(tab.Cells[0][1].Share, 1.0/3) || tab.Rows[0].Color != "#AA3377" {
		t.Errorf("co-occurrence share %v, colour %q", tab.Cells[0][1].Share, tab.Rows[0].Color)
	}
}

// Each cell lists the annotations behind it, asked of the project afresh.
func TestCellIDs(t *testing.T) {
	h, r := harbourReporter(t)
	for _, c := range []struct {
		name     string
		spec     Spec
		row, col int
		want     []string
	}{
		{"Gazette, woman", Spec{By: []Dim{ByOutlet, ByGender}}, 0, 0, h.ids("q1", "q9", "q4")},
		{"Gazette, no speaker", Spec{By: []Dim{ByOutlet, ByGender}}, 0, 3, h.ids("q3")},
		{"Tribune, all genders", Spec{By: []Dim{ByOutlet, ByGender}}, 1, -1, h.ids("q6", "q7", "q8")},
		{"men, every outlet", Spec{By: []Dim{ByOutlet, ByGender}}, -1, 1, h.ids("q2", "q6", "q7", "q8")},
		{"February", Spec{By: []Dim{ByMonth}}, 1, 0, h.ids("q4", "q5", "q6", "q7")},
		{"no date", Spec{By: []Dim{ByMonth}}, 2, 0, h.ids("q8")},
		{"February, women, within a date range", Spec{By: []Dim{ByMonth, ByGender}, Filter: Filter{From: "2024-02-10"}}, 0, 0, h.ids("q7")},
		{"Okonjo, gold layer", Spec{By: []Dim{BySpeaker}, Filter: Filter{Layer: "ana"}}, 1, 0, h.ids("q1", "q4", "q7")},
		{"Economy and Safety on one span", Spec{By: []Dim{ByCode, ByCode}}, 0, 1, h.ids("q4")},
		{"Economy and Safety in one document", Spec{Count: CountDocPairs, By: []Dim{ByCode, ByCode}}, 0, 1, h.ids("q4", "q6", "passage")},
		{"CFS claims without a speaker", Spec{By: []Dim{BySpeaker, ByWorthiness}}, 2, 0, h.ids("c3")},
		{"the whole table", Spec{By: []Dim{ByCode}}, -1, 0, h.ids("q1", "q4", "q6", "passage")},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, err := r.Build(bg, c.spec)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tab.IDs(bg, h.p, c.row, c.col, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("ids %v, want %v", got, c.want)
			}
			page, err := tab.IDs(bg, h.p, c.row, c.col, 1, 1)
			if err != nil || len(c.want) > 1 && !slices.Equal(page, c.want[1:2]) {
				t.Errorf("second page of one: %v, %v", page, err)
			}
		})
	}
}

// Bad specs and filters get a message, not a table.
func TestBadSpecs(t *testing.T) {
	_, r := harbourReporter(t)
	for _, c := range []struct {
		spec Spec
		want string
	}{
		{Spec{By: []Dim{BySpeaker, ByGender, ByOutlet}}, "at most two"},
		{Spec{By: []Dim{ByGender, ByGender}}, "gender twice"},
		{Spec{By: []Dim{ByMonth, ByWeek}}, "month and week"},
		{Spec{Count: CountCoded, By: []Dim{ByGender}}, "applies to quotes and claims"},
		{Spec{Count: CountDocuments, By: []Dim{ByCode}}, "documents have no code"},
		{Spec{Count: CountSpanPairs, By: []Dim{ByCode}}, "by code and code"},
		{Spec{Count: CountQuotes, By: []Dim{ByCode, ByCode}}, "counts co-occurrence"},
		{Spec{By: []Dim{"mood"}}, "no report dimension"},
		{Spec{Filter: Filter{Set: "Missing"}}, `no document set "Missing" (the project has "Sample")`},
		{Spec{Filter: Filter{Layer: "zoe"}}, `no coder "zoe" (the project's coders: "ana", "ben")`},
		{Spec{Filter: Filter{From: "someday"}}, `from: "someday" is not a date`},
		{Spec{Filter: Filter{From: "2024-03-01", To: "2024-02-01"}}, "ends (2024-02-01) before it starts"},
		{Spec{Filter: Filter{Statuses: []string{"finished"}}}, `no document status "finished"`},
	} {
		if _, err := r.Build(bg, c.spec); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.spec, err, c.want)
		}
	}
	for _, s := range []string{"Check_Worthiness", "worthiness", " Month "} {
		if _, err := ParseDim(s); err != nil {
			t.Errorf("ParseDim(%q): %v", s, err)
		}
	}
	if _, err := ParseDim("mood"); err == nil {
		t.Error("ParseDim accepted mood")
	}
}

// The standard tables all build, and a project without quotes gives
// empty tables, not errors.
func TestStandardTables(t *testing.T) {
	_, r := harbourReporter(t)
	for _, s := range Standard(Filter{}) {
		tab, err := r.Build(bg, s)
		if err != nil || len(tab.Rows) == 0 || tab.Spec.Title != s.Title {
			t.Errorf("%s: %v rows, %v", s.Title, tab, err)
		}
	}
	empty, err := sqlite.Create(t.TempDir()+"/empty.saywho", "Empty")
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	r, err = New(bg, empty)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range Standard(Filter{}) {
		tab, err := r.Build(bg, s)
		if err != nil || tab.Total.Count != 0 {
			t.Errorf("%s on an empty project: %+v, %v", s.Title, tab, err)
		}
	}
	if _, err := r.Build(bg, Spec{By: []Dim{BySpeaker}, Filter: Filter{Outlets: []string{storage.NoValue}}}); err != nil {
		t.Error(err)
	}
}
