package storage

import (
	"fmt"
	"slices"
)

// The parts of a discontinuous annotation (Annotation.Ranges) are kept in
// the order the coder or the source file gave them, which need not be text
// order: a brat T line may list a span's fragments out of text order
// (PolNeAR's development set has "209 236;91 186"), and that order is kept
// from import to export. Parts never overlap, each is non-empty, and together they
// reach from Start to End: Start is the smallest part start and End the
// largest part end, so that whoever ignores Ranges (the window, the CSV
// export) sees the span's full extent. Code that needs the parts in text
// order sorts a copy with InTextOrder.

// CheckRanges reports whether parts are valid parts of the span
// [start, end), in whatever order: each non-empty and inside the span, no
// two overlapping, the first to start at start and the last to end at end.
// The error wraps ErrInvalid.
func CheckRanges(start, end int, parts []Range) error {
	for i, r := range parts {
		if r.Start < start || r.End > end || r.End <= r.Start {
			return fmt.Errorf("%w: part %d [%d,%d) is empty or outside [%d,%d)", ErrInvalid, i, r.Start, r.End, start, end)
		}
	}
	sorted := InTextOrder(parts)
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Start < sorted[i-1].End {
			return fmt.Errorf("%w: parts [%d,%d) and [%d,%d) overlap", ErrInvalid, sorted[i-1].Start, sorted[i-1].End, sorted[i].Start, sorted[i].End)
		}
	}
	if len(sorted) > 0 && (sorted[0].Start != start || sorted[len(sorted)-1].End != end) {
		return fmt.Errorf("%w: the parts reach from %d to %d, not from the span's start %d to its end %d",
			ErrInvalid, sorted[0].Start, sorted[len(sorted)-1].End, start, end)
	}
	return nil
}

// InTextOrder returns a copy of parts sorted by start offset.
func InTextOrder(parts []Range) []Range {
	out := slices.Clone(parts)
	slices.SortFunc(out, func(a, b Range) int { return a.Start - b.Start })
	return out
}
