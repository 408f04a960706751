// Package report computes Saywho's analysis tables: who gets quoted (by
// speaker and speaker attribute), share of voice by outlet, quotes over
// time, code frequencies, codes by speaker attribute, code co-occurrence,
// and claims by check-worthiness and verdict per speaker. It reads a
// project through Source (grouped counts the backend computes, and the
// registry that names their keys), holds no annotations in memory, and
// never imports Fyne or SQL: the window's Reports view, the command line
// and the charts (package report/chart) share it.
package report

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Source is what reports read: a storage.Project is one.
type Source interface {
	// Registry names the keys of the tallies: speakers, codes, coders,
	// sets, and the vocabularies that order speaker attributes.
	Registry(ctx context.Context, opts storage.SnapshotOptions) (storage.Registry, error)
	storage.Tallier
}

// Reporter builds reports on one project, from one reading of its
// registry (the window makes a new one when the registry changes).
type Reporter struct {
	src      Source
	speakers map[string]storage.Speaker
	codes    map[string]codeInfo
	coders   map[string]storage.Annotator
	sets     []storage.Set
	vocab    map[string][]string // speaker attribute → its values in order
}

// codeInfo is a code with its label (its path in the codebook) and its
// place in the codebook's order.
type codeInfo struct {
	label, color string
	order        int
}

// New reads the project's registry for reports.
func New(ctx context.Context, src Source) (*Reporter, error) {
	reg, err := src.Registry(ctx, storage.SnapshotOptions{})
	if err != nil {
		return nil, err
	}
	r := &Reporter{src: src, speakers: map[string]storage.Speaker{}, coders: map[string]storage.Annotator{}, sets: reg.Sets, vocab: map[string][]string{}}
	for _, s := range reg.Speakers {
		r.speakers[s.ID] = s
	}
	for _, a := range reg.Annotators {
		r.coders[a.ID] = a
	}
	for _, v := range reg.Vocabularies {
		r.vocab[v.Attribute] = v.Values
	}
	r.codes = codebook(reg.Codes)
	return r, nil
}

// codebook labels each code with its path ("Politics › Elections") and
// numbers the codes in the codebook's order: depth first, siblings by
// position then name.
func codebook(codes []storage.Code) map[string]codeInfo {
	children := map[string][]storage.Code{}
	known := map[string]bool{}
	for _, c := range codes {
		known[c.ID] = true
	}
	for _, c := range codes {
		parent := c.ParentID
		if !known[parent] {
			parent = ""
		}
		children[parent] = append(children[parent], c)
	}
	out := map[string]codeInfo{}
	var walk func(parent, path string)
	walk = func(parent, path string) {
		kids := children[parent]
		slices.SortStableFunc(kids, compareCodes)
		for _, c := range kids {
			if _, seen := out[c.ID]; seen {
				continue // a cycle of parents: each code once
			}
			label := c.Name
			if path != "" {
				label = path + " › " + c.Name
			}
			out[c.ID] = codeInfo{label: label, color: c.Color, order: len(out)}
			walk(c.ID, label)
		}
	}
	walk("", "")
	for _, c := range codes { // codes only reachable through a cycle
		if _, ok := out[c.ID]; !ok {
			out[c.ID] = codeInfo{label: c.Name, color: c.Color, order: len(out)}
		}
	}
	return out
}

// compareCodes orders siblings by position, then name.
func compareCodes(a, b storage.Code) int {
	if a.Position != b.Position {
		return cmp.Compare(a.Position, b.Position)
	}
	return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
}
