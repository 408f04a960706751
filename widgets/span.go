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
// queries, their offsets clamped to the text, and each span's nesting
// level: the lowest bar row not used by an overlapping span that starts
// earlier.
type spanIndex struct {
	spans      []Span  // as given (a copy), sorted
	start, end []int   // spans[i] clamped to the text; empty when start >= end
	maxEnd     []int   // maxEnd[i] = max end of spans[0..i]: non-decreasing
	level      []uint8 // bar row of spans[i]
}

// newSpanIndex copies and sorts spans and clamps them to [0, textLen].
func newSpanIndex(in []Span, textLen int) spanIndex {
	spans := slices.Clone(in)
	for i := range spans {
		if spans[i].Color == nil {
			spans[i].Color = defaultSpanColor
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
	x := spanIndex{spans: spans}
	x.clamp(textLen)
	return x
}

// clamp fits the spans to a text of textLen code points (clamping keeps
// them sorted) and assigns their levels.
func (x *spanIndex) clamp(textLen int) {
	n := len(x.spans)
	x.start, x.end, x.maxEnd, x.level = make([]int, n), make([]int, n), make([]int, n), make([]uint8, n)
	m := 0
	for i, s := range x.spans {
		x.start[i], x.end[i] = max(min(s.Start, textLen), 0), max(min(s.End, textLen), 0)
		m = max(m, x.end[i])
		x.maxEnd[i] = m
	}
	x.assignLevels()
}

// empty reports whether span i has nothing to show.
func (x *spanIndex) empty(i int) bool { return x.start[i] >= x.end[i] }

// assignLevels gives each span the lowest level free among the spans still
// open at its start (a sweep with a min-heap of open spans by end).
func (x *spanIndex) assignLevels() {
	var open openSpans
	var used [256]int
	for i := range x.spans {
		if x.empty(i) {
			continue
		}
		for len(open) > 0 && open[0].end <= x.start[i] {
			used[open.pop().level]--
		}
		lv := 0
		for lv < len(used)-1 && used[lv] > 0 {
			lv++
		}
		x.level[i] = uint8(lv)
		used[lv]++
		open.push(openSpan{x.end[i], uint8(lv)})
	}
}

// overlapping calls fn with the index of every span overlapping [a, b).
func (x *spanIndex) overlapping(a, b int, fn func(i int)) {
	first := sort.SearchInts(x.maxEnd, a+1) // first span that may end after a
	for i := first; i < len(x.spans) && x.start[i] < b; i++ {
		if x.end[i] > a && !x.empty(i) {
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
		if la, lb := x.end[a]-x.start[a], x.end[b]-x.start[b]; la != lb {
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
