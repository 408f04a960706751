package report

import (
	"context"
	"slices"

	"github.com/saywho-app/saywho/storage"
)

// Build computes the report a spec describes: one grouped count for the
// cells, and for a table of two dimensions one for each dimension's
// totals, plus one for the table's total (a unit in two groups counted
// once in the totals).
func (r *Reporter) Build(ctx context.Context, spec Spec) (*Table, error) {
	spec, err := spec.Resolve()
	if err != nil {
		return nil, err
	}
	scope, empty, err := r.scope(ctx, spec.Filter)
	if err != nil {
		return nil, err
	}
	t := &Table{Spec: spec, buckets: map[string][]string{}, empty: empty}
	t.query = storage.TallyQuery{Unit: tallyUnits[spec.Count], Scope: scope}
	for _, d := range spec.By {
		t.query.By = append(t.query.By, tallyDims[d])
	}
	var cells, rowTotals, colTotals, total []storage.TallyRow
	if !empty {
		if cells, err = r.src.Tally(ctx, t.query); err != nil {
			return nil, err
		}
		if !t.Pairs() {
			if total, err = r.tally(ctx, t.query); err != nil {
				return nil, err
			}
			if len(spec.By) == 2 {
				if rowTotals, err = r.tally(ctx, t.query, 0); err != nil {
					return nil, err
				}
				if colTotals, err = r.tally(ctx, t.query, 1); err != nil {
					return nil, err
				}
			}
		}
	}
	t.assemble(r, cells, rowTotals, colTotals, total)
	return t, nil
}

// tally runs q grouped by the dimensions of q.By at the given indexes
// only (none: the total).
func (r *Reporter) tally(ctx context.Context, q storage.TallyQuery, dims ...int) ([]storage.TallyRow, error) {
	by := make([]storage.TallyDim, len(dims))
	for i, d := range dims {
		by[i] = q.By[d]
	}
	q.By = by
	return r.src.Tally(ctx, q)
}

// group is a count summed into a table's group (time buckets gather
// several published values).
type group map[string]*Cell

func (g group) add(key string, row storage.TallyRow) {
	c := g[key]
	if c == nil {
		c = &Cell{}
		g[key] = c
	}
	c.Count += row.Count
	c.Words += row.Words
}

func (g group) counts() map[string]int {
	m := make(map[string]int, len(g))
	for k, c := range g {
		m[k] = c.Count
	}
	return m
}

// assemble lays the tallies out as the table: keys mapped to groups (time
// buckets), groups labelled and ordered, shares computed.
func (t *Table) assemble(r *Reporter, cells, rowTotals, colTotals, total []storage.TallyRow) {
	dims := t.Spec.By
	key := func(i int, k string) string {
		if dims[i].time() {
			b := bucketOf(dims[i], k)
			if !slices.Contains(t.buckets[b], k) {
				t.buckets[b] = append(t.buckets[b], k)
			}
			return b
		}
		return k
	}
	byCell := map[[2]string]*Cell{}
	rows, cols := group{}, group{}
	for _, row := range cells {
		var k [2]string
		for i := range row.Keys {
			k[i] = key(i, row.Keys[i])
		}
		c := byCell[k]
		if c == nil {
			c = &Cell{}
			byCell[k] = c
		}
		c.Count += row.Count
		c.Words += row.Words
		if len(dims) == 1 {
			rows.add(k[0], row)
		}
		if t.Pairs() && k[0] == k[1] {
			rows.add(k[0], row) // a code with itself: the row's total
		}
	}
	for _, row := range rowTotals {
		rows.add(key(0, row.Keys[0]), row)
	}
	for _, row := range colTotals {
		cols.add(key(1, row.Keys[0]), row)
	}
	for _, row := range total {
		t.Total.Count += row.Count
		t.Total.Words += row.Words
	}
	if t.Pairs() {
		for k := range byCell { // a code may appear only in columns' keys
			if rows[k[1]] == nil {
				rows[k[1]] = &Cell{}
			}
			if rows[k[0]] == nil {
				rows[k[0]] = &Cell{}
			}
		}
		cols = rows
	}
	switch len(dims) {
	case 0:
		t.Rows = []Category{{Key: "", Label: "All"}}
		rows = group{"": &Cell{Count: t.Total.Count, Words: t.Total.Words}}
		byCell[[2]string{}] = rows[""]
	default:
		t.Rows = t.categories(r, 0, rows)
	}
	if len(dims) == 2 {
		t.Cols = t.categories(r, 1, cols)
	}
	t.fill(byCell, rows, cols)
}

// categories lists the groups of dimension i, ordered, with empty time
// buckets between the first and the last filled in.
func (t *Table) categories(r *Reporter, i int, g group) []Category {
	d := t.Spec.By[i]
	if d.time() {
		var keys []string
		for k := range g {
			keys = append(keys, k)
		}
		for _, k := range fillBuckets(d, keys) {
			if g[k] == nil {
				g[k] = &Cell{}
			}
		}
	}
	cats := make([]Category, 0, len(g))
	for k := range g {
		cats = append(cats, r.category(d, k))
	}
	r.order(d, cats, g.counts())
	return cats
}

// fill writes the cells, totals and shares in the order of the
// categories.
func (t *Table) fill(byCell map[[2]string]*Cell, rows, cols group) {
	ncols := max(len(t.Cols), 1)
	t.Cells = make([][]Cell, len(t.Rows))
	t.RowTotals = make([]Cell, len(t.Rows))
	for i, row := range t.Rows {
		t.Cells[i] = make([]Cell, ncols)
		t.RowTotals[i] = *rows[row.Key]
		t.RowTotals[i].Share = share(t.RowTotals[i].Count, t.Total.Count)
		for j := range ncols {
			k := [2]string{row.Key}
			if t.Cols != nil {
				k[1] = t.Cols[j].Key
			}
			if c := byCell[k]; c != nil {
				t.Cells[i][j] = *c
			}
			whole := t.Total.Count
			if t.Cols != nil {
				whole = t.RowTotals[i].Count
			}
			t.Cells[i][j].Share = share(t.Cells[i][j].Count, whole)
		}
	}
	if t.Cols != nil {
		t.ColTotals = make([]Cell, len(t.Cols))
		for j, col := range t.Cols {
			t.ColTotals[j] = *cols[col.Key]
			t.ColTotals[j].Share = share(t.ColTotals[j].Count, t.Total.Count)
		}
	}
}

func share(n, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(n) / float64(whole)
}
