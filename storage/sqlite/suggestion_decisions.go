package sqlite

import (
	"context"
	"fmt"

	"github.com/saywho-app/saywho/storage"
)

// AcceptSuggestion makes a pending suggestion the coder's own: it and the
// pending cues and speaker mentions linked to it (and their links) pass to
// coder annotatorID with state accepted; the origin stays detector. A
// mention whose speaker is not yet in the registry is resolved by name, or
// the speaker is added. One undoable action.
func (p *Project) AcceptSuggestion(ctx context.Context, id, annotatorID string) error {
	return p.write(ctx, "Accept suggestion", func(q querier) error {
		a, err := pendingSuggestion(q, id)
		if err != nil {
			return err
		}
		group, err := suggestionGroup(q, a, false)
		if err != nil {
			return err
		}
		return acceptAll(q, group, annotatorID)
	})
}

// AcceptSuggestions accepts every pending suggestion of a document for
// the coder, as one undoable action, and returns how many quotes it
// accepted.
func (p *Project) AcceptSuggestions(ctx context.Context, documentID, annotatorID string) (int, error) {
	var n int
	err := p.write(ctx, "Accept all suggestions", func(q querier) error {
		pending, err := queryAll(txQuery{q}, "SELECT "+annotationCols+" FROM annotations a WHERE a.document_id = ? AND a.origin = ? AND a.state = ? ORDER BY a.start",
			[]any{documentID, storage.OriginDetector, storage.StateSuggested}, scanAnnotation)
		if err != nil {
			return err
		}
		for _, a := range pending {
			if a.Kind == storage.KindQuote {
				n++
			}
		}
		return acceptAll(q, pending, annotatorID)
	})
	return n, err
}

// RejectSuggestion marks a pending suggestion rejected, with the pending
// cues and mentions linked to it that no other live suggestion or
// annotation uses. Rejected suggestions stay in the project, hidden from
// exports, so the detector does not propose the span again. One undoable
// action.
func (p *Project) RejectSuggestion(ctx context.Context, id string) error {
	return p.write(ctx, "Reject suggestion", func(q querier) error {
		a, err := pendingSuggestion(q, id)
		if err != nil {
			return err
		}
		group, err := suggestionGroup(q, a, true)
		if err != nil {
			return err
		}
		for _, g := range group {
			if _, err := q.ExecContext(bg, "UPDATE annotations SET state = ?, modified = ? WHERE id = ?", storage.StateRejected, fmtTime(now()), g.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

// pendingSuggestion reads annotation id and checks it awaits a decision.
func pendingSuggestion(q querier, id string) (storage.Annotation, error) {
	a, err := getAnnotation(q, id)
	if err != nil {
		return a, err
	}
	if a.State != storage.StateSuggested {
		return a, fmt.Errorf("annotation %s: %w: not a pending suggestion", id, storage.ErrInvalid)
	}
	return a, nil
}

// suggestionGroup returns a and the pending annotations linked to it by a
// relation in either direction (its cue and its speaker mention). For a
// rejection (exclusive), an annotation still linked to another annotation
// that is not being rejected is left out.
func suggestionGroup(q querier, a storage.Annotation, exclusive bool) ([]storage.Annotation, error) {
	linked, err := queryAll(txQuery{q}, "SELECT "+annotationCols+` FROM annotations a WHERE a.state = ?2 AND a.id <> ?1 AND a.id IN (
			SELECT target_annotation_id FROM relations WHERE source_id = ?1
			UNION SELECT source_id FROM relations WHERE target_annotation_id = ?1)`, []any{a.ID, storage.StateSuggested}, scanAnnotation)
	if err != nil {
		return nil, err
	}
	group := []storage.Annotation{a}
	for _, l := range linked {
		if exclusive {
			var others int
			err := q.QueryRowContext(bg, `SELECT count(*) FROM relations r JOIN annotations o
				ON o.id = CASE WHEN r.source_id = ?1 THEN r.target_annotation_id ELSE r.source_id END
				WHERE (r.source_id = ?1 OR r.target_annotation_id = ?1) AND o.id <> ?2 AND o.state <> ?3`,
				l.ID, a.ID, storage.StateRejected).Scan(&others)
			if err != nil {
				return nil, err
			}
			if others > 0 {
				continue
			}
		}
		group = append(group, l)
	}
	return group, nil
}

// acceptAll accepts the annotations of group for the coder.
func acceptAll(q querier, group []storage.Annotation, annotatorID string) error {
	if err := checkAnnotator(q, annotatorID); err != nil {
		return err
	}
	t := now()
	var index *storage.SpeakerIndex
	for _, a := range group {
		attrs := map[string]string{}
		for k, v := range a.Attrs {
			attrs[k] = v
		}
		attrs[storage.AttrAccepted] = fmtTime(t)
		speaker := a.SpeakerID
		if name := attrs[storage.AttrProposedSpeaker]; a.Kind == storage.KindSpeakerMention && speaker == "" && name != "" {
			if index == nil {
				all, err := queryAll(txQuery{q}, "SELECT "+speakerCols+" FROM speakers s ORDER BY s.name COLLATE NOCASE, s.id", nil,
					func(r scanner) (storage.Speaker, error) { return scanSpeaker(r) })
				if err != nil {
					return err
				}
				index = storage.NewSpeakerIndex(all)
			}
			if speaker = index.Match(name); speaker == "" {
				s, err := addSpeaker(q, storage.Speaker{Name: name})
				if err != nil {
					return err
				}
				speaker = s.ID
				index.Add(s)
			}
			delete(attrs, storage.AttrProposedSpeaker)
		}
		_, err := q.ExecContext(bg, "UPDATE annotations SET state = ?, annotator_id = ?, attrs = ?, speaker_id = ?, modified = ? WHERE id = ?",
			storage.StateAccepted, annotatorID, encodeAttrs(attrs), nullable(speaker), fmtTime(t), a.ID)
		if err != nil {
			return explainConstraint(err, "annotation "+a.ID)
		}
		if _, err := q.ExecContext(bg, "UPDATE relations SET annotator_id = ? WHERE source_id = ?", annotatorID, a.ID); err != nil {
			return err
		}
	}
	return nil
}

// checkAnnotator reports ErrNotFound unless coder id exists.
func checkAnnotator(q querier, id string) error {
	var n int
	if err := q.QueryRowContext(bg, "SELECT count(*) FROM annotators WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("coder %s: %w", id, storage.ErrNotFound)
	}
	return nil
}
