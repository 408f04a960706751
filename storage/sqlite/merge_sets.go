package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// mergeSets adds a bundle's sets after its documents, in one transaction.
// A set already in the project (same id, else same name) gains the
// members it lacks, so two coders' sets of one name become one. A member
// is found by its id, else by its text (a document whose text was already
// in the project under another id); members found in neither way are
// reported.
func (p *Project) mergeSets(ctx context.Context, b *storage.Bundle, rep *storage.MergeReport) error {
	if len(b.Sets) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	hashes := map[string]string{}
	for _, d := range b.Documents {
		h := d.SHA256
		if h == "" && d.Text != "" {
			h = textutil.SHA256(textutil.Normalize(d.Text))
		}
		hashes[d.ID] = h
	}
	return p.write(ctx, "Import sets", func(q querier) error {
		for _, s := range b.Sets {
			id, err := targetSet(q, s, rep)
			if err != nil {
				return err
			}
			missing := 0
			for _, doc := range s.DocumentIDs {
				target, err := memberDocument(q, doc, hashes[doc])
				if err != nil {
					return err
				}
				if target == "" {
					missing++
					continue
				}
				n, err := addMembers(q, id, []string{target})
				if err != nil {
					return err
				}
				rep.SetMembers += n
			}
			if missing > 0 {
				rep.Notices = append(rep.Notices, fmt.Sprintf("set %q: %d of its documents are not in the project and were left out of it", s.Name, missing))
			}
		}
		return nil
	})
}

// targetSet returns the id of the project's set that s merges into,
// creating it when there is none.
func targetSet(q querier, s storage.Set, rep *storage.MergeReport) (string, error) {
	name, err := setName(s.Name)
	if err != nil {
		name = "Unnamed set"
	}
	var id string
	err = q.QueryRowContext(bg, "SELECT id FROM sets WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1", s.ID, name, s.ID).Scan(&id)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	s.Name = name
	if !storage.ValidID(s.ID) {
		s.ID = storage.NewID()
	}
	if s.Created.IsZero() {
		s.Created = now()
	}
	if err := insertSet(q, s); err != nil {
		return "", err
	}
	rep.Sets++
	return s.ID, nil
}

// memberDocument finds the project's document for a bundle document id,
// by id or else by the text's hash; "" when there is none.
func memberDocument(q querier, id, hash string) (string, error) {
	var found string
	err := q.QueryRowContext(bg, "SELECT id FROM documents WHERE id = ? OR (? <> '' AND sha256 = ?) ORDER BY id = ? DESC LIMIT 1", id, hash, hash, id).Scan(&found)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return found, err
}
