// Package lookup indexes a storage.Bundle for the exporters: entities by
// id, annotations by document, relations by end, and the questions every
// tabular or exchange format asks (who said this quote, which cue belongs to
// it, which claims it states).
package lookup

import (
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Index is a read-only view of a bundle. Build it with New; the bundle must
// not change while the Index is used.
type Index struct {
	B          *storage.Bundle
	Annotators map[string]*storage.Annotator
	Codes      map[string]*storage.Code
	Speakers   map[string]*storage.Speaker
	Docs       map[string]*storage.Document
	Anns       map[string]*storage.Annotation
	ByDoc      map[string][]*storage.Annotation // bundle order
	MemosByDoc map[string][]*storage.Memo
	RelsFrom   map[string][]*storage.Relation // by source annotation id
	RelsTo     map[string][]*storage.Relation // by target annotation or speaker id
	texts      map[string]*textutil.Index
	bySpeaker  map[string][]*storage.Annotation
}

// New indexes b.
func New(b *storage.Bundle) *Index {
	x := &Index{
		B:          b,
		Annotators: make(map[string]*storage.Annotator, len(b.Annotators)),
		Codes:      make(map[string]*storage.Code, len(b.Codes)),
		Speakers:   make(map[string]*storage.Speaker, len(b.Speakers)),
		Docs:       make(map[string]*storage.Document, len(b.Documents)),
		Anns:       make(map[string]*storage.Annotation, len(b.Annotations)),
		ByDoc:      map[string][]*storage.Annotation{},
		MemosByDoc: map[string][]*storage.Memo{},
		RelsFrom:   map[string][]*storage.Relation{},
		RelsTo:     map[string][]*storage.Relation{},
		texts:      map[string]*textutil.Index{},
	}
	for i := range b.Annotators {
		x.Annotators[b.Annotators[i].ID] = &b.Annotators[i]
	}
	for i := range b.Codes {
		x.Codes[b.Codes[i].ID] = &b.Codes[i]
	}
	for i := range b.Speakers {
		x.Speakers[b.Speakers[i].ID] = &b.Speakers[i]
	}
	for i := range b.Documents {
		x.Docs[b.Documents[i].ID] = &b.Documents[i]
	}
	for i := range b.Annotations {
		a := &b.Annotations[i]
		x.Anns[a.ID] = a
		x.ByDoc[a.DocumentID] = append(x.ByDoc[a.DocumentID], a)
	}
	for i := range b.Memos {
		m := &b.Memos[i]
		x.MemosByDoc[m.DocumentID] = append(x.MemosByDoc[m.DocumentID], m)
	}
	for i := range b.Relations {
		r := &b.Relations[i]
		x.RelsFrom[r.SourceID] = append(x.RelsFrom[r.SourceID], r)
		x.RelsTo[RelTarget(r)] = append(x.RelsTo[RelTarget(r)], r)
	}
	return x
}

// RelTarget returns the id a relation points to: an annotation or a speaker.
func RelTarget(r *storage.Relation) string {
	if r.TargetID != "" {
		return r.TargetID
	}
	return r.TargetSpeakerID
}

// Text returns the offset index of a document's text (cached), or nil for
// an unknown document.
func (x *Index) Text(docID string) *textutil.Index {
	if ix, ok := x.texts[docID]; ok {
		return ix
	}
	d := x.Docs[docID]
	if d == nil {
		return nil
	}
	ix := textutil.NewIndex(d.Text)
	x.texts[docID] = ix
	return ix
}

// AnnotatorName returns the name of an annotator, or "" when unknown.
func (x *Index) AnnotatorName(id string) string {
	if a := x.Annotators[id]; a != nil {
		return a.Name
	}
	return ""
}

// CodeNames returns the names of the given codes, skipping unknown ids.
func (x *Index) CodeNames(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if c := x.Codes[id]; c != nil {
			out = append(out, c.Name)
		}
	}
	return out
}

// Spans returns the parts of an annotation: its Ranges, or [Start, End).
func Spans(a *storage.Annotation) []storage.Range {
	if len(a.Ranges) > 0 {
		return a.Ranges
	}
	return []storage.Range{{Start: a.Start, End: a.End}}
}
