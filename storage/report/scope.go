package report

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// scope turns a filter into the backend's scope. empty is set when no
// document can match (no published date in the range), so the report is
// empty without asking.
func (r *Reporter) scope(ctx context.Context, f Filter) (s storage.TallyScope, empty bool, err error) {
	if f.Set != "" {
		set, err := r.findSet(f.Set)
		if err != nil {
			return s, false, err
		}
		s.SetID = set.ID
	}
	if f.Layer != "" {
		a, err := r.findCoder(f.Layer)
		if err != nil {
			return s, false, err
		}
		s.AnnotatorID = a.ID
	}
	for _, o := range f.Outlets {
		if o = strings.TrimSpace(o); o != "" {
			s.Outlets = append(s.Outlets, o)
		}
	}
	for _, st := range f.Statuses {
		v := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(st)), " ", "_")
		if v != storage.StatusNew && v != storage.StatusInProgress && v != storage.StatusDone {
			return s, false, fmt.Errorf("no document status %q (use new, in_progress or done)", st)
		}
		s.Statuses = append(s.Statuses, v)
	}
	if f.From == "" && f.To == "" {
		return s, false, nil
	}
	from, to, err := dateRange(f.From, f.To)
	if err != nil {
		return s, false, err
	}
	// The published dates are stored as given: read the distinct values
	// in scope (one row each), keep those in the range.
	rows, err := r.src.Tally(ctx, storage.TallyQuery{Unit: storage.TallyDocuments, By: []storage.TallyDim{storage.DimPublished}, Scope: s})
	if err != nil {
		return s, false, err
	}
	for _, row := range rows {
		if d, ok := storage.ParseDate(row.Keys[0]); ok && !d.Before(from) && !d.After(to) {
			s.Published = append(s.Published, row.Keys[0])
		}
	}
	sort.Strings(s.Published)
	return s, len(s.Published) == 0, nil
}

// dateRange reads the bounds of a date range; an empty bound is open.
func dateRange(fromS, toS string) (from, to time.Time, err error) {
	from, to = time.Time{}, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	if fromS != "" {
		var ok bool
		if from, ok = storage.ParseDate(fromS); !ok {
			return from, to, fmt.Errorf("from: %q is not a date", fromS)
		}
	}
	if toS != "" {
		var ok bool
		if to, ok = storage.ParseDate(toS); !ok {
			return from, to, fmt.Errorf("to: %q is not a date", toS)
		}
	}
	if to.Before(from) {
		return from, to, fmt.Errorf("the range ends (%s) before it starts (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return from, to, nil
}

// findSet finds a document set by id, then by name (regardless of case).
func (r *Reporter) findSet(s string) (storage.Set, error) {
	for _, set := range r.sets {
		if set.ID == s || set.Name == s {
			return set, nil
		}
	}
	for _, set := range r.sets {
		if strings.EqualFold(set.Name, s) {
			return set, nil
		}
	}
	names := make([]string, len(r.sets))
	for i, set := range r.sets {
		names[i] = fmt.Sprintf("%q", set.Name)
	}
	if len(names) == 0 {
		return storage.Set{}, fmt.Errorf("no document set %q: the project has none", s)
	}
	return storage.Set{}, fmt.Errorf("no document set %q (the project has %s)", s, strings.Join(names, ", "))
}

// findCoder finds a coder by id, then by name (regardless of case).
func (r *Reporter) findCoder(s string) (storage.Annotator, error) {
	if a, ok := r.coders[s]; ok {
		return a, nil
	}
	var names []string
	for _, a := range r.coders {
		if strings.EqualFold(a.Name, s) {
			return a, nil
		}
		names = append(names, fmt.Sprintf("%q", a.Name))
	}
	sort.Strings(names)
	return storage.Annotator{}, fmt.Errorf("no coder %q (the project's coders: %s)", s, strings.Join(names, ", "))
}
