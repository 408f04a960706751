package sqlite

import (
	"fmt"
	"strings"
)

// foreignKey is one reference from a table's columns to another table's.
type foreignKey struct {
	parent   string
	from, to []string
}

// foreignKeys lists the references a table of q's main database makes.
func foreignKeys(q querier, table string) ([]foreignKey, error) {
	rows, err := q.QueryContext(bg, `SELECT id, "table", "from", coalesce("to", '') FROM pragma_foreign_key_list(?, 'main') ORDER BY id, seq`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []foreignKey
	last := -1
	for rows.Next() {
		var id int
		var parent, from, to string
		if err := rows.Scan(&id, &parent, &from, &to); err != nil {
			return nil, err
		}
		if id != last {
			out = append(out, foreignKey{parent: parent})
			last = id
		}
		fk := &out[len(out)-1]
		fk.from, fk.to = append(fk.from, from), append(fk.to, to)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, fk := range out {
		if fk.to[0] != "" {
			continue
		}
		// A reference to the parent's primary key names no columns.
		cols, err := columnsOf(q, fk.parent)
		if err != nil {
			return nil, err
		}
		out[i].to = out[i].to[:0]
		for _, c := range cols {
			if c.pk > 0 {
				out[i].to = append(out[i].to, c.name)
			}
		}
	}
	return out, nil
}

// dropOrphans settles the references to rows that were lost, until none
// is left: a reference that may be empty is cleared (an annotation whose
// speaker was lost keeps its span; a code whose parent was lost moves to
// the top level), unless the row is then invalid; any other row that
// refers to a lost row is dropped (an annotation whose document was lost,
// a code applied to a lost annotation).
func (r *repairer) dropOrphans(tables []tableInfo, reports map[string]*TableRepair) error {
	for pass := 0; pass <= len(tables); pass++ {
		changed := false
		for _, t := range tables {
			fks, err := foreignKeys(r.q, t.name)
			if err != nil {
				return err
			}
			for _, fk := range fks {
				n, err := r.settle(t, fk, reports[t.name])
				if err != nil {
					return err
				}
				changed = changed || n > 0
			}
		}
		if !changed {
			return nil
		}
	}
	return nil
}

// settle clears or drops the rows of t whose reference fk points to no
// row, and returns how many it changed.
func (r *repairer) settle(t tableInfo, fk foreignKey, tr *TableRepair) (int64, error) {
	table := "main." + quoteName(t.name)
	var set, match, present []string
	nullable := true
	for i, from := range fk.from {
		col := quoteName(t.name) + "." + quoteName(from)
		set = append(set, quoteName(from)+" = NULL")
		present = append(present, col+" IS NOT NULL")
		match = append(match, "x."+quoteName(fk.to[i])+" = "+col)
		for _, c := range t.columns {
			if strings.EqualFold(c.name, from) && c.notNull {
				nullable = false
			}
		}
	}
	orphan := strings.Join(present, " AND ") + " AND NOT EXISTS (SELECT 1 FROM main." + quoteName(fk.parent) + " AS x WHERE " + strings.Join(match, " AND ") + ")"
	what := fmt.Sprintf("it refers to a %s row that was lost (%s)", fk.parent, strings.Join(fk.from, ", "))
	if nullable {
		res, err := r.q.ExecContext(bg, "UPDATE "+table+" SET "+strings.Join(set, ", ")+" WHERE "+orphan)
		if err == nil {
			n, _ := res.RowsAffected()
			if n > 0 {
				r.notef("%s: %s cleared in %d row(s): %s", t.name, strings.Join(fk.from, ", "), n, what)
			}
			return n, nil
		}
		if !isConstraint(err) {
			return 0, err
		}
	}
	var keys []string
	if len(t.keys) > 0 {
		for _, k := range t.keys {
			keys = append(keys, quoteName(k))
		}
		rows, err := r.q.QueryContext(bg, "SELECT "+strings.Join(keys, " || '/' || ")+" FROM "+table+" WHERE "+orphan+" LIMIT ?", maxLossExamples)
		if err != nil {
			return 0, err
		}
		keys = keys[:0]
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return 0, err
			}
			keys = append(keys, k)
		}
		rows.Close()
	}
	res, err := r.q.ExecContext(bg, "DELETE FROM "+table+" WHERE "+orphan)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if n > 0 {
		tr.loseMany(what, int(n), keys)
	}
	return n, nil
}
