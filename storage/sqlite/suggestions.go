package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/saywho-app/saywho/storage"
)

// ReplaceSuggestions stores a detector's suggestions for a document in one
// transaction. The document's pending suggestions (origin detector, state
// suggested) are removed first; accepted and rejected ones and every
// coder's annotation stay as they are. A suggestion is dropped when a
// rejected suggestion of its kind had exactly its parts (a rejection is
// remembered), or when it overlaps an annotation of its kind that was
// accepted or that one of opts.Coders made; a cue or mention is dropped
// with the quotes that all linked to it. A suggested mention with exactly
// the span of such a mention is not added: the link goes to that mention.
func (p *Project) ReplaceSuggestions(ctx context.Context, documentID string, s storage.Suggestions, opts storage.SuggestOptions) (storage.SuggestReport, error) {
	var rep storage.SuggestReport
	err := p.write(ctx, "Suggest quotes", func(q querier) error {
		if _, err := getDocument(q, documentID, false); err != nil {
			return err
		}
		detector, err := ensureAnnotatorTx(q, storage.OriginDetector)
		if err != nil {
			return err
		}
		res, err := q.ExecContext(bg, "DELETE FROM annotations WHERE document_id = ? AND origin = ? AND state = ?",
			documentID, storage.OriginDetector, storage.StateSuggested)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		rep.Replaced = int(n)
		existing, err := queryAll(txQuery{q}, "SELECT "+annotationCols+" FROM annotations a WHERE a.document_id = ?", []any{documentID}, scanAnnotation)
		if err != nil {
			return err
		}
		plan := planSuggestions(s, existing, opts.Coders, &rep)
		t := now()
		ids := map[string]string{}
		for _, a := range s.Annotations {
			if reuse, ok := plan.reuse[a.ID]; ok {
				ids[a.ID] = reuse
				continue
			}
			if !plan.keep[a.ID] {
				continue
			}
			local := a.ID
			a.ID, a.DocumentID, a.AnnotatorID = "", documentID, detector
			a.Origin, a.State, a.Created, a.Modified = storage.OriginDetector, storage.StateSuggested, t, t
			stored, err := p.addAnnotation(q, a)
			if err != nil {
				return fmt.Errorf("suggestion [%d,%d): %w", a.Start, a.End, err)
			}
			ids[local] = stored.ID
			if a.Kind == storage.KindQuote {
				rep.Added++
			}
		}
		for _, r := range s.Relations {
			src, ok := ids[r.SourceID]
			if !ok || !plan.keep[r.SourceID] && !plan.keep[r.TargetID] {
				continue // an end was dropped, or both are a coder's
			}
			if r.TargetID != "" {
				if r.TargetID, ok = ids[r.TargetID]; !ok {
					continue
				}
			}
			r.ID, r.SourceID, r.AnnotatorID, r.Created = "", src, detector, t
			if _, err := addRelation(q, r, false); err != nil {
				return err
			}
		}
		return nil
	})
	return rep, err
}

// suggestionPlan says which suggestions to store and which coder's
// mentions to link to instead.
type suggestionPlan struct {
	keep  map[string]bool   // suggestion id → store it
	reuse map[string]string // suggestion id → id of the coder's annotation with its exact span
}

// planSuggestions applies the rules of ReplaceSuggestions and counts the
// quotes it drops.
func planSuggestions(s storage.Suggestions, existing []storage.Annotation, coders []string, rep *storage.SuggestReport) suggestionPlan {
	plan := suggestionPlan{keep: map[string]bool{}, reuse: map[string]string{}}
	rejected := map[string]bool{}
	var decided []storage.Annotation // accepted suggestions and the coders' own annotations
	for _, a := range existing {
		switch {
		case a.State == storage.StateRejected:
			rejected[partsKey(a)] = true
		case a.State == storage.StateAccepted || contains(coders, a.AnnotatorID):
			decided = append(decided, a)
		}
	}
	// Which quotes link to each cue or mention.
	users := map[string][]string{}
	for _, r := range s.Relations {
		switch r.Type {
		case storage.RelSaidBy, storage.RelClaimedBy:
			users[r.TargetID] = append(users[r.TargetID], r.SourceID)
		case storage.RelCueOf:
			users[r.SourceID] = append(users[r.SourceID], r.TargetID)
		}
	}
	verdict := func(a storage.Annotation) (keep bool, why *int) {
		if rejected[partsKey(a)] {
			return false, &rep.Rejected
		}
		for _, d := range decided {
			if d.Kind == a.Kind && overlapsParts(d, a) {
				return false, &rep.Covered
			}
		}
		return true, nil
	}
	for _, a := range s.Annotations {
		if a.Kind != storage.KindQuote && a.Kind != storage.KindClaim {
			continue
		}
		keep, why := verdict(a)
		plan.keep[a.ID] = keep
		if why != nil {
			*why++
		}
	}
	for _, a := range s.Annotations {
		if a.Kind == storage.KindQuote || a.Kind == storage.KindClaim {
			continue
		}
		used := users[a.ID]
		live := len(used) == 0
		for _, u := range used {
			live = live || plan.keep[u]
		}
		if !live {
			continue
		}
		if a.Kind == storage.KindSpeakerMention {
			if id := sameSpan(decided, a); id != "" {
				plan.reuse[a.ID] = id
				continue
			}
		}
		plan.keep[a.ID], _ = verdict(a)
	}
	return plan
}

// partsKey identifies an annotation's kind and exact parts.
func partsKey(a storage.Annotation) string {
	return string(a.Kind) + " " + storage.RangesKey(a.Parts())
}

// overlapsParts reports whether a part of a shares a code point with a
// part of b.
func overlapsParts(a, b storage.Annotation) bool {
	return storage.SharedLength(a.Parts(), b.Parts()) > 0
}

// sameSpan returns the id of the annotation in list with a's kind and
// exact parts, or "".
func sameSpan(list []storage.Annotation, a storage.Annotation) string {
	k := partsKey(a)
	for _, d := range list {
		if partsKey(d) == k {
			return d.ID
		}
	}
	return ""
}

// ensureAnnotatorTx returns the id of the coder called name, creating it
// inside the running transaction.
func ensureAnnotatorTx(q querier, name string) (string, error) {
	var id string
	err := q.QueryRowContext(bg, "SELECT id FROM annotators WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id = storage.NewID()
		err = insertAnnotator(q, storage.Annotator{ID: id, Name: name, Created: now()})
	}
	return id, err
}

// txQuery lets queryAll read inside a write transaction.
type txQuery struct{ q querier }

// Query runs a query in the transaction.
func (t txQuery) Query(query string, args ...any) (*sql.Rows, error) {
	return t.q.QueryContext(bg, query, args...)
}

// QueryContext runs a query in the transaction.
func (t txQuery) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.q.QueryContext(ctx, query, args...)
}
