package agreement

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// ErrTooFewCoders is returned when no document was coded by two or more of
// the coders compared.
var ErrTooFewCoders = errors.New("fewer than two coders coded the same document")

// Options select what Compute compares.
type Options struct {
	// Coders are the annotator ids to compare, in display order; empty
	// means every annotator with a counted annotation, by name.
	Coders []string
	// Kinds are the annotation kinds to compare; empty means all, in
	// storage.Kinds order.
	Kinds []storage.Kind
	// DocumentIDs restrict the comparison to these documents; empty means
	// every document of the bundle.
	DocumentIDs []string
	// IncludeSuggestions counts the detector's pending and rejected
	// suggestions as the judgements of their coder (the "detector"), so
	// that the detector can be compared like a coder.
	IncludeSuggestions bool
}

// Coder is a compared coder and how many of the documents in scope they
// coded.
type Coder struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Documents int    `json:"documents"`
}

// Pair is the span agreement of two coders on the documents both coded.
type Pair struct {
	A         string `json:"a"` // annotator id
	B         string `json:"b"` // annotator id
	Documents int    `json:"documents"`
	Exact     Match  `json:"exact"`
	Overlap   Match  `json:"overlap"`
}

// KindResult is the agreement on one annotation kind, or over all kinds
// (Kind "").
type KindResult struct {
	Kind  storage.Kind `json:"kind,omitempty"`
	Alpha Ratio        `json:"alpha"` // character-level nominal alpha of all coders
	Units int64        `json:"units"` // the code points it counts (per kind, pooled)
	Pairs []Pair       `json:"pairs"` // coder pairs that share a document
}

// Report is the outcome of Compute.
type Report struct {
	Coders      []Coder       `json:"coders"`
	Documents   int           `json:"documents"` // coded by at least two of the coders
	Kinds       []KindResult  `json:"kinds"`
	Overall     KindResult    `json:"overall"`
	Attribution []Attribution `json:"attribution"` // by coder pair; empty when quotes are not compared
}

// Name returns the name of a compared coder, or the id when unknown.
func (r *Report) Name(id string) string {
	for _, c := range r.Coders {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// Compute compares the coders' annotations in b (see the package
// documentation for the measures). It fails with ErrTooFewCoders when no
// document in scope was coded by two of them, and names unknown coders,
// kinds and documents.
func Compute(b *storage.Bundle, opts Options) (*Report, error) {
	if opts.IncludeSuggestions {
		b = countingSuggestions(b)
	}
	kinds, err := chooseKinds(opts.Kinds)
	if err != nil {
		return nil, err
	}
	keep, err := chooseDocuments(b, opts.DocumentIDs)
	if err != nil {
		return nil, err
	}
	coders, err := chooseCoders(b, opts.Coders, keep)
	if err != nil {
		return nil, err
	}
	docs := collect(b, coders, keep, kinds)
	r := &Report{Attribution: []Attribution{}}
	for i, id := range coders {
		c := Coder{ID: id, Name: coderName(b, id)}
		for _, d := range docs {
			if d.coded[i] {
				c.Documents++
			}
		}
		r.Coders = append(r.Coders, c)
	}
	var shared []*document
	for _, d := range docs {
		if len(d.coders()) >= 2 {
			shared = append(shared, d)
		}
	}
	if len(shared) == 0 {
		return nil, tooFew(r.Coders)
	}
	r.Documents = len(shared)
	c := comparison{coders: coders, docs: shared, who: newSpeakerIndex(b)}
	r.Kinds, r.Overall, r.Attribution = c.run(kinds)
	return r, nil
}

func tooFew(coders []Coder) error {
	var parts []string
	for _, c := range coders {
		parts = append(parts, fmt.Sprintf("%s: %d", c.Name, c.Documents))
	}
	if len(coders) < 2 {
		return fmt.Errorf("%w: %d coder(s) annotated these documents (%s)", ErrTooFewCoders, len(coders), strings.Join(parts, ", "))
	}
	return fmt.Errorf("%w (documents coded — %s)", ErrTooFewCoders, strings.Join(parts, ", "))
}

func chooseKinds(kinds []storage.Kind) ([]storage.Kind, error) {
	if len(kinds) == 0 {
		return storage.Kinds, nil
	}
	var out []storage.Kind
	for _, k := range storage.Kinds {
		if slices.Contains(kinds, k) {
			out = append(out, k)
		}
	}
	for _, k := range kinds {
		if !k.Valid() {
			return nil, fmt.Errorf("unknown annotation kind %q (kinds: %s)", k, kindList())
		}
	}
	return out, nil
}

func kindList() string {
	var s []string
	for _, k := range storage.Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

func chooseDocuments(b *storage.Bundle, ids []string) (map[string]bool, error) {
	keep := map[string]bool{}
	for _, id := range ids {
		if !slices.ContainsFunc(b.Documents, func(d storage.Document) bool { return d.ID == id }) {
			return nil, fmt.Errorf("no document %q: %w", id, storage.ErrNotFound)
		}
		keep[id] = true
	}
	return keep, nil
}

// chooseCoders returns the given annotator ids without repeats, checked;
// or, when none are given, every annotator with a counted annotation on a
// document in scope, by name.
func chooseCoders(b *storage.Bundle, ids []string, keep map[string]bool) ([]string, error) {
	active := map[string]bool{}
	for i := range b.Annotations {
		if a := &b.Annotations[i]; counted(a) && (len(keep) == 0 || keep[a.DocumentID]) {
			active[a.AnnotatorID] = true
		}
	}
	if len(ids) == 0 {
		for id := range active {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(x, y string) int {
			if c := strings.Compare(coderName(b, x), coderName(b, y)); c != 0 {
				return c
			}
			return strings.Compare(x, y)
		})
		return ids, nil
	}
	var out []string
	for _, id := range ids {
		known := active[id] || slices.ContainsFunc(b.Annotators, func(a storage.Annotator) bool { return a.ID == id })
		if !known {
			return nil, fmt.Errorf("no coder %q: %w", id, storage.ErrNotFound)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func coderName(b *storage.Bundle, id string) string {
	for _, a := range b.Annotators {
		if a.ID == id {
			return a.Name
		}
	}
	return id
}
