package app

import (
	"context"

	"github.com/saywho-app/saywho/storage"
)

// docState is the open document: its text and details, every coder's
// annotations on it and the relations between them, and the selected
// annotation. It is read once when the document opens and again only when
// a change touches the document's content; the views that show it (the
// article's highlights, the inspector, the annotation list, the details
// row) observe it.
type docState struct {
	doc   storage.Document     // the open document with its text; ID "" when none
	anns  []storage.Annotation // its annotations, every coder's, by position
	rels  []storage.Relation   // the relations whose source is one of anns
	selID string               // the selected annotation, "" for none

	annAt     map[string]int // annotation id → index in anns
	observers []func()
}

// load reads the open document's annotations and relations; the selected
// annotation is dropped when it is gone.
func (s *docState) load(ctx context.Context, p storage.Project) error {
	s.anns, s.rels, s.annAt = nil, nil, map[string]int{}
	if s.doc.ID != "" {
		var err error
		if s.anns, err = p.Annotations(ctx, storage.Filter{DocumentID: s.doc.ID}); err != nil {
			return err
		}
		if s.rels, err = p.Relations(ctx, s.doc.ID); err != nil {
			return err
		}
	}
	for i, a := range s.anns {
		s.annAt[a.ID] = i
	}
	if s.selID != "" && s.annotation(s.selID) == nil {
		s.selID = ""
	}
	return nil
}

// observe adds a view to refresh when the state changes.
func (s *docState) observe(fn func()) { s.observers = append(s.observers, fn) }

// notify refreshes the observing views.
func (s *docState) notify() {
	for _, fn := range s.observers {
		fn()
	}
}

// annotation finds an annotation of the open document by id.
func (s *docState) annotation(id string) *storage.Annotation {
	if i, ok := s.annAt[id]; ok && i < len(s.anns) {
		return &s.anns[i]
	}
	return nil
}

// outgoing returns the open document's relations of type t from source.
func (s *docState) outgoing(source string, t storage.RelationType) []storage.Relation {
	var out []storage.Relation
	for _, r := range s.rels {
		if r.SourceID == source && r.Type == t {
			out = append(out, r)
		}
	}
	return out
}

// incoming returns the open document's relations that point at target.
func (s *docState) incoming(target string) []storage.Relation {
	var out []storage.Relation
	for _, r := range s.rels {
		if r.TargetID == target {
			out = append(out, r)
		}
	}
	return out
}
