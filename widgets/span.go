package widgets

import (
	"image/color"
	"slices"
	"sort"
)

// SpanStyle chooses how a span is drawn.
type SpanStyle int

const (
	// SpanNormal is an annotation: a translucent fill in the span's colour
	// and a coloured bar under the text.
	SpanNormal SpanStyle = iota
	// SpanSuggested is a detector's suggestion awaiting a decision: a thin
	// outline and a faint bar, no fill, so it reads quieter than SpanNormal.
	SpanSuggested
	// SpanMatch is a find-in-document match: a stronger fill, no bar.
	SpanMatch
)

// Span is a highlighted range of the text. Spans may overlap and nest.
type Span struct {
	// ID identifies the span in callbacks; the view does not interpret it.
	ID string
	// Start and End are code-point offsets, [Start, End). Out-of-range
	// offsets are clamped to the text; empty spans are not drawn.
	Start, End int
	// Color is the span's colour as given (nil: grey); fills are derived
	// from it.
	Color color.Color
	// Label is shown in the tooltip while the pointer rests on the span.
	Label string
	// Style chooses how the span is drawn.
	Style SpanStyle
}

// maxLevels is the number of underline bars stacked under a line; deeper
// nesting levels share the last bar row.
const maxLevels = 3

// spanIndex holds spans sorted by start (longer first on ties) for interval
// queries, with each span's nesting level: the lowest bar row not used by
// an overlapping span that starts earlier.
type spanIndex struct {
	spans  []Span
	maxEnd []int   // maxEnd[i] = max End of spans[0..i]: non-decreasing
	level  []uint8 // bar row of spans[i]
}

// newSpanIndex copies spans, clamps them to [0, textLen] and drops empty ones.
func newSpanIndex(in []Span, textLen int) spanIndex {
	spans := make([]Span, 0, len(in))
	for _, s := range in {
		s.Start, s.End = max(min(s.Start, textLen), 0), max(min(s.End, textLen), 0)
		if s.Color == nil {
			s.Color = defaultSpanColor
		}
		if s.Start < s.End {
			spans = append(spans, s)
		}
	}
	order := func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	}
	if !slices.IsSortedFunc(spans, order) {
		slices.SortStableFunc(spans, order)
	}
	x := spanIndex{spans: spans, maxEnd: make([]int, len(spans)), level: make([]uint8, len(spans))}
	m := 0
	for i, s := range spans {
		m = max(m, s.End)
		x.maxEnd[i] = m
	}
	x.assignLevels()
	return x
}

// assignLevels gives each span the lowest level free among the spans still
// open at its start (a sweep with a min-heap of open spans by end).
func (x *spanIndex) assignLevels() {
	var open openSpans
	var used [256]int
	for i, s := range x.spans {
		for len(open) > 0 && open[0].end <= s.Start {
			used[open.pop().level]--
		}
		lv := 0
		for lv < len(used)-1 && used[lv] > 0 {
			lv++
		}
		x.level[i] = uint8(lv)
		used[lv]++
		open.push(openSpan{s.End, uint8(lv)})
	}
}

// overlapping calls fn with the index of every span overlapping [a, b).
func (x *spanIndex) overlapping(a, b int, fn func(i int)) {
	first := sort.SearchInts(x.maxEnd, a+1) // first span that may end after a
	for i := first; i < len(x.spans) && x.spans[i].Start < b; i++ {
		if x.spans[i].End > a {
			fn(i)
		}
	}
}

// at returns the indices of the spans containing code point off, innermost
// (shortest) first.
func (x *spanIndex) at(off int) []int {
	var out []int
	x.overlapping(off, off+1, func(i int) { out = append(out, i) })
	slices.SortStableFunc(out, func(a, b int) int {
		la, lb := x.spans[a].End-x.spans[a].Start, x.spans[b].End-x.spans[b].Start
		if la != lb {
			return la - lb
		}
		return b - a // later start is further in
	})
	return out
}

// openSpan is a span still open during the level sweep.
type openSpan struct {
	end   int
	level uint8
}

// openSpans is a min-heap of open spans by end.
type openSpans []openSpan

// push adds o.
func (h *openSpans) push(o openSpan) {
	*h = append(*h, o)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if s[p].end <= s[i].end {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
}

// pop removes and returns the span that ends first.
func (h *openSpans) pop() openSpan {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && s[c+1].end < s[c].end {
			c++
		}
		if s[i].end <= s[c].end {
			break
		}
		s[i], s[c] = s[c], s[i]
		i = c
	}
	*h = s
	return top
}
