package agreement

import (
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage"
)

// span is a counted annotation with the parts it covers.
type span struct {
	ann   *storage.Annotation
	parts []storage.Range
}

// document is one document of the comparison with what each coder marked.
type document struct {
	id     string
	length int                       // in code points
	coded  []bool                    // by coder index: made any counted annotation here
	spans  map[storage.Kind][][]span // by kind, then coder index, in bundle order
}

// coders returns the indexes of the coders who coded d.
func (d *document) coders() []int {
	var out []int
	for i, ok := range d.coded {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// counted reports whether a is its coder's judgement: anything but a
// detector suggestion not (or not yet) accepted.
func counted(a *storage.Annotation) bool {
	return a.State != storage.StateSuggested && a.State != storage.StateRejected
}

// parts returns the ranges a covers: its Ranges, or [Start, End).
func parts(a *storage.Annotation) []storage.Range {
	if len(a.Ranges) > 0 {
		return a.Ranges
	}
	return []storage.Range{{Start: a.Start, End: a.End}}
}

// collect sorts the counted annotations of the coders (annotator ids, by
// index) onto the bundle's documents, keeping spans of the wanted kinds.
// Only documents in keep (all when empty) that some coder coded are
// returned, in bundle order.
func collect(b *storage.Bundle, coders []string, keep map[string]bool, kinds []storage.Kind) []*document {
	coderIndex := make(map[string]int, len(coders))
	for i, id := range coders {
		coderIndex[id] = i
	}
	wanted := map[storage.Kind]bool{}
	for _, k := range kinds {
		wanted[k] = true
	}
	byID := map[string]*document{}
	var order []*document
	for i := range b.Documents {
		d := &b.Documents[i]
		if len(keep) > 0 && !keep[d.ID] || byID[d.ID] != nil {
			continue
		}
		n := d.Length
		if n == 0 {
			n = utf8.RuneCountInString(d.Text)
		}
		doc := &document{id: d.ID, length: n, coded: make([]bool, len(coders)), spans: map[storage.Kind][][]span{}}
		byID[d.ID] = doc
		order = append(order, doc)
	}
	for i := range b.Annotations {
		a := &b.Annotations[i]
		c, ok := coderIndex[a.AnnotatorID]
		doc := byID[a.DocumentID]
		if !ok || doc == nil || !counted(a) || !a.Kind.Valid() {
			continue
		}
		doc.coded[c] = true
		if !wanted[a.Kind] {
			continue
		}
		if doc.spans[a.Kind] == nil {
			doc.spans[a.Kind] = make([][]span, len(coders))
		}
		doc.spans[a.Kind][c] = append(doc.spans[a.Kind][c], span{ann: a, parts: parts(a)})
	}
	var out []*document
	for _, d := range order {
		if len(d.coders()) > 0 {
			out = append(out, d)
		}
	}
	return out
}
