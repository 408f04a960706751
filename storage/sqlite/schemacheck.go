package sqlite

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/saywho-app/saywho/storage"
)

// A project's structure (its tables, columns, indexes, triggers and views,
// the full-text index's shadow tables included) must be exactly the one
// Saywho's migrations build for its schema version: a table dropped, a
// trigger added or a column changed by another program is refused before
// anything is written (see Open, OpenForCheck and Repair).

// schemaObject is one entry of a database's sqlite_schema table.
type schemaObject struct {
	typ, name, table string
	sql              string // normalised with normaliseSQL
}

// schema is a database's structure, in the order of its sqlite_schema
// table.
type schema struct {
	objects []schemaObject
	byKey   map[string]int      // "type name" -> index in objects
	columns map[string][]column // table -> its columns; filled for the expected schemas only
}

func objectKey(typ, name string) string { return typ + " " + strings.ToLower(name) }

// find returns the object of that type and name.
func (s *schema) find(typ, name string) (schemaObject, bool) {
	i, ok := s.byKey[objectKey(typ, name)]
	if !ok {
		return schemaObject{}, false
	}
	return s.objects[i], true
}

// hasTable reports whether s has a table (or view) of that name.
func (s *schema) hasTable(name string) bool {
	_, table := s.find("table", name)
	_, view := s.find("view", name)
	return table || view
}

// internalTable reports whether SQLite itself makes a table on demand
// (ANALYZE statistics, AUTOINCREMENT counters): those are not compared.
func internalTable(name string) bool {
	switch strings.ToLower(name) {
	case "sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4":
		return true
	}
	return false
}

// readSchema reads the structure of the main database of db. The indexes
// SQLite makes for PRIMARY KEY and UNIQUE constraints (which have no SQL
// of their own) follow from their table's SQL and are left out.
func readSchema(db querier) (*schema, error) {
	rows, err := db.QueryContext(bg, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s := &schema{byKey: map[string]int{}}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		if o.typ == "table" && internalTable(o.name) {
			continue
		}
		o.sql = normaliseSQL(o.sql)
		s.byKey[objectKey(o.typ, o.name)] = len(s.objects)
		s.objects = append(s.objects, o)
	}
	return s, rows.Err()
}

// expected caches, per schema version, the structure Saywho's migrations
// build, read from a database made in memory the first time it is needed.
var expected struct {
	sync.Mutex
	byVersion map[int]*schema
}

// expectedSchema returns the structure of a project of that version:
// migrations[0:version] applied to an empty database.
func expectedSchema(version int) (*schema, error) {
	if version < 1 || version > len(migrations) {
		return nil, fmt.Errorf("no schema version %d: %w", version, storage.ErrInvalid)
	}
	expected.Lock()
	defer expected.Unlock()
	if s := expected.byVersion[version]; s != nil {
		return s, nil
	}
	db, err := buildExpected(version)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	s, err := readSchema(db)
	if err != nil {
		return nil, err
	}
	s.columns = map[string][]column{}
	for _, o := range s.objects {
		if o.typ == "table" {
			if s.columns[o.name], err = columnsOf(db, o.name); err != nil {
				return nil, err
			}
		}
	}
	if expected.byVersion == nil {
		expected.byVersion = map[int]*schema{}
	}
	expected.byVersion[version] = s
	return s, nil
}

// buildExpected makes an in-memory database holding the structure of a
// project of that version (and no rows). The caller closes it.
func buildExpected(version int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // every connection to :memory: is a database of its own
	for v := 0; v < version; v++ {
		if _, err := db.Exec(migrations[v]); err != nil {
			db.Close()
			return nil, fmt.Errorf("schema %d: %w", v+1, err)
		}
	}
	return db, nil
}

// schemaDiff is one difference between a project's structure and the
// expected one.
type schemaDiff struct {
	typ, name string
	change    string // "missing", "added" or "changed"
	detail    string // for a changed table: what changed in its columns
}

func (d schemaDiff) String() string {
	switch d.change {
	case "missing":
		return fmt.Sprintf("%s %s is missing", d.typ, d.name)
	case "added":
		return fmt.Sprintf("%s %s was added", d.typ, d.name)
	}
	if d.detail != "" {
		return fmt.Sprintf("%s %s was changed (%s)", d.typ, d.name, d.detail)
	}
	return fmt.Sprintf("%s %s was changed", d.typ, d.name)
}

// compareSchema lists how got differs from want: what is missing, then
// what was changed, both in want's order, then what was added, in got's
// order. The indexes and triggers of a missing or added table are not
// listed apart from it. columns describes, for a table whose SQL differs,
// how its columns differ; it may be nil.
func compareSchema(want, got *schema, columns func(table string) string) []schemaDiff {
	var missing, changed, added []schemaDiff
	for _, w := range want.objects {
		g, ok := got.find(w.typ, w.name)
		switch {
		case !ok && w.typ != "table" && w.typ != "view" && !got.hasTable(w.table):
			// gone with its table
		case !ok:
			missing = append(missing, schemaDiff{typ: w.typ, name: w.name, change: "missing"})
		case g.sql != w.sql || !strings.EqualFold(g.table, w.table):
			d := schemaDiff{typ: w.typ, name: w.name, change: "changed"}
			if w.typ == "table" && columns != nil {
				d.detail = columns(w.name)
			}
			changed = append(changed, d)
		}
	}
	for _, g := range got.objects {
		if _, ok := want.find(g.typ, g.name); !ok && (g.typ == "table" || g.typ == "view" || want.hasTable(g.table)) {
			added = append(added, schemaDiff{typ: g.typ, name: g.name, change: "added"})
		}
	}
	return append(append(missing, changed...), added...)
}

// schemaDifferences compares the structure of db, a project of that
// schema version, with the one Saywho expects.
func schemaDifferences(db querier, version int) ([]schemaDiff, error) {
	want, err := expectedSchema(version)
	if err != nil {
		return nil, err
	}
	got, err := readSchema(db)
	if err != nil {
		return nil, err
	}
	return compareSchema(want, got, func(table string) string {
		cols, err := columnsOf(db, table)
		if err != nil {
			return ""
		}
		return describeColumns(want.columns[table], cols)
	}), nil
}

// column is one column of a table as PRAGMA table_info describes it.
type column struct {
	name, decl string // decl: type, NOT NULL, DEFAULT and key position
	notNull    bool
	pk         int // position in the primary key, 0 when not part of it
}

// columnsOf reads the columns of a table of db's main database.
func columnsOf(db querier, table string) ([]column, error) {
	rows, err := db.QueryContext(bg, `SELECT name, type, "notnull", coalesce(dflt_value, ''), pk FROM pragma_table_info(?, 'main') ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []column
	for rows.Next() {
		var c column
		var typ, dflt string
		var notNull int
		if err := rows.Scan(&c.name, &typ, &notNull, &dflt, &c.pk); err != nil {
			return nil, err
		}
		c.notNull = notNull != 0
		c.decl = strings.ToUpper(typ)
		if c.notNull {
			c.decl += " NOT NULL"
		}
		if dflt != "" {
			c.decl += " DEFAULT " + dflt
		}
		if c.pk > 0 {
			c.decl += fmt.Sprintf(" (key %d)", c.pk)
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// describeColumns says how the columns of a table differ: "column x is
// missing, column y was added, column z changed from TEXT to INTEGER", or
// "its constraints differ" when the columns are alike.
func describeColumns(want, got []column) string {
	var parts []string
	have := map[string]column{}
	for _, c := range got {
		have[strings.ToLower(c.name)] = c
	}
	known := map[string]bool{}
	for _, w := range want {
		known[strings.ToLower(w.name)] = true
		g, ok := have[strings.ToLower(w.name)]
		switch {
		case !ok:
			parts = append(parts, "column "+w.name+" is missing")
		case g.decl != w.decl:
			parts = append(parts, fmt.Sprintf("column %s changed from %s to %s", w.name, w.decl, g.decl))
		}
	}
	var extra []string
	for _, g := range got {
		if !known[strings.ToLower(g.name)] {
			extra = append(extra, "column "+g.name+" was added")
		}
	}
	sort.Strings(extra)
	parts = append(parts, extra...)
	if len(parts) == 0 {
		return "its constraints differ"
	}
	return strings.Join(parts, ", ")
}
