package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"github.com/saywho-app/saywho/storage"
)

// cursor reads one ordered query whose first column is the sequence
// number of the document each row belongs to.
type cursor[T any] struct {
	rows *sql.Rows
	scan func(scanner) (T, error)
	seq  int64 // the current row's document; -1 at the end
	row  T
}

// seqScanner reads the document's sequence number before the row.
type seqScanner struct {
	rows *sql.Rows
	seq  *int64
}

func (s seqScanner) Scan(dest ...any) error {
	return s.rows.Scan(append([]any{s.seq}, dest...)...)
}

// openCursor runs query and reads its first row; a nil cursor when the
// part is not wanted.
func openCursor[T any](ctx context.Context, tx *sql.Tx, want bool, query string, args []any, scan func(scanner) (T, error)) (*cursor[T], error) {
	if !want {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	c := &cursor[T]{rows: rows, scan: scan}
	return c, c.next()
}

// next moves to the following row.
func (c *cursor[T]) next() error {
	if !c.rows.Next() {
		c.seq = -1
		return c.rows.Err()
	}
	var err error
	c.row, err = c.scan(seqScanner{c.rows, &c.seq})
	return err
}

// take appends the rows of document seq to list.
func (c *cursor[T]) take(seq int64, list []T) ([]T, error) {
	if c == nil {
		return list, nil
	}
	for c.seq >= 0 && c.seq < seq {
		if err := c.next(); err != nil { // rows of a document not selected
			return list, err
		}
	}
	for c.seq == seq {
		list = append(list, c.row)
		if err := c.next(); err != nil {
			return list, err
		}
	}
	return list, nil
}

func (c *cursor[T]) close() {
	if c != nil {
		c.rows.Close()
	}
}

// streams are the four cursors of EachDocument.
type streams struct {
	docs  *cursor[storage.Document]
	anns  *cursor[storage.Annotation]
	rels  *cursor[storage.Relation]
	memos *cursor[storage.Memo]
}

// openStreams opens the cursors over the selected documents and the parts
// of them opts asks for, in a project of that schema version.
func openStreams(ctx context.Context, tx *sql.Tx, sel selected, opts storage.StreamOptions, version int) (*streams, error) {
	s := &streams{}
	var err error
	f := docFields{text: !opts.NoText, vars: !opts.NoVariables}
	where, args := sel.and()
	s.docs, err = openCursor(ctx, tx, true, "SELECT d.seq, "+f.cols(version)+" FROM documents d"+where+" ORDER BY d.seq", args,
		func(r scanner) (storage.Document, error) { return scanDocument(r, f) })
	if err != nil {
		return s, err
	}
	keep, keepArgs := sel.annotationFilter("a")
	where, args = sel.and(nonEmpty(keep)...)
	s.anns, err = openCursor(ctx, tx, !opts.NoAnnotations,
		"SELECT d.seq, "+annotationCols+" FROM annotations a JOIN documents d ON d.id = a.document_id"+where+
			" ORDER BY d.seq, a.start, a.end DESC, a.id", slices.Concat(args, keepArgs), scanAnnotation)
	if err != nil {
		return s, err
	}
	keepT, keepTArgs := sel.annotationFilter("t")
	conds := nonEmpty(keep)
	if keepT != "" {
		conds = append(conds, "(t.id IS NULL OR ("+keepT+"))")
	}
	where, args = sel.and(conds...)
	s.rels, err = openCursor(ctx, tx, !opts.NoRelations,
		"SELECT d.seq, "+relationCols+" FROM relations r JOIN annotations a ON a.id = r.source_id JOIN documents d ON d.id = a.document_id"+
			" LEFT JOIN annotations t ON t.id = r.target_annotation_id"+where+" ORDER BY d.seq, a.start, r.created, r.id",
		slices.Concat(args, keepArgs, keepTArgs), scanRelation)
	if err != nil {
		return s, err
	}
	var memoConds []string
	var memoArgs []any
	if opts.AnnotatorID != "" {
		memoConds, memoArgs = []string{"m.annotator_id = ?"}, []any{opts.AnnotatorID}
	}
	where, args = sel.and(memoConds...)
	s.memos, err = openCursor(ctx, tx, !opts.NoMemos,
		"SELECT d.seq, m.id, m.document_id, m.annotator_id, m.text, m.created, m.modified FROM memos m JOIN documents d ON d.id = m.document_id"+
			where+" ORDER BY d.seq, m.created, m.id", slices.Concat(args, memoArgs), scanMemo)
	return s, err
}

func nonEmpty(cond string) []string {
	if cond == "" {
		return nil
	}
	return []string{cond}
}

// run merges the cursors document by document.
func (s *streams) run(ctx context.Context, fn func(*storage.DocumentData) error) error {
	var d storage.DocumentData
	for s.docs.seq >= 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		seq := s.docs.seq
		d = storage.DocumentData{Document: s.docs.row, Annotations: d.Annotations[:0], Relations: d.Relations[:0], Memos: d.Memos[:0]}
		var err error
		if d.Annotations, err = s.anns.take(seq, d.Annotations); err != nil {
			return err
		}
		if d.Relations, err = s.rels.take(seq, d.Relations); err != nil {
			return err
		}
		if d.Memos, err = s.memos.take(seq, d.Memos); err != nil {
			return err
		}
		if err := fn(&d); err != nil {
			return err
		}
		if err := s.docs.next(); err != nil {
			return err
		}
	}
	return nil
}

func (s *streams) close() {
	s.docs.close()
	s.anns.close()
	s.rels.close()
	s.memos.close()
}
