package report

import (
	"context"
	"fmt"
	"slices"

	"github.com/saywho-app/saywho/storage"
)

// Cell is one count of a table.
type Cell struct {
	Count int `json:"count"`
	// Words sums the words of the quotes (claims, spans) counted; zero
	// for counts of documents and of codes in the same document.
	Words int `json:"words"`
	// Share is Count as a fraction of the whole the cell belongs to:
	// the table's total for a table of one dimension and for a row or
	// column total; the row's total for a cell of two dimensions (the
	// share of voice of each gender within an outlet); for codes
	// together, the spans (documents) of the row's code.
	Share float64 `json:"share"`
}

// Table is a computed report: Rows (the first dimension's groups) by Cols
// (the second's; nil for a table of one dimension, whose Cells have one
// column). A unit that belongs to two groups (a quote of two speakers) is
// counted in both, so the cells may add up to more than the totals, which
// count each unit once.
type Table struct {
	Spec      Spec       `json:"spec"` // resolved
	Rows      []Category `json:"rows"`
	Cols      []Category `json:"columns,omitempty"`
	Cells     [][]Cell   `json:"cells"`
	RowTotals []Cell     `json:"row_totals"`
	ColTotals []Cell     `json:"column_totals,omitempty"`
	Total     Cell       `json:"total"`

	query   storage.TallyQuery
	buckets map[string][]string // time bucket → the published values in it
	empty   bool                // the filter matched no document
}

// Pairs reports whether the table counts codes together (a square table
// of codes by codes).
func (t *Table) Pairs() bool {
	return t.Spec.Count == CountSpanPairs || t.Spec.Count == CountDocPairs
}

// IDs lists the ids of the quotes (claims, spans; documents for a count
// of documents) behind a cell, by document and position: row and col
// index Rows and Cols (col 0 for a table of one dimension), -1 stands for
// all of them (a row's or column's total; -1, -1 for the whole table).
// offset and limit page through a long list (limit 0: all). They are
// asked of the project afresh, not kept with the table.
func (t *Table) IDs(ctx context.Context, src Source, row, col, offset, limit int) ([]string, error) {
	if t.empty {
		return nil, nil
	}
	if row < -1 || row >= len(t.Rows) || col < -1 || (t.Cols == nil && col > 0) || (t.Cols != nil && col >= len(t.Cols)) {
		return nil, fmt.Errorf("no cell %d, %d in a table of %d rows and %d columns", row, col, len(t.Rows), max(len(t.Cols), 1))
	}
	q := t.query
	q.Scope.Published = slices.Clone(q.Scope.Published)
	var keys []string
	var by []storage.TallyDim
	pick := []int{row, col}
	cats := [][]Category{t.Rows, t.Cols}
	for i, dim := range t.Spec.By {
		if pick[i] < 0 {
			continue
		}
		key := cats[i][pick[i]].Key
		if dim.time() {
			// A bucket holds several published values: narrow the
			// documents to them instead.
			q.Scope.Published = narrow(q.Scope.Published, t.buckets[key])
			if len(q.Scope.Published) == 0 {
				return nil, nil
			}
			continue
		}
		keys = append(keys, key)
		by = append(by, q.By[i])
	}
	if t.Pairs() {
		if row < 0 || col < 0 {
			return nil, fmt.Errorf("codes together are listed by cell, not by row or column")
		}
		return src.TallyIDs(ctx, q, keys, offset, limit)
	}
	q.By = by
	return src.TallyIDs(ctx, q, keys, offset, limit)
}

// narrow keeps the values of in that are in scope (all of them when
// scope is empty).
func narrow(scope, in []string) []string {
	if len(scope) == 0 {
		return slices.Clone(in)
	}
	var out []string
	for _, v := range in {
		if slices.Contains(scope, v) {
			out = append(out, v)
		}
	}
	return out
}
