package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/saywho-app/saywho/storage"
)

// Link stores a relation after checking that its type allows the pair. The
// id, created time are filled in when empty. Linking a quote or claim that
// already has a said_by/claimed_by link replaces that link: a quote has
// one speaker.
func (p *Project) Link(ctx context.Context, r storage.Relation) (storage.Relation, error) {
	err := p.write(ctx, "Link "+string(r.Type), func(q querier) error {
		var err error
		r, err = addRelation(q, r, true)
		return err
	})
	return r, err
}

func addRelation(q querier, r storage.Relation, replace bool) (storage.Relation, error) {
	r, err := prepareRelation(q, r)
	if err != nil {
		return r, err
	}
	if replace && (r.Type == storage.RelSaidBy || r.Type == storage.RelClaimedBy) {
		if _, err := q.ExecContext(bg, "DELETE FROM relations WHERE source_id = ? AND type = ?", r.SourceID, string(r.Type)); err != nil {
			return r, err
		}
	}
	_, err = q.ExecContext(bg, `INSERT INTO relations(id, type, source_id, target_annotation_id, target_speaker_id, annotator_id, created) VALUES (?,?,?,?,?,?,?)`,
		r.ID, string(r.Type), r.SourceID, nullable(r.TargetID), nullable(r.TargetSpeakerID), r.AnnotatorID, fmtTime(r.Created))
	if err != nil {
		return r, explainConstraint(err, "relation "+r.ID)
	}
	return r, nil
}

// prepareRelation checks that r's ends exist, lie in one document and
// form a pair its type allows, and fills in its id, creation time and
// coder when empty.
func prepareRelation(q querier, r storage.Relation) (storage.Relation, error) {
	src, err := getAnnotation(q, r.SourceID)
	if err != nil {
		return r, err
	}
	var dstKind storage.Kind
	if (r.TargetID == "") == (r.TargetSpeakerID == "") {
		return r, fmt.Errorf("relation: %w: give exactly one of a target annotation and a target speaker", storage.ErrInvalid)
	}
	if r.TargetID != "" {
		dst, err := getAnnotation(q, r.TargetID)
		if err != nil {
			return r, err
		}
		if dst.DocumentID != src.DocumentID {
			return r, fmt.Errorf("relation: %w: both ends must be in the same document", storage.ErrInvalid)
		}
		dstKind = dst.Kind
	}
	if err := storage.CheckRelation(r.Type, src.Kind, dstKind, r.TargetSpeakerID != ""); err != nil {
		return r, err
	}
	if r.ID == "" {
		r.ID = storage.NewID()
	}
	if r.Created.IsZero() {
		r.Created = now()
	}
	if r.AnnotatorID == "" {
		r.AnnotatorID = src.AnnotatorID
	}
	return r, nil
}

// Unlink deletes a relation.
func (p *Project) Unlink(ctx context.Context, id string) error {
	return p.write(ctx, "Remove link", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM relations WHERE id = ?", id)
		return mustAffect(res, err, "relation", id)
	})
}

const relationCols = "r.id, r.type, r.source_id, coalesce(r.target_annotation_id, ''), coalesce(r.target_speaker_id, ''), r.annotator_id, r.created"

func scanRelation(s scanner) (storage.Relation, error) {
	var r storage.Relation
	var t, created string
	err := s.Scan(&r.ID, &t, &r.SourceID, &r.TargetID, &r.TargetSpeakerID, &r.AnnotatorID, &created)
	r.Type, r.Created = storage.RelationType(t), parseTime(created)
	return r, err
}

// Relations lists the relations whose source lies in the document, or all
// relations when documentID is "".
func (p *Project) Relations(ctx context.Context, documentID string) ([]storage.Relation, error) {
	q := "SELECT " + relationCols + " FROM relations r JOIN annotations a ON a.id = r.source_id JOIN documents d ON d.id = a.document_id"
	var args []any
	if documentID != "" {
		q += " WHERE a.document_id = ?"
		args = append(args, documentID)
	}
	q += " ORDER BY d.seq, a.start, r.created, r.id"
	return queryAll(p.db, q, args, scanRelation)
}

// Relation returns one relation.
func (p *Project) Relation(ctx context.Context, id string) (storage.Relation, error) {
	r, err := scanRelation(p.db.QueryRow("SELECT "+relationCols+" FROM relations r WHERE r.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("relation %s: %w", id, storage.ErrNotFound)
	}
	return r, err
}

// checkRelationsStillLegal refuses an edit that would change an
// annotation's kind while relations depend on it.
func checkRelationsStillLegal(q querier, a storage.Annotation) error {
	rows, err := q.QueryContext(bg, `SELECT r.type, s.kind, coalesce(t.kind, ''), r.target_speaker_id IS NOT NULL, r.source_id = ?1
		FROM relations r JOIN annotations s ON s.id = r.source_id LEFT JOIN annotations t ON t.id = r.target_annotation_id
		WHERE r.source_id = ?1 OR r.target_annotation_id = ?1`, a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t, sk, tk string
		var toSpeaker, isSource bool
		if err := rows.Scan(&t, &sk, &tk, &toSpeaker, &isSource); err != nil {
			return err
		}
		if isSource {
			sk = string(a.Kind)
		} else {
			tk = string(a.Kind)
		}
		if err := storage.CheckRelation(storage.RelationType(t), storage.Kind(sk), storage.Kind(tk), toSpeaker); err != nil {
			return fmt.Errorf("cannot change the kind while it is linked (%v); remove the link first", err)
		}
	}
	return rows.Err()
}
