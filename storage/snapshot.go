package storage

import "fmt"

// SnapshotOptions selects what Snapshot includes.
type SnapshotOptions struct {
	// IncludeSuggestions keeps the detector's pending and rejected
	// suggestions (and their links); by default a bundle holds only
	// coders' judgements: their own and accepted annotations.
	IncludeSuggestions bool

	DocumentIDs []string // only these documents (and what hangs on them); all when empty
	NoText      bool     // leave document texts out
	AnnotatorID string   // only this coder's annotations, relations and memos; all when empty
	SetID       string   // only the documents of this set (and of DocumentIDs, if given too)
}

// Snapshot reads the project into a Bundle, the input of every export.
func (p *Project) Snapshot(opts SnapshotOptions) (*Bundle, error) {
	b := &Bundle{Project: p.info}
	var err error
	if b.Annotators, err = p.Annotators(); err != nil {
		return nil, err
	}
	if b.Codes, err = p.Codes(); err != nil {
		return nil, err
	}
	speakers, err := p.Speakers()
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
	sets, err := p.Sets()
	if err != nil {
		return nil, err
	}
	if opts.SetID != "" {
		if want, err = restrictToSet(sets, opts.SetID, want); err != nil {
			return nil, err
		}
	}
	filtered := len(want) > 0 || opts.SetID != ""
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if filtered && !want[d.ID] {
			continue
		}
		doc := d.Document
		if !opts.NoText {
			full, err := p.Document(d.ID)
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
				return nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
			}
		}
	}
	anns, err := p.Annotations(Filter{AnnotatorID: opts.AnnotatorID})
	if err != nil {
		return nil, err
	}
	if !opts.IncludeSuggestions {
		anns = decided(anns)
	}
	kept := map[string]bool{}
	for _, a := range anns {
		if !filtered || want[a.DocumentID] {
			b.Annotations = append(b.Annotations, a)
			kept[a.ID] = true
		}
	}
	rels, err := p.Relations("")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if kept[r.SourceID] && (r.TargetID == "" || kept[r.TargetID]) {
			b.Relations = append(b.Relations, r)
		}
	}
	memos, err := p.Memos("")
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
func restrictToSet(sets []Set, id string, want map[string]bool) (map[string]bool, error) {
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
				return nil, fmt.Errorf("document %s is not in the set %q: %w", doc, s.Name, ErrNotFound)
			}
		}
		return in, nil
	}
	return nil, fmt.Errorf("set %s: %w", id, ErrNotFound)
}

// setsOf returns the sets with their members narrowed to the exported
// documents; when only part of the project is exported, sets left with
// no member are left out.
func setsOf(sets []Set, docs []Document, filtered bool) []Set {
	in := map[string]bool{}
	for _, d := range docs {
		in[d.ID] = true
	}
	var out []Set
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

func containsDoc(docs []Document, id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}

// Normalise replaces nil slices by empty ones, so exports write [] rather
// than null.
func (b *Bundle) Normalise() {
	for i := range b.Speakers {
		if b.Speakers[i].Aliases == nil {
			b.Speakers[i].Aliases = []string{}
		}
	}
	if b.Annotators == nil {
		b.Annotators = []Annotator{}
	}
	if b.Codes == nil {
		b.Codes = []Code{}
	}
	if b.Speakers == nil {
		b.Speakers = []Speaker{}
	}
	if b.Documents == nil {
		b.Documents = []Document{}
	}
	if b.Annotations == nil {
		b.Annotations = []Annotation{}
	}
	if b.Relations == nil {
		b.Relations = []Relation{}
	}
	if b.Memos == nil {
		b.Memos = []Memo{}
	}
	if b.Sets == nil {
		b.Sets = []Set{}
	}
	for i := range b.Sets {
		if b.Sets[i].DocumentIDs == nil {
			b.Sets[i].DocumentIDs = []string{}
		}
	}
}
