package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// noun names what a table counts, for headers.
func (t *Table) noun() string {
	switch t.Spec.Count {
	case CountClaims:
		return "claims"
	case CountCoded:
		return "spans"
	case CountSpanPairs:
		return "spans"
	case CountDocPairs, CountDocuments:
		return "documents"
	}
	return "quotes"
}

// dimName is a dimension's column name in the outputs.
func dimName(d Dim) string { return strings.ReplaceAll(string(d), "-", "_") }

// WriteText writes the table for reading in a terminal: a title, the
// rows with their counts and shares (and words, for one dimension), and
// the totals.
func (t *Table) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(cells ...string) { fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t") }
	fmt.Fprintf(w, "%s\n\n", t.Spec.Title)
	first := "all"
	if len(t.Spec.By) > 0 {
		first = string(t.Spec.By[0])
	}
	if t.Cols == nil {
		row(first, t.noun(), "share", "words")
		for i, r := range t.Rows {
			c := t.Cells[i][0]
			row(r.Label, strconv.Itoa(c.Count), percent(c.Share), strconv.Itoa(c.Words))
		}
		if len(t.Spec.By) > 0 {
			row("total", strconv.Itoa(t.Total.Count), percent(share(t.Total.Count, t.Total.Count)), strconv.Itoa(t.Total.Words))
		}
		return tw.Flush()
	}
	head := []string{first + " \\ " + string(t.Spec.By[1])}
	for _, c := range t.Cols {
		head = append(head, c.Label)
	}
	if !t.Pairs() {
		head = append(head, "total")
	}
	row(head...)
	for i, r := range t.Rows {
		cells := []string{r.Label}
		for _, c := range t.Cells[i] {
			cells = append(cells, fmt.Sprintf("%d (%s)", c.Count, percent(c.Share)))
		}
		if !t.Pairs() {
			cells = append(cells, strconv.Itoa(t.RowTotals[i].Count))
		}
		row(cells...)
	}
	if !t.Pairs() {
		cells := []string{"total"}
		for _, c := range t.ColTotals {
			cells = append(cells, fmt.Sprintf("%d (%s)", c.Count, percent(c.Share)))
		}
		row(append(cells, strconv.Itoa(t.Total.Count))...)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !t.Pairs() {
		_, err := fmt.Fprintf(w, "\nShares are of each row's %s; a %s in two columns counts in both.\n", t.noun(), strings.TrimSuffix(t.noun(), "s"))
		return err
	}
	_, err := fmt.Fprintf(w, "\nShares are of the row code's %s; the diagonal counts each code's own.\n", t.noun())
	return err
}

func percent(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" }

// WriteCSV writes the table in long form, one line per cell, for pandas
// and R: a column per dimension (its label, and its id for speakers,
// codes and coders), then count, share and words. Rows without a value
// have an empty id.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	var head []string
	names := map[string]int{}
	for _, d := range t.Spec.By {
		name := dimName(d)
		if names[name]++; names[name] > 1 {
			name += "_" + strconv.Itoa(names[name])
		}
		head = append(head, name)
		if hasID(d) {
			head = append(head, name+"_id")
		}
	}
	if err := cw.Write(append(head, t.noun(), "share", "words")); err != nil {
		return err
	}
	for i, r := range t.Rows {
		for j, c := range t.Cells[i] {
			var line []string
			cats := []Category{r}
			if t.Cols != nil {
				cats = append(cats, t.Cols[j])
			}
			for k, d := range t.Spec.By {
				line = append(line, cats[k].Label)
				if hasID(d) {
					id := cats[k].Key
					if cats[k].Missing {
						id = ""
					}
					line = append(line, id)
				}
			}
			line = append(line, strconv.Itoa(c.Count), strconv.FormatFloat(c.Share, 'f', 6, 64), strconv.Itoa(c.Words))
			if err := cw.Write(line); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func hasID(d Dim) bool { return d == BySpeaker || d == ByCode || d == ByCoder }

// WriteJSON writes the table as one indented JSON object: the resolved
// spec, the row and column categories, the cells by row, the totals.
func (t *Table) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(t)
}
