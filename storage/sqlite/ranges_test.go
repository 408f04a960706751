package sqlite

import (
	"errors"
	"slices"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// TestRangesKeepTheirOrder: the parts of a discontinuous span are stored
// and read back in the order given (a brat file's fragment order), not
// sorted; in any order they must not overlap and must span [Start, End).
func TestRangesKeepTheirOrder(t *testing.T) {
	p := newProject(t)
	d, who := seed(t, p)
	cases := []struct {
		name       string
		start, end int
		parts      []storage.Range
		ok         bool
	}{
		{"text order", 0, 10, []storage.Range{{Start: 0, End: 3}, {Start: 6, End: 10}}, true},
		{"reading order", 0, 10, []storage.Range{{Start: 6, End: 10}, {Start: 0, End: 3}}, true},
		{"three parts shuffled", 0, 12, []storage.Range{{Start: 5, End: 7}, {Start: 10, End: 12}, {Start: 0, End: 2}}, true},
		{"overlap in text order", 0, 10, []storage.Range{{Start: 0, End: 6}, {Start: 4, End: 10}}, false},
		{"overlap in reading order", 0, 10, []storage.Range{{Start: 4, End: 10}, {Start: 0, End: 6}}, false},
		{"same part twice", 0, 10, []storage.Range{{Start: 0, End: 10}, {Start: 0, End: 10}}, false},
		{"empty part", 0, 10, []storage.Range{{Start: 6, End: 10}, {Start: 3, End: 3}, {Start: 0, End: 2}}, false},
		{"part outside", 0, 10, []storage.Range{{Start: 6, End: 11}, {Start: 0, End: 2}}, false},
		{"does not reach start", 0, 10, []storage.Range{{Start: 6, End: 10}, {Start: 1, End: 3}}, false},
		{"does not reach end", 0, 10, []storage.Range{{Start: 6, End: 9}, {Start: 0, End: 3}}, false},
		{"does not reach start, text order", 0, 10, []storage.Range{{Start: 1, End: 3}, {Start: 6, End: 10}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: c.start, End: c.end, Ranges: c.parts, AnnotatorID: who.ID})
			if !c.ok {
				if !errors.Is(err, storage.ErrInvalid) {
					t.Fatalf("parts %v: err %v, want ErrInvalid", c.parts, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Annotation(bg, a.ID)
			if err != nil || !slices.Equal(got.Ranges, c.parts) {
				t.Fatalf("read back %v (%v), want %v in the same order", got.Ranges, err, c.parts)
			}
		})
	}
}

// TestUndoKeepsPartOrder: deleting a span whose parts are not in text
// order and undoing it brings the parts back in their order.
func TestUndoKeepsPartOrder(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	d, who := seed(t, p)
	parts := []storage.Range{{Start: 6, End: 10}, {Start: 0, End: 3}}
	a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 0, End: 10, Ranges: parts, AnnotatorID: who.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.DeleteAnnotation(bg, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Undo(bg); err != nil {
		t.Fatal(err)
	}
	if got, err := p.Annotation(bg, a.ID); err != nil || !slices.Equal(got.Ranges, parts) {
		t.Fatalf("after undo: parts %v (%v), want %v", got.Ranges, err, parts)
	}
}
