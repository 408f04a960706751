package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/saywho-app/saywho/storage"
)

// Undo and redo follow SQLite's "automatic undo/redo with triggers" recipe:
// temporary triggers on the writing connection log, for every row a
// transaction inserts, updates or deletes, the SQL statement that reverses
// it. One user action (one transaction) is one group of log entries; undo
// runs a group's statements in reverse order, and the triggers log their
// reversal, which becomes the redo group. Every change made through the
// Project API is thereby undoable, whatever its kind, with no per-action
// inverse code.

// maxHistory is how many actions can be undone.
const maxHistory = 500

// undoTables are the tables whose changes are logged, with the columns
// never written by an update (the immutable text of documents).
var undoTables = map[string][]string{
	"meta": nil, "annotators": nil, "codes": nil, "speakers": nil,
	"documents":   {"text", "sha256", "length"},
	"annotations": nil, "annotation_codes": nil, "relations": nil, "memos": nil,
	"sets": nil, "set_documents": nil,
	"vocabularies": nil, "variables": nil, "document_variables": nil,
}

type group struct {
	label    string
	from, to int64 // undolog seq range, inclusive
}

type history struct {
	mu         sync.Mutex // guards the stacks for readers of the labels; writers also hold the write token
	undo, redo []group
}

// EnableUndo turns on undo and redo for this session. The GUI calls it; the
// command line does not need it.
func (p *Project) EnableUndo() error {
	if p.readOnly {
		return nil
	}
	if err := p.acquire(bg); err != nil {
		return err
	}
	defer p.release()
	if p.history != nil {
		return nil
	}
	stmts := []string{`CREATE TEMP TABLE IF NOT EXISTS undolog (seq INTEGER PRIMARY KEY AUTOINCREMENT, sql TEXT NOT NULL)`}
	for table, immutable := range undoTables {
		cols, pk, err := tableColumns(p.wconn, table)
		if err != nil {
			return err
		}
		stmts = append(stmts, undoTriggers(table, cols, pk, immutable)...)
	}
	for _, s := range stmts {
		if _, err := p.wconn.ExecContext(bg, s); err != nil {
			return fmt.Errorf("enable undo: %w", err)
		}
	}
	p.history = &history{}
	return nil
}

func tableColumns(c *sql.Conn, table string) (cols, pk []string, err error) {
	rows, err := c.QueryContext(bg, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	type col struct {
		name string
		pk   int
	}
	var all []col
	for rows.Next() {
		var c col
		if err := rows.Scan(&c.name, &c.pk); err != nil {
			return nil, nil, err
		}
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	pkByPos := map[int]string{}
	for _, c := range all {
		cols = append(cols, c.name)
		if c.pk > 0 {
			pkByPos[c.pk] = c.name
		}
	}
	for i := 1; i <= len(pkByPos); i++ {
		pk = append(pk, pkByPos[i])
	}
	return cols, pk, nil
}

// undoTriggers builds the three logging triggers of one table.
func undoTriggers(table string, cols, pk, immutable []string) []string {
	where := func(ref string) string {
		parts := make([]string, len(pk))
		for i, k := range pk {
			parts[i] = fmt.Sprintf("'%s='||quote(%s.%s)", k, ref, k)
		}
		return "' WHERE '||" + strings.Join(parts, "||' AND '||")
	}
	vals := make([]string, len(cols))
	for i, c := range cols {
		vals[i] = fmt.Sprintf("quote(old.%s)", c)
	}
	var sets []string
	for _, c := range cols {
		if contains(immutable, c) {
			continue
		}
		sets = append(sets, fmt.Sprintf("CASE WHEN old.%[1]s IS NOT new.%[1]s THEN ',%[1]s='||quote(old.%[1]s) ELSE '' END", c))
	}
	ins := fmt.Sprintf(`CREATE TEMP TRIGGER undo_%[1]s_i AFTER INSERT ON main.%[1]s BEGIN
	INSERT INTO undolog(sql) VALUES ('DELETE FROM %[1]s'||%[2]s);
END`, table, where("new"))
	del := fmt.Sprintf(`CREATE TEMP TRIGGER undo_%[1]s_d AFTER DELETE ON main.%[1]s BEGIN
	INSERT INTO undolog(sql) VALUES ('INSERT INTO %[1]s(%[2]s) VALUES('||%[3]s||')');
END`, table, strings.Join(cols, ","), strings.Join(vals, "||','||"))
	upd := fmt.Sprintf(`CREATE TEMP TRIGGER undo_%[1]s_u AFTER UPDATE ON main.%[1]s BEGIN
	INSERT INTO undolog(sql) SELECT 'UPDATE %[1]s SET '||substr(s, 2)||%[2]s FROM (SELECT %[3]s AS s) WHERE s <> '';
END`, table, where("old"), strings.Join(sets, "||"))
	return []string{ins, del, upd}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func lastSeq(ctx context.Context, c *sql.Conn) int64 {
	var n sql.NullInt64
	c.QueryRowContext(ctx, "SELECT seq FROM temp.sqlite_sequence WHERE name = 'undolog'").Scan(&n)
	return n.Int64
}

// mark returns the log position before an action; nil-safe.
func (h *history) mark(ctx context.Context, c *sql.Conn) int64 {
	if h == nil {
		return 0
	}
	return lastSeq(ctx, c)
}

// record pushes the entries logged since mark as one undoable action and
// clears the redo stack; nil-safe.
func (h *history) record(ctx context.Context, c *sql.Conn, label string, mark int64) {
	if h == nil {
		return
	}
	end := lastSeq(ctx, c)
	if end <= mark {
		return
	}
	for _, g := range h.redo {
		c.ExecContext(ctx, "DELETE FROM undolog WHERE seq BETWEEN ? AND ?", g.from, g.to)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.redo = nil
	h.undo = append(h.undo, group{label: label, from: mark + 1, to: end})
	if len(h.undo) > maxHistory {
		old := h.undo[0]
		c.ExecContext(ctx, "DELETE FROM undolog WHERE seq BETWEEN ? AND ?", old.from, old.to)
		h.undo = h.undo[1:]
	}
}

// UndoLabel and RedoLabel name the action Undo or Redo would reverse, or ""
// when there is none.
func (p *Project) UndoLabel() string { return p.topLabel(false) }

// RedoLabel: see UndoLabel.
func (p *Project) RedoLabel() string { return p.topLabel(true) }

func (p *Project) topLabel(redo bool) string {
	h := p.history
	if h == nil {
		return ""
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.undo
	if redo {
		s = h.redo
	}
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1].label
}

// Undo reverses the most recent action and returns its label.
func (p *Project) Undo(ctx context.Context) (string, error) {
	label, err := p.replay(ctx, false)
	return label, schemaChanged(err)
}

// Redo repeats the most recently undone action and returns its label.
func (p *Project) Redo(ctx context.Context) (string, error) {
	label, err := p.replay(ctx, true)
	return label, schemaChanged(err)
}

// replay undoes (or redoes) the top group of the history in one
// transaction and publishes what it changed.
func (p *Project) replay(ctx context.Context, redo bool) (string, error) {
	if p.readOnly {
		return "", storage.ErrReadOnly
	}
	empty, verb := storage.ErrNothingToUndo, "Undo"
	if redo {
		empty, verb = storage.ErrNothingToRedo, "Redo"
	}
	h := p.history
	if h == nil {
		return "", empty
	}
	var g group
	var mark int64
	c, err := p.transact(ctx, "", func(tx *sql.Tx) error {
		from, _ := h.stacks(redo)
		if len(*from) == 0 {
			return empty
		}
		g = (*from)[len(*from)-1]
		mark = lastSeq(bg, p.wconn)
		if err := runGroup(tx, g); err != nil {
			return fmt.Errorf("cannot %s %q: %w", strings.ToLower(verb), g.label, err)
		}
		return nil
	}, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		from, to := h.stacks(redo)
		*from = (*from)[:len(*from)-1]
		if end := lastSeq(bg, p.wconn); end > mark {
			*to = append(*to, group{label: g.label, from: mark + 1, to: end})
		}
	})
	if err != nil {
		return "", err
	}
	c.Label = verb + " " + g.label
	p.publish(c)
	return g.label, nil
}

// stacks returns the stack replay takes from and the one it pushes to.
func (h *history) stacks(redo bool) (from, to *[]group) {
	if redo {
		return &h.redo, &h.undo
	}
	return &h.undo, &h.redo
}

// runGroup executes a group's reversing statements newest first, with
// foreign keys checked at commit, so the order of cascaded rows does not
// matter, then drops the group from the log.
func runGroup(tx *sql.Tx, g group) error {
	if _, err := tx.Exec("PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	rows, err := tx.Query("SELECT sql FROM undolog WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", g.from, g.to)
	if err != nil {
		return err
	}
	var stmts []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		stmts = append(stmts, s)
	}
	rows.Close()
	if _, err := tx.Exec("DELETE FROM undolog WHERE seq BETWEEN ? AND ?", g.from, g.to); err != nil {
		return err
	}
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return err
		}
	}
	return nil
}
