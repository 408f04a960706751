package sqlite

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/saywho-app/saywho/storage"
)

// Change capture follows the undo log's recipe: temporary triggers on the
// writing connection note, for every row a transaction inserts, updates or
// deletes, what it belongs to (its table, annotation, document, speaker)
// in temp.changelog. After each commit the notes become one
// storage.Change for the subscribers and are cleared. Whatever wrote the
// rows (an action, an undo, a merge) is described the same way, with no
// per-action bookkeeping. The triggers exist only once something
// subscribed: the command line pays nothing for them.

// changeTriggers are the triggers of each logged table: one statement
// template per trigger, ROW standing for "new" or "old".
var changeTriggers = map[string][]string{
	"meta":        {`('project', NULL, NULL, NULL)`},
	"annotators":  {`('annotators', NULL, NULL, NULL)`},
	"codes":       {`('codes', NULL, NULL, NULL)`},
	"speakers":    {`('speakers', NULL, NULL, ROW.id)`},
	"documents":   {`('documents', NULL, ROW.id, NULL)`},
	"annotations": {`('annotations', ROW.id, ROW.document_id, ROW.speaker_id)`},
	"annotation_codes": {`('annotations', ROW.annotation_id,
		(SELECT document_id FROM main.annotations WHERE id = ROW.annotation_id), NULL)`},
	"relations": {`('annotations', ROW.source_id,
		(SELECT document_id FROM main.annotations WHERE id = ROW.source_id),
		coalesce(ROW.target_speaker_id, (SELECT speaker_id FROM main.annotations WHERE id = ROW.target_annotation_id)))`,
		`('annotations', ROW.target_annotation_id, NULL, NULL)`},
	"memos":              {`('memos', NULL, ROW.document_id, NULL)`},
	"sets":               {`('sets', NULL, NULL, NULL)`},
	"set_documents":      {`('sets', NULL, NULL, NULL)`},
	"vocabularies":       {`('vocabularies', NULL, NULL, NULL)`},
	"variables":          {`('variables', NULL, NULL, NULL)`},
	"document_variables": {`('documents', NULL, ROW.document_id, NULL)`},
}

// changeLog collects the notes of the writing connection and hands
// changes to the subscribers.
type changeLog struct {
	mu        sync.Mutex
	enabled   bool
	next      int
	listeners map[int]func(storage.Change)
}

// Subscribe calls fn with every change committed through this project
// from now on (on the goroutine that made it, after the commit), until
// the returned cancel is called. The first subscription sets up the
// change capture on the writing connection.
func (p *Project) Subscribe(fn func(storage.Change)) (cancel func(), err error) {
	if !p.readOnly {
		if err := p.enableChanges(); err != nil {
			return nil, err
		}
	}
	l := &p.changes
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.listeners == nil {
		l.listeners = map[int]func(storage.Change){}
	}
	id := l.next
	l.next++
	l.listeners[id] = fn
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		delete(l.listeners, id)
	}, nil
}

// enableChanges creates temp.changelog and its triggers once.
func (p *Project) enableChanges() error {
	if err := p.acquire(bg); err != nil {
		return err
	}
	defer p.release()
	l := &p.changes
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.enabled {
		return nil
	}
	stmts := []string{`CREATE TEMP TABLE IF NOT EXISTS changelog (tbl TEXT NOT NULL, ann TEXT, doc TEXT, speaker TEXT)`}
	for table, rows := range changeTriggers {
		for _, op := range []struct{ name, when, ref string }{{"i", "INSERT", "new"}, {"d", "DELETE", "old"}, {"u", "UPDATE", "new"}, {"v", "UPDATE", "old"}} {
			values := make([]string, len(rows))
			for i, r := range rows {
				values[i] = strings.ReplaceAll(r, "ROW.", op.ref+".")
			}
			stmts = append(stmts, fmt.Sprintf("CREATE TEMP TRIGGER IF NOT EXISTS change_%s_%s AFTER %s ON main.%s BEGIN\n\tINSERT INTO changelog(tbl, ann, doc, speaker) VALUES %s;\nEND",
				table, op.name, op.when, table, joinValues(values)))
		}
	}
	for _, s := range stmts {
		if _, err := p.wconn.ExecContext(bg, s); err != nil {
			return fmt.Errorf("enable change capture: %w", err)
		}
	}
	l.enabled = true
	return nil
}

func joinValues(v []string) string {
	out := v[0]
	for _, x := range v[1:] {
		out += ", " + x
	}
	return out
}

// collect turns the notes taken since the last call into a Change and
// clears them. It returns a change with Reload set if the notes cannot be
// read: subscribers then read everything again rather than miss a change.
func (l *changeLog) collect(c *sql.Conn) storage.Change {
	l.mu.Lock()
	enabled := l.enabled
	l.mu.Unlock()
	if !enabled {
		return storage.Change{}
	}
	var ch storage.Change
	rows, err := c.QueryContext(bg, "SELECT DISTINCT tbl, coalesce(ann, ''), coalesce(doc, ''), coalesce(speaker, '') FROM temp.changelog")
	if err != nil {
		return storage.Change{Reload: true}
	}
	for rows.Next() {
		var tbl, ann, doc, speaker string
		if err := rows.Scan(&tbl, &ann, &doc, &speaker); err != nil {
			rows.Close()
			return storage.Change{Reload: true}
		}
		switch tbl {
		case "project":
			ch.Project = true
		case "annotators":
			ch.Annotators = true
		case "codes":
			ch.Codes = true
		case "sets":
			ch.Sets = true
		case "vocabularies":
			ch.Vocabularies = true
		case "variables":
			ch.Variables = true
		case "documents":
			ch.Documents = addID(ch.Documents, doc)
		case "annotations", "memos":
			ch.Content = addID(ch.Content, doc)
			ch.Annotations = addID(ch.Annotations, ann)
		}
		ch.Speakers = addID(ch.Speakers, speaker)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return storage.Change{Reload: true}
	}
	if _, err := c.ExecContext(bg, "DELETE FROM temp.changelog"); err != nil {
		return storage.Change{Reload: true}
	}
	return ch
}

// addID adds id to a list unless it is empty or there already.
func addID(list []string, id string) []string {
	if id == "" || slices.Contains(list, id) {
		return list
	}
	return append(list, id)
}

// publish hands a change to every subscriber.
func (p *Project) publish(c storage.Change) {
	if c.Empty() {
		return
	}
	l := &p.changes
	l.mu.Lock()
	fns := make([]func(storage.Change), 0, len(l.listeners))
	for _, fn := range l.listeners {
		fns = append(fns, fn)
	}
	l.mu.Unlock()
	for _, fn := range fns {
		fn(c)
	}
}
