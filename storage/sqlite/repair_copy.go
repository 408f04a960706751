package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"modernc.org/sqlite"
)

// repairer copies what can be read from a damaged project (src) into a
// new one (p, through its open transaction q). Every table, column and
// key it names comes from the new project's own structure, never from the
// damaged file.
type repairer struct {
	p    *Project
	q    *sql.Tx
	src  *sql.DB
	got  *schema // the damaged project's structure
	rep  *RepairReport
	base string // the damaged project's file name without extension
}

// tableInfo is what the copy needs to know about a table of the new
// project.
type tableInfo struct {
	name    string
	columns []column
	keys    []string // primary key columns, for naming rows in the report
}

// copyAll copies every table, completes the project metadata and drops
// or clears references to rows that were lost.
func (r *repairer) copyAll(ctx context.Context) error {
	tables, err := r.copyOrder()
	if err != nil {
		return err
	}
	reports := map[string]*TableRepair{}
	r.rep.Tables = make([]TableRepair, len(tables))
	for i, t := range tables {
		reports[t.name] = &r.rep.Tables[i]
		if err := r.copyTable(ctx, t, reports[t.name]); err != nil {
			return err
		}
	}
	if err := r.completeMeta(); err != nil {
		return err
	}
	if err := r.dropOrphans(tables, reports); err != nil {
		return err
	}
	if err := recount(r.q); err != nil {
		return err
	}
	for _, t := range tables {
		if err := r.q.QueryRowContext(bg, "SELECT count(*) FROM main."+quoteName(t.name)).Scan(&reports[t.name].Kept); err != nil {
			return err
		}
	}
	return nil
}

// copyOrder lists the new project's ordinary tables (not virtual tables,
// whose content follows from the others, nor their shadow tables, nor the
// derived tables that recount fills), each after the tables it refers to.
func (r *repairer) copyOrder() ([]tableInfo, error) {
	rows, err := r.q.QueryContext(bg, `SELECT s.name FROM main.sqlite_schema s JOIN pragma_table_list l ON l.name = s.name AND l.schema = 'main'
		WHERE s.type = 'table' AND l.type = 'table' AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY s.rowid`)
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if !derivedTables[n] {
			names = append(names, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	parents := map[string][]string{}
	for _, n := range names {
		fks, err := foreignKeys(r.q, n)
		if err != nil {
			return nil, err
		}
		for _, fk := range fks {
			if fk.parent != n {
				parents[n] = append(parents[n], fk.parent)
			}
		}
	}
	var out []tableInfo
	placed := map[string]bool{}
	for len(out) < len(names) {
		progress := false
		for _, n := range names {
			if placed[n] || !allPlaced(parents[n], placed, names) {
				continue
			}
			t := tableInfo{name: n}
			if t.columns, err = columnsOf(r.q, n); err != nil {
				return nil, err
			}
			for _, c := range t.columns {
				if c.pk > 0 {
					t.keys = append(t.keys, c.name)
				}
			}
			out = append(out, t)
			placed[n] = true
			progress = true
		}
		if !progress { // a cycle of references: break it at the first table left
			for _, n := range names {
				if !placed[n] {
					parents[n] = nil
					break
				}
			}
		}
	}
	return out, nil
}

// allPlaced reports whether every parent that is a table being copied has
// been placed.
func allPlaced(parents []string, placed map[string]bool, names []string) bool {
	for _, p := range parents {
		if !placed[p] && containsFold(names, p) {
			return false
		}
	}
	return true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// copyTable copies the rows of one table that can be read.
func (r *repairer) copyTable(ctx context.Context, t tableInfo, tr *TableRepair) error {
	tr.Name = t.name
	o, ok := r.got.find("table", t.name)
	if !ok || strings.HasPrefix(o.sql, "create virtual table") {
		tr.Missing = true
		return nil
	}
	srcCols, err := columnsOf(r.src, t.name)
	if err != nil {
		tr.Damage = "its columns cannot be read: " + sqliteMessage(err)
		return nil
	}
	if seededTables[t.name] {
		if _, err := r.q.ExecContext(bg, "DELETE FROM main."+quoteName(t.name)); err != nil {
			return err
		}
	}
	var cols []string
	for _, c := range t.columns {
		if hasColumn(srcCols, c.name) {
			cols = append(cols, c.name)
		} else {
			tr.MissingColumns = append(tr.MissingColumns, c.name)
		}
	}
	if len(cols) == 0 {
		tr.Damage = "none of its columns is left"
		return nil
	}
	check := rowChecks[t.name]
	damage, err := readRows(ctx, r.src, t.name, sourceKeys(r.src, t.name, srcCols), cols, func(vals []any) error {
		tr.Read++
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			row[c] = vals[i]
		}
		key := rowKey(t, row)
		if check != nil {
			if err := check(r, row); err != nil {
				tr.lose(reasonOf(err), key)
				return nil
			}
		}
		err := r.insert(t, row)
		if isConstraint(err) {
			tr.lose(reasonOf(err), key)
			return nil
		}
		return err
	})
	tr.Damage = damage
	return err
}

func hasColumn(cols []column, name string) bool {
	for _, c := range cols {
		if strings.EqualFold(c.name, name) {
			return true
		}
	}
	return false
}

// sourceKeys returns the columns that order the damaged project's table:
// its rowid, or its primary key for a WITHOUT ROWID table.
func sourceKeys(src *sql.DB, table string, cols []column) []string {
	var wr int
	if src.QueryRow("SELECT wr FROM pragma_table_list(?) WHERE schema = 'main'", table).Scan(&wr); wr == 0 {
		return []string{"rowid"}
	}
	var keys []string
	for pk := 1; ; pk++ {
		found := false
		for _, c := range cols {
			if c.pk == pk {
				keys, found = append(keys, c.name), true
			}
		}
		if !found {
			return keys
		}
	}
}

// rowKey names a row in the report by its primary key.
func rowKey(t tableInfo, row map[string]any) string {
	var parts []string
	for _, k := range t.keys {
		parts = append(parts, fmt.Sprint(row[k]))
	}
	return strings.Join(parts, "/")
}

// insert adds a row to the new project; only the new table's columns are
// written, the others keep their defaults.
func (r *repairer) insert(t tableInfo, row map[string]any) error {
	var names, marks []string
	var args []any
	for _, c := range t.columns {
		if v, ok := row[c.name]; ok {
			names = append(names, quoteName(c.name))
			marks = append(marks, "?")
			args = append(args, v)
		}
	}
	_, err := r.q.ExecContext(bg, fmt.Sprintf("INSERT INTO main.%s(%s) VALUES (%s)", quoteName(t.name), strings.Join(names, ", "), strings.Join(marks, ", ")), args...)
	return err
}

// completeMeta puts the project's id, name and creation time back when
// they were lost.
func (r *repairer) completeMeta() error {
	info := storage.ProjectInfo{ID: storage.NewID(), Name: r.base, Created: now()}
	for _, kv := range metaRows(info) {
		res, err := r.q.ExecContext(bg, `INSERT INTO meta(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE meta.value = ''`, kv[0], kv[1])
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			r.notef("the project's %s was lost and is now %q", strings.ReplaceAll(kv[0], "_", " "), kv[1])
		}
	}
	return nil
}

func (r *repairer) notef(format string, args ...any) {
	r.rep.Notices = append(r.rep.Notices, fmt.Sprintf(format, args...))
}

// readRows calls fn with the values of cols for every row of table that
// can be read, in the order of keys. When reading meets damaged pages it
// reads on from the other end of the table, backwards, so that only the
// rows on damaged pages are lost; damage says what happened ("" when every
// row was read). An error from fn, or the context's, stops it and is
// returned.
func readRows(ctx context.Context, db *sql.DB, table string, keys, cols []string, fn func([]any) error) (damage string, err error) {
	var quoted []string
	for _, c := range append(append([]string(nil), keys...), cols...) {
		quoted = append(quoted, quoteName(c))
	}
	keyList := strings.Join(quoted[:len(keys)], ", ")
	sel := "SELECT " + strings.Join(quoted, ", ") + " FROM main." + quoteName(table)
	n, last, readErr, err := scanRows(ctx, db, sel+" ORDER BY "+keyList, nil, len(keys), fn)
	if err != nil || readErr == nil {
		return "", err
	}
	damage = fmt.Sprintf("reading stopped at a damaged page after %d rows (%s)", n, sqliteMessage(readErr))
	query, args := sel+" ORDER BY "+strings.ReplaceAll(keyList, ",", " DESC,")+" DESC", []any(nil)
	if last != nil {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(keys)), ", ")
		query, args = sel+" WHERE ("+keyList+") > ("+marks+") ORDER BY "+strings.ReplaceAll(keyList, ",", " DESC,")+" DESC", last
	}
	m, _, readErr, err := scanRows(ctx, db, query, args, len(keys), fn)
	if err != nil {
		return damage, err
	}
	damage += fmt.Sprintf("; %d more read backwards from the end of the table", m)
	if readErr != nil {
		damage += ", back to the damage"
	}
	return damage, nil
}

// scanRows runs query and calls fn with each row's values after its first
// nkeys columns. It returns how many rows it read, the key of the last
// one, the error that stopped reading (damage), and the error fn or the
// context stopped it with.
func scanRows(ctx context.Context, db *sql.DB, query string, args []any, nkeys int, fn func([]any) error) (n int, last []any, readErr, err error) {
	rows, qErr := db.QueryContext(ctx, query, args...)
	if qErr != nil {
		if ctx.Err() != nil {
			return 0, nil, nil, ctx.Err()
		}
		return 0, nil, qErr, nil
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, last, err, nil
		}
		if err := ctx.Err(); err != nil {
			return n, last, nil, err
		}
		if err := fn(vals[nkeys:]); err != nil {
			return n, last, nil, err
		}
		n++
		last = vals[:nkeys]
	}
	if ctx.Err() != nil {
		return n, last, nil, ctx.Err()
	}
	return n, last, rows.Err(), nil
}

// quoteName quotes an SQL identifier.
func quoteName(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// isConstraint reports whether err is SQLite refusing a row: a
// constraint (NOT NULL, UNIQUE, CHECK, a STRICT column's type) or a
// trigger's RAISE.
func isConstraint(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == 19 // SQLITE_CONSTRAINT and its extended codes
}

// reasonOf says why a row was not kept.
func reasonOf(err error) string {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return sqliteMessage(err)
	}
	return err.Error()
}
