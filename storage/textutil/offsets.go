package textutil

import (
	"fmt"
	"unicode/utf8"
)

// ContextLen is the number of code points kept as an annotation's prefix and
// suffix (W3C TextQuoteSelector).
const ContextLen = 32

// Index maps code-point offsets of one text to byte and UTF-16 offsets. Build
// it once per document; lookups are O(1).
type Index struct {
	runes []rune
	bytes []int // bytes[i] = byte offset of code point i; len = n+1
	utf16 []int // utf16[i] = UTF-16 offset of code point i; len = n+1
}

// NewIndex builds an Index over text.
func NewIndex(text string) *Index {
	runes := []rune(text)
	ix := &Index{runes: runes, bytes: make([]int, len(runes)+1), utf16: make([]int, len(runes)+1)}
	b, u := 0, 0
	for i, r := range runes {
		ix.bytes[i], ix.utf16[i] = b, u
		b += utf8.RuneLen(r)
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	ix.bytes[len(runes)], ix.utf16[len(runes)] = b, u
	return ix
}

// Len returns the text's length in code points.
func (ix *Index) Len() int { return len(ix.runes) }

// Runes returns the text's code points. The slice must not be modified.
func (ix *Index) Runes() []rune { return ix.runes }

// Check reports an error unless 0 <= start <= end <= Len().
func (ix *Index) Check(start, end int) error {
	if start < 0 || end < start || end > len(ix.runes) {
		return fmt.Errorf("span [%d,%d) is outside the text (0..%d code points)", start, end, len(ix.runes))
	}
	return nil
}

// Slice returns the code points [start, end) as a string; the span must be valid.
func (ix *Index) Slice(start, end int) string { return string(ix.runes[start:end]) }

// Context returns up to ContextLen code points before start and after end.
func (ix *Index) Context(start, end int) (prefix, suffix string) {
	p := max(start-ContextLen, 0)
	s := min(end+ContextLen, len(ix.runes))
	return string(ix.runes[p:start]), string(ix.runes[end:s])
}

// Byte returns the UTF-8 byte offset of code point i.
func (ix *Index) Byte(i int) int { return ix.bytes[i] }

// UTF16 returns the UTF-16 code-unit offset of code point i.
func (ix *Index) UTF16(i int) int { return ix.utf16[i] }

// OffsetUnit names a unit that exports may count offsets in.
type OffsetUnit string

// The supported offset units. Code points are Saywho's own.
const (
	UnitCodepoint OffsetUnit = "codepoint"
	UnitUTF16     OffsetUnit = "utf16"
	UnitByte      OffsetUnit = "byte"
)

// ParseOffsetUnit parses a unit name, accepting "" as code points.
func ParseOffsetUnit(s string) (OffsetUnit, error) {
	switch OffsetUnit(s) {
	case "", UnitCodepoint:
		return UnitCodepoint, nil
	case UnitUTF16, UnitByte:
		return OffsetUnit(s), nil
	}
	return "", fmt.Errorf("unknown offset unit %q (use codepoint, utf16 or byte)", s)
}

// Convert maps code-point offset i to unit u.
func (ix *Index) Convert(i int, u OffsetUnit) int {
	switch u {
	case UnitUTF16:
		return ix.utf16[i]
	case UnitByte:
		return ix.bytes[i]
	}
	return i
}

// FromUnit maps offset off counted in unit u back to a code-point offset,
// or returns -1 when off does not fall on a code-point boundary.
func (ix *Index) FromUnit(off int, u OffsetUnit) int {
	var table []int
	switch u {
	case UnitUTF16:
		table = ix.utf16
	case UnitByte:
		table = ix.bytes
	default:
		if off < 0 || off > len(ix.runes) {
			return -1
		}
		return off
	}
	lo, hi := 0, len(table)-1
	for lo <= hi {
		m := (lo + hi) / 2
		switch {
		case table[m] == off:
			return m
		case table[m] < off:
			lo = m + 1
		default:
			hi = m - 1
		}
	}
	return -1
}
