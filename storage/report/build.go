package report

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// Build computes the report a spec describes: its cells and, in the same
// pass over the units, its totals (a unit in two groups counted once in
// them).
func (r *Reporter) Build(ctx context.Context, spec Spec) (*Table, error) {
	tables, err := r.BuildAll(ctx, []Spec{spec})
	if err != nil {
		return nil, err
	}
	return tables[0], nil
}

// BuildAll computes several reports (the Reports view's tables), with one
// pass over the units of each kind and filter: all the quote tables of
// one filter are counted together.
func (r *Reporter) BuildAll(ctx context.Context, specs []Spec) ([]*Table, error) {
	type batch struct {
		unit      storage.TallyUnit
		scope     storage.TallyScope
		groupings [][]storage.TallyDim
		index     map[string]int // grouping → its index in groupings
		rows      [][]storage.TallyRow
	}
	var batches []*batch
	scopes := map[string]storage.TallyScope{}
	tables := make([]*Table, len(specs))
	wants := make([][]int, len(specs)) // per table: its cells', then its totals' grouping indexes
	owner := make([]*batch, len(specs))
	for i, spec := range specs {
		spec, err := spec.Resolve()
		if err != nil {
			return nil, err
		}
		fkey, _ := json.Marshal(spec.Filter)
		scope, ok := scopes[string(fkey)]
		empty := false
		if !ok {
			if scope, empty, err = r.scope(ctx, spec.Filter); err != nil {
				return nil, err
			}
			if !empty {
				scopes[string(fkey)] = scope
			}
		}
		t := &Table{Spec: spec, buckets: map[string][]string{}, empty: empty}
		t.query = storage.TallyQuery{Unit: tallyUnits[spec.Count], Scope: scope}
		for _, d := range spec.By {
			t.query.By = append(t.query.By, tallyDims[d])
		}
		tables[i] = t
		if empty {
			continue
		}
		var b *batch
		for _, x := range batches {
			if x.unit == t.query.Unit && reflect.DeepEqual(x.scope, scope) {
				b = x
			}
		}
		if b == nil {
			b = &batch{unit: t.query.Unit, scope: scope, index: map[string]int{}}
			batches = append(batches, b)
		}
		owner[i] = b
		for _, g := range t.groupings() {
			key := fmt.Sprint(g)
			j, ok := b.index[key]
			if !ok {
				j = len(b.groupings)
				b.index[key] = j
				b.groupings = append(b.groupings, g)
			}
			wants[i] = append(wants[i], j)
		}
	}
	for _, b := range batches {
		var err error
		if b.rows, err = r.src.TallyGroupings(ctx, b.unit, b.scope, b.groupings); err != nil {
			return nil, err
		}
	}
	for i, t := range tables {
		var got [][]storage.TallyRow
		for _, j := range wants[i] {
			got = append(got, owner[i].rows[j])
		}
		for len(got) < 4 {
			got = append(got, nil)
		}
		t.assemble(r, got[0], got[2], got[3], got[1])
	}
	return tables, nil
}

// groupings lists what a table counts: its cells, then (unless it counts
// codes together) its total, then for two dimensions each dimension's
// totals.
func (t *Table) groupings() [][]storage.TallyDim {
	g := [][]storage.TallyDim{t.query.By}
	if t.Pairs() {
		return g
	}
	g = append(g, []storage.TallyDim{})
	if len(t.query.By) == 2 {
		g = append(g, t.query.By[:1], t.query.By[1:])
	}
	return g
}

// group is a count summed into a table's group (time buckets gather
// several published values).
type group map[string]*Cell

func (g group) add(key string, row storage.TallyRow) { addRow(g, key, row) }

// addRow adds a tally row's counts to the cell of key in m.
func addRow[K comparable](m map[K]*Cell, key K, row storage.TallyRow) {
	c := m[key]
	if c == nil {
		c = &Cell{}
		m[key] = c
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
	dates := map[string]time.Time{}
	key := func(i int, k string) string {
		if dims[i].time() {
			b := bucketOf(dims[i], k, dates)
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
		addRow(byCell, k, row)
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
