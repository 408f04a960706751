package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// OriginDetector is the origin of the annotations Saywho's quote detector
// (storage/detect) suggests, and the name of the coder that holds them
// while they await a decision.
const OriginDetector = "detector"

// Attribute keys of detector suggestions.
const (
	AttrRule            = "detector_rule"     // the rule that made the suggestion ("frame after content")
	AttrAccepted        = "detector_accepted" // when a coder accepted it (RFC 3339, UTC)
	AttrProposedSpeaker = "proposed_speaker"  // a mention's speaker not yet in the registry: the name to add on accept
)

// Suggestions are what a detector proposes for one document: annotations
// (Kind, Start, End, Ranges, Attrs, SpeakerID; any ids unique among them)
// and relations between them (SourceID and TargetID are those ids, or
// TargetSpeakerID a registry speaker).
type Suggestions struct {
	Annotations []Annotation
	Relations   []Relation
}

// SuggestOptions tune ReplaceSuggestions.
type SuggestOptions struct {
	// Coders are the annotator ids whose annotations suggestions keep
	// clear of: the coder at work, who needs no suggestion where they
	// marked something already. Other coders' work (a gold standard, a
	// colleague's coding) does not stop a suggestion.
	Coders []string
}

// SuggestReport says what ReplaceSuggestions did.
type SuggestReport struct {
	Added    int `json:"added"`    // suggestions stored
	Replaced int `json:"replaced"` // pending suggestions removed first
	Rejected int `json:"rejected"` // not proposed again: a coder rejected that span before
	Covered  int `json:"covered"`  // not proposed: an accepted suggestion or one of the coders' annotations of that kind overlaps it
}

// ReplaceSuggestions stores a detector's suggestions for a document in one
// transaction. The document's pending suggestions (origin detector, state
// suggested) are removed first; accepted and rejected ones and every
// coder's annotation stay as they are. A suggestion is dropped when a
// rejected suggestion of its kind had exactly its parts (a rejection is
// remembered), or when it overlaps an annotation of its kind that was
// accepted or that one of opts.Coders made; a cue or mention is dropped
// with the quotes that all linked to it. A suggested mention with exactly
// the span of such a mention is not added: the link goes to that mention.
func (p *Project) ReplaceSuggestions(documentID string, s Suggestions, opts SuggestOptions) (SuggestReport, error) {
	var rep SuggestReport
	err := p.write("Suggest quotes", func(q querier) error {
		if _, err := getDocument(q, documentID, false); err != nil {
			return err
		}
		detector, err := ensureAnnotatorTx(q, OriginDetector)
		if err != nil {
			return err
		}
		res, err := q.ExecContext(bg, "DELETE FROM annotations WHERE document_id = ? AND origin = ? AND state = ?",
			documentID, OriginDetector, StateSuggested)
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
			a.Origin, a.State, a.Created, a.Modified = OriginDetector, StateSuggested, t, t
			stored, err := p.addAnnotation(q, a)
			if err != nil {
				return fmt.Errorf("suggestion [%d,%d): %w", a.Start, a.End, err)
			}
			ids[local] = stored.ID
			if a.Kind == KindQuote {
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
func planSuggestions(s Suggestions, existing []Annotation, coders []string, rep *SuggestReport) suggestionPlan {
	plan := suggestionPlan{keep: map[string]bool{}, reuse: map[string]string{}}
	rejected := map[string]bool{}
	var decided []Annotation // accepted suggestions and the coders' own annotations
	for _, a := range existing {
		switch {
		case a.State == StateRejected:
			rejected[partsKey(a)] = true
		case a.State == StateAccepted || contains(coders, a.AnnotatorID):
			decided = append(decided, a)
		}
	}
	// Which quotes link to each cue or mention.
	users := map[string][]string{}
	for _, r := range s.Relations {
		switch r.Type {
		case RelSaidBy, RelClaimedBy:
			users[r.TargetID] = append(users[r.TargetID], r.SourceID)
		case RelCueOf:
			users[r.SourceID] = append(users[r.SourceID], r.TargetID)
		}
	}
	verdict := func(a Annotation) (keep bool, why *int) {
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
		if a.Kind != KindQuote && a.Kind != KindClaim {
			continue
		}
		keep, why := verdict(a)
		plan.keep[a.ID] = keep
		if why != nil {
			*why++
		}
	}
	for _, a := range s.Annotations {
		if a.Kind == KindQuote || a.Kind == KindClaim {
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
		if a.Kind == KindSpeakerMention {
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
func partsKey(a Annotation) string { return string(a.Kind) + " " + RangesKey(a.Parts()) }

// overlapsParts reports whether a part of a shares a code point with a
// part of b.
func overlapsParts(a, b Annotation) bool { return SharedLength(a.Parts(), b.Parts()) > 0 }

// sameSpan returns the id of the annotation in list with a's kind and
// exact parts, or "".
func sameSpan(list []Annotation, a Annotation) string {
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
		id = NewID()
		err = insertAnnotator(q, Annotator{ID: id, Name: name, Created: now()})
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
