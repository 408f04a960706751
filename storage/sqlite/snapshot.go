package sqlite

import (
	"context"
	"fmt"

	"github.com/saywho-app/saywho/storage"
)

// Snapshot reads the project into a Bundle, the input of every export.
func (p *Project) Snapshot(ctx context.Context, opts storage.SnapshotOptions) (*storage.Bundle, error) {
	b := &storage.Bundle{Project: p.info}
	var err error
	if b.Annotators, err = p.Annotators(bg); err != nil {
		return nil, err
	}
	if b.Codes, err = p.Codes(bg); err != nil {
		return nil, err
	}
	speakers, err := p.Speakers(bg)
	if err != nil {
		return nil, err
	}
	for _, s := range speakers {
		b.Speakers = append(b.Speakers, s.Speaker)
	}
	want := map[string]bool{}
	for _, id := range opts.DocumentIDs {
		want[id] = true
	}
	sets, err := p.Sets(bg)
	if err != nil {
		return nil, err
	}
	if opts.SetID != "" {
		if want, err = restrictToSet(sets, opts.SetID, want); err != nil {
			return nil, err
		}
	}
	filtered := len(want) > 0 || opts.SetID != ""
	docs, err := p.Documents(bg)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if filtered && !want[d.ID] {
			continue
		}
		doc := d.Document
		if !opts.NoText {
			full, err := p.Document(bg, d.ID)
			if err != nil {
				return nil, err
			}
			doc.Text = full.Text
		}
		b.Documents = append(b.Documents, doc)
	}
	if len(want) > 0 {
		for id := range want {
			if !containsDoc(b.Documents, id) {
				return nil, fmt.Errorf("document %s: %w", id, storage.ErrNotFound)
			}
		}
	}
	anns, err := p.Annotations(bg, storage.Filter{AnnotatorID: opts.AnnotatorID})
	if err != nil {
		return nil, err
	}
	if !opts.IncludeSuggestions {
		anns = storage.Decided(anns)
	}
	kept := map[string]bool{}
	for _, a := range anns {
		if !filtered || want[a.DocumentID] {
			b.Annotations = append(b.Annotations, a)
			kept[a.ID] = true
		}
	}
	rels, err := p.Relations(bg, "")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if kept[r.SourceID] && (r.TargetID == "" || kept[r.TargetID]) {
			b.Relations = append(b.Relations, r)
		}
	}
	memos, err := p.Memos(bg, "")
	if err != nil {
		return nil, err
	}
	for _, m := range memos {
		if (!filtered || want[m.DocumentID]) && (opts.AnnotatorID == "" || m.AnnotatorID == opts.AnnotatorID) {
			b.Memos = append(b.Memos, m)
		}
	}
	b.Sets = setsOf(sets, b.Documents, filtered)
	b.Normalise()
	return b, nil
}

// restrictToSet narrows the wanted documents to the members of the set
// with the given id (all its members when want is empty). A
// wanted document outside the set is an error, not a silent omission.
func restrictToSet(sets []storage.Set, id string, want map[string]bool) (map[string]bool, error) {
	for _, s := range sets {
		if s.ID != id {
			continue
		}
		in := map[string]bool{}
		for _, id := range s.DocumentIDs {
			if len(want) == 0 || want[id] {
				in[id] = true
			}
		}
		for doc := range want {
			if !in[doc] {
				return nil, fmt.Errorf("document %s is not in the set %q: %w", doc, s.Name, storage.ErrNotFound)
			}
		}
		return in, nil
	}
	return nil, fmt.Errorf("set %s: %w", id, storage.ErrNotFound)
}

// setsOf returns the sets with their members narrowed to the exported
// documents; when only part of the project is exported, sets left with
// no member are left out.
func setsOf(sets []storage.Set, docs []storage.Document, filtered bool) []storage.Set {
	in := map[string]bool{}
	for _, d := range docs {
		in[d.ID] = true
	}
	var out []storage.Set
	for _, s := range sets {
		members := []string{}
		for _, id := range s.DocumentIDs {
			if in[id] {
				members = append(members, id)
			}
		}
		if filtered && len(members) == 0 {
			continue
		}
		s.DocumentIDs = members
		out = append(out, s)
	}
	return out
}

func containsDoc(docs []storage.Document, id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}
