package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Category is a row or column of a table: one group of a dimension.
type Category struct {
	// Key is the group's key: a speaker, code or coder id, a value as
	// stored (a gender, an outlet), a time bucket ("2016-09",
	// "2016-W37"), "" for a value not set, storage.NoValue for none at
	// all (a quote without a speaker).
	Key   string `json:"key"`
	Label string `json:"label"`
	// Color is the code's colour in the codebook (#RRGGBB), for codes
	// that have one.
	Color string `json:"color,omitempty"`
	// Missing marks the groups without a value (no speaker, not set,
	// no date): listed last, drawn in grey.
	Missing bool `json:"missing,omitempty"`
}

// noneLabels name the group of units with no value, by dimension.
var noneLabels = map[Dim]string{
	BySpeaker: "(no speaker)", ByGender: "(no speaker)", ByType: "(no speaker)", ByRole: "(no speaker)",
	ByAffiliation: "(no speaker)", ByCountry: "(no speaker)", ByCode: "(no code)", ByWorthiness: "(not rated)",
	ByVerdict: "(no verdict)", ByQuoteType: "(no type)",
}

// emptyLabels name the group of an empty value, by dimension.
var emptyLabels = map[Dim]string{
	ByOutlet: "(no outlet)", BySection: "(no section)", ByMonth: "(no date)", ByWeek: "(no date)",
}

// category labels the group key of dimension d.
func (r *Reporter) category(d Dim, key string) Category {
	c := Category{Key: key, Label: key}
	switch {
	case key == storage.NoValue:
		c.Label, c.Missing = noneLabels[d], true
		if c.Label == "" {
			c.Label = "(none)"
		}
		return c
	case key == "" || strings.TrimSpace(key) == "":
		c.Label, c.Missing = emptyLabels[d], true
		if c.Label == "" {
			c.Label = "(not set)"
		}
		return c
	}
	switch d {
	case BySpeaker:
		if s, ok := r.speakers[key]; ok {
			c.Label = s.Name
		}
	case ByCode:
		if info, ok := r.codes[key]; ok {
			c.Label, c.Color = info.label, info.color
		}
	case ByCoder:
		if a, ok := r.coders[key]; ok {
			c.Label = a.Name
		}
	case ByStatus:
		c.Label = strings.ReplaceAll(key, "_", " ")
	}
	return c
}

// fixedOrder returns the values a dimension lists in a set order (a
// vocabulary, the check-worthiness classes), or nil.
func (r *Reporter) fixedOrder(d Dim) []string {
	switch d {
	case ByGender:
		return r.vocab[storage.SpeakerGender]
	case ByType:
		return r.vocab[storage.SpeakerType]
	case ByRole:
		return r.vocab[storage.SpeakerRole]
	case ByWorthiness:
		return storage.CheckWorthiness
	case ByQuoteType:
		return storage.QuoteTypes
	case ByStatus:
		return []string{storage.StatusNew, storage.StatusInProgress, storage.StatusDone}
	}
	return nil
}

// order sorts the groups of dimension d for display: groups with a value
// first, then "not set", then "none"; among those with a value, time in
// order, codes in the codebook's order, listed values (vocabularies) in
// the list's order, the rest by count (most first), then label.
func (r *Reporter) order(d Dim, cats []Category, counts map[string]int) {
	rank := map[string]int{}
	for i, v := range r.fixedOrder(d) {
		rank[strings.ToLower(v)] = i + 1
	}
	missing := func(c Category) int {
		switch {
		case c.Key == storage.NoValue:
			return 2
		case c.Missing:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(cats, func(a, b Category) int {
		if x := cmp.Compare(missing(a), missing(b)); x != 0 {
			return x
		}
		switch {
		case d.time():
			return strings.Compare(a.Key, b.Key)
		case d == ByCode:
			if x := cmp.Compare(r.codes[a.Key].order, r.codes[b.Key].order); x != 0 {
				return x
			}
		}
		ra, rb := rank[strings.ToLower(a.Key)], rank[strings.ToLower(b.Key)]
		switch {
		case ra > 0 && rb > 0:
			return cmp.Compare(ra, rb)
		case ra > 0:
			return -1
		case rb > 0:
			return 1
		}
		if x := cmp.Compare(counts[b.Key], counts[a.Key]); x != 0 {
			return x
		}
		return strings.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label))
	})
}
