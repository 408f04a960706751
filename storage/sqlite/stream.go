package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Exports read the project through Registry and EachDocument: the
// documents, annotations, relations and memos are four cursors over one
// read transaction (one consistent snapshot, which the writer never waits
// for), each ordered by document, merged as they are read. Memory is one
// document's worth, whatever the size of the project.

// Registry reads the coders, the codebook, the speakers and the sets, the
// sets narrowed to the documents opts selects.
func (p *Project) Registry(ctx context.Context, opts storage.SnapshotOptions) (storage.Registry, error) {
	var r storage.Registry
	err := p.readTx(ctx, func(tx *sql.Tx) error {
		sel, err := selection(ctx, tx, opts)
		if err != nil {
			return err
		}
		if r.Annotators, err = listAnnotators(tx); err != nil {
			return err
		}
		if r.Codes, err = listCodes(tx); err != nil {
			return err
		}
		if r.Speakers, err = queryAll(tx, "SELECT "+speakerCols+" FROM speakers s ORDER BY s.name COLLATE NOCASE, s.id", nil, func(s scanner) (storage.Speaker, error) { return scanSpeaker(s) }); err != nil {
			return err
		}
		sets, err := listSets(tx)
		if err != nil {
			return err
		}
		if r.Sets, err = sel.narrow(ctx, tx, sets); err != nil {
			return err
		}
		if p.version < attributesVersion {
			return nil
		}
		if r.Vocabularies, err = listVocabularies(ctx, tx); err != nil {
			return err
		}
		r.Variables, err = listVariables(ctx, tx)
		return err
	})
	return r, err
}

// EachDocument calls fn with each document opts selects, in import order,
// with its annotations, relations and memos (see storage.Source).
func (p *Project) EachDocument(ctx context.Context, opts storage.StreamOptions, fn func(*storage.DocumentData) error) error {
	return p.readTx(ctx, func(tx *sql.Tx) error {
		sel, err := selection(ctx, tx, opts.SnapshotOptions)
		if err != nil {
			return err
		}
		s, err := openStreams(ctx, tx, sel, opts, p.version)
		if err != nil {
			return err
		}
		defer s.close()
		return s.run(ctx, fn)
	})
}

// readTx runs fn in a read transaction: one snapshot of the project.
func (p *Project) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := p.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(p.path, err)
	}
	defer tx.Rollback()
	return schemaChanged(fn(tx))
}

// selected is the documents a SnapshotOptions selects, as SQL.
type selected struct {
	where    string // a condition on documents d; "" for all
	args     []any
	filtered bool // a part of the project, not all of it
	opts     storage.SnapshotOptions
}

// selection checks the documents and set opts names and returns the
// condition that selects them. A document asked for that is not there,
// or is outside the set asked for, is an error, not a silent omission.
func selection(ctx context.Context, tx *sql.Tx, opts storage.SnapshotOptions) (selected, error) {
	s := selected{opts: opts, filtered: len(opts.DocumentIDs) > 0 || opts.SetID != ""}
	var conds []string
	if len(opts.DocumentIDs) > 0 {
		ids, _ := json.Marshal(opts.DocumentIDs)
		conds = append(conds, "d.id IN (SELECT value FROM json_each(?))")
		s.args = append(s.args, string(ids))
		for _, id := range opts.DocumentIDs {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE id = ?", id).Scan(&n); err != nil {
				return s, err
			}
			if n == 0 {
				return s, fmt.Errorf("document %s: %w", id, storage.ErrNotFound)
			}
		}
	}
	if opts.SetID != "" {
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM sets WHERE id = ?", opts.SetID).Scan(&name); err != nil {
			if err == sql.ErrNoRows {
				return s, fmt.Errorf("set %s: %w", opts.SetID, storage.ErrNotFound)
			}
			return s, err
		}
		for _, id := range opts.DocumentIDs {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM set_documents WHERE set_id = ? AND document_id = ?", opts.SetID, id).Scan(&n); err != nil {
				return s, err
			}
			if n == 0 {
				return s, fmt.Errorf("document %s is not in the set %q: %w", id, name, storage.ErrNotFound)
			}
		}
		conds = append(conds, "d.id IN (SELECT document_id FROM set_documents WHERE set_id = ?)")
		s.args = append(s.args, opts.SetID)
	}
	s.where = strings.Join(conds, " AND ")
	return s, nil
}

// and returns the selection's condition joined to more conditions.
func (s selected) and(more ...string) (string, []any) {
	var conds []string
	if s.where != "" {
		conds = append(conds, s.where)
	}
	conds = append(conds, more...)
	if len(conds) == 0 {
		return "", s.args
	}
	return " WHERE " + strings.Join(conds, " AND "), s.args
}

// annotationFilter is the condition on an annotation (alias t) that the
// options keep: its coder, and coders' judgements only unless suggestions
// are asked for.
func (s selected) annotationFilter(t string) (string, []any) {
	var conds []string
	var args []any
	if s.opts.AnnotatorID != "" {
		conds = append(conds, t+".annotator_id = ?")
		args = append(args, s.opts.AnnotatorID)
	}
	if !s.opts.IncludeSuggestions {
		conds = append(conds, t+".state NOT IN ('"+storage.StateSuggested+"', '"+storage.StateRejected+"')")
	}
	return strings.Join(conds, " AND "), args
}

// narrow keeps each set's members that are selected; when only part of the
// project is selected, sets left with no member are left out.
func (s selected) narrow(ctx context.Context, tx *sql.Tx, sets []storage.Set) ([]storage.Set, error) {
	if !s.filtered {
		return sets, nil
	}
	where, args := s.and()
	ids, err := queryAll(tx, "SELECT d.id FROM documents d"+where, args, func(r scanner) (string, error) {
		var id string
		return id, r.Scan(&id)
	})
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	var out []storage.Set
	for _, set := range sets {
		members := []string{}
		for _, id := range set.DocumentIDs {
			if in[id] {
				members = append(members, id)
			}
		}
		if len(members) > 0 {
			set.DocumentIDs = members
			out = append(out, set)
		}
	}
	return out, nil
}
