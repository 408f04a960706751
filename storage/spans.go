package storage

import (
	"strconv"
	"strings"
)

// Parts returns the ranges the annotation covers: its Ranges for a
// discontinuous span, else [Start, End).
func (a *Annotation) Parts() []Range {
	if len(a.Ranges) > 0 {
		return a.Ranges
	}
	return []Range{{Start: a.Start, End: a.End}}
}

// SharedLength counts the code points two lists of ranges have in common.
// The ranges of one list must not overlap each other (as an annotation's
// parts never do).
func SharedLength(a, b []Range) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if d := min(x.End, y.End) - max(x.Start, y.Start); d > 0 {
				n += d
			}
		}
	}
	return n
}

// RangesKey is a comparable key of a list of ranges ("12-20,31-40,").
func RangesKey(parts []Range) string {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(strconv.Itoa(p.Start))
		sb.WriteByte('-')
		sb.WriteString(strconv.Itoa(p.End))
		sb.WriteByte(',')
	}
	return sb.String()
}

// Undecided reports whether a is a detector suggestion no coder has
// accepted: pending or rejected.
func (a *Annotation) Undecided() bool {
	return a.State == StateSuggested || a.State == StateRejected
}

// Decided keeps the annotations that are coders' judgements.
func Decided(anns []Annotation) []Annotation {
	out := anns[:0:0]
	for _, a := range anns {
		if !a.Undecided() {
			out = append(out, a)
		}
	}
	return out
}
