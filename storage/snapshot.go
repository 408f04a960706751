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
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if len(want) > 0 && !want[d.ID] {
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
		if len(want) == 0 || want[a.DocumentID] {
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
		if (len(want) == 0 || want[m.DocumentID]) && (opts.AnnotatorID == "" || m.AnnotatorID == opts.AnnotatorID) {
			b.Memos = append(b.Memos, m)
		}
	}
	b.Normalise()
	return b, nil
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
}
