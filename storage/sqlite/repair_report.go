package sqlite

import (
	"fmt"
	"regexp"
	"strings"
)

// RepairReport says what Repair recovered from a project and what it lost.
type RepairReport struct {
	Source, Dest string
	Version      int           // the damaged project's schema version
	Differences  []string      // how its structure differed from Saywho's
	Tables       []TableRepair // one per table of Saywho's structure, in the order copied
	Notices      []string      // references cleared, metadata restored, hashes recomputed
}

// TableRepair is what Repair did with one table.
type TableRepair struct {
	Name           string
	Missing        bool     // the damaged project had no such table
	MissingColumns []string // columns it lacked: left at their defaults, or filled as a normal insert would
	Damage         string   // why some rows could not be read; "" when every row was
	Read, Kept     int      // rows read from the damaged project, rows in the repaired one
	Lost           []RowLoss
}

// RowLoss counts the rows of a table that were read but not kept for one
// reason, and names the first few by their key.
type RowLoss struct {
	Reason   string
	Rows     int
	Examples []string
}

// maxLossExamples is how many rows a RowLoss names.
const maxLossExamples = 3

// uuidRE finds the ids in a reason, so that rows lost for one reason are
// counted together whatever they referred to.
var uuidRE = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// lose records one row dropped for reason.
func (t *TableRepair) lose(reason, key string) {
	var keys []string
	if key != "" {
		keys = []string{key}
	}
	t.loseMany(reason, 1, keys)
}

// loseMany records n rows dropped for reason, some of them named by keys.
func (t *TableRepair) loseMany(reason string, n int, keys []string) {
	reason = uuidRE.ReplaceAllString(reason, "…")
	for i := range t.Lost {
		if l := &t.Lost[i]; l.Reason == reason {
			l.Rows += n
			l.Examples = append(l.Examples, keys[:min(len(keys), maxLossExamples-len(l.Examples))]...)
			return
		}
	}
	t.Lost = append(t.Lost, RowLoss{Reason: reason, Rows: n, Examples: keys[:min(len(keys), maxLossExamples)]})
}

// LostRows counts the rows read but not kept.
func (t TableRepair) LostRows() int {
	n := 0
	for _, l := range t.Lost {
		n += l.Rows
	}
	return n
}

// Complete reports whether everything was recovered: the structure was
// sound and every row of every table was read and kept.
func (r RepairReport) Complete() bool {
	if len(r.Differences) > 0 {
		return false
	}
	for _, t := range r.Tables {
		if t.Missing || t.Damage != "" || len(t.MissingColumns) > 0 || t.LostRows() > 0 {
			return false
		}
	}
	return true
}

// String is the report as the command line and the window show it.
func (r RepairReport) String() string {
	var b strings.Builder
	if len(r.Differences) > 0 {
		fmt.Fprintf(&b, "The damaged project's structure: %s.\n", strings.Join(r.Differences, "; "))
		b.WriteString("Only Saywho's own tables and columns were copied; added tables, columns, indexes, triggers and views were left behind.\n")
	}
	b.WriteString("Rows recovered, table by table:\n")
	for _, t := range r.Tables {
		fmt.Fprintf(&b, "  %-18s ", t.Name)
		switch {
		case t.Missing:
			b.WriteString("table missing: nothing to recover\n")
			continue
		case t.Read == 0 && t.Damage != "":
			fmt.Fprintf(&b, "nothing recovered: %s\n", t.Damage)
			continue
		}
		fmt.Fprintf(&b, "%d of %d\n", t.Kept, t.Read)
		if t.Damage != "" {
			fmt.Fprintf(&b, "      %s\n", t.Damage)
		}
		if len(t.MissingColumns) > 0 {
			fmt.Fprintf(&b, "      missing columns, filled with defaults: %s\n", strings.Join(t.MissingColumns, ", "))
		}
		for _, l := range t.Lost {
			fmt.Fprintf(&b, "      %d lost: %s", l.Rows, l.Reason)
			if len(l.Examples) > 0 {
				fmt.Fprintf(&b, " (e.g. %s)", strings.Join(l.Examples, ", "))
			}
			b.WriteString("\n")
		}
	}
	for _, n := range r.Notices {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	if r.Complete() {
		b.WriteString("Everything was recovered.\n")
	}
	return b.String()
}
