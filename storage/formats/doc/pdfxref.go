package doc

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
)

// Numbers read from a PDF decide how much memory the library allocates:
// the object numbers of its cross-reference sections (a table indexed by
// object number), the field widths of a cross-reference stream, and the
// /Columns of a predictor. Given absurd values the Go runtime fails with a
// fatal out-of-memory error that no recover can catch, so a 300-byte file
// could end the application. The object count /N of an object stream is
// looped over even past the end of its data. checkPDFNumbers reads those
// numbers first, the way the library will, and refuses a file that would
// do that.

// Patterns of the entries checked, on raw bytes.
var (
	pdfInt     = regexp.MustCompile(`^\s*(-?\d+)`)
	pdfSize    = regexp.MustCompile(`/Size\s*(-?\d+)`)
	pdfPrev    = regexp.MustCompile(`/Prev\s*(-?\d+)`)
	pdfW       = regexp.MustCompile(`/W\s*\[([^\]]*)\]`)
	pdfIndex   = regexp.MustCompile(`/Index\s*\[([^\]]*)\]`)
	pdfColumns = regexp.MustCompile(`/Columns\s*(-?\d+)(\s+\d+\s+R)?`)
	pdfN       = regexp.MustCompile(`/N\s*(-?\d+)`)
)

// Limits on those numbers. No real PDF comes near them.
const (
	maxPDFColumns  = 1 << 20 // bytes in a predictor row
	maxPDFXrefs    = 1000    // cross-reference sections
	maxPDFFieldLen = 8       // bytes in a cross-reference stream field
)

// maxPDFObjects bounds the object numbers of a file of n bytes: an object
// takes more than 8 bytes even compressed in an object stream.
func maxPDFObjects(n int) int64 { return max(int64(n)/8, 100_000) }

// checkPDFNumbers refuses a PDF whose numbers would make the library
// allocate without bound, or whose cross-reference sections loop.
func checkPDFNumbers(data []byte) error {
	for _, m := range pdfColumns.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > maxPDFColumns || m[2] != nil {
			return fmt.Errorf("%w: a predictor has /Columns %s", ErrCorrupt, bytes.TrimSpace(m[0][len("/Columns"):]))
		}
	}
	limit := maxPDFObjects(len(data))
	for _, n := range allInts(pdfN, data) { // the object count of object streams, read in a loop
		if n > limit {
			return fmt.Errorf("%w: an object stream declares more objects than the file can hold", ErrCorrupt)
		}
	}
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil // the library says what is missing
	}
	start := allInts(pdfInt, data[i+len("startxref"):])
	off, ok := int64(-1), len(start) == 1
	if ok {
		off = start[0]
	}
	if ok && (off < 0 || off >= int64(len(data))) { // the library panics on a negative one
		return fmt.Errorf("%w: its cross-reference offset (startxref %s) lies outside the file (%d bytes)%s",
			ErrCorrupt, bytes.Fields(data[i+len("startxref"):])[0], len(data), repairHint)
	}
	for seen := map[int64]bool{}; ok && off >= 0 && off < int64(len(data)); {
		if seen[off] || len(seen) == maxPDFXrefs {
			return fmt.Errorf("%w: its cross-reference sections loop", ErrCorrupt)
		}
		seen[off] = true
		dict := bytes.TrimLeft(data[off:], " \t\r\n\f\x00")
		if rest, ok := bytes.CutPrefix(dict, []byte("xref")); ok {
			var err error
			if dict, err = checkXrefTable(rest, limit); err != nil || dict == nil {
				return err
			}
		}
		dict = dict[:dictEnd(dict)]
		if err := checkXrefDict(dict, limit); err != nil {
			return err
		}
		prev := allInts(pdfPrev, dict)
		off, ok = int64(-1), len(prev) > 0
		if ok {
			off = prev[len(prev)-1] // of repeated keys, the library keeps the last
		}
	}
	return nil
}

// checkXrefTable checks the subsection headers of a classic
// cross-reference table (after the "xref" keyword) and returns what
// follows the "trailer" keyword, or nil if the table is malformed (which
// the library reports).
func checkXrefTable(b []byte, limit int64) ([]byte, error) {
	for {
		var tok, count []byte
		tok, b = pdfToken(b)
		if string(tok) == "trailer" || tok == nil {
			return b, nil
		}
		count, b = pdfToken(b)
		start, err1 := strconv.ParseInt(string(tok), 10, 64)
		n, err2 := strconv.ParseInt(string(count), 10, 64)
		if err1 != nil || err2 != nil {
			return nil, nil
		}
		if start < 0 || n < 0 || start > limit || n > limit-start {
			return nil, fmt.Errorf("%w: its cross-reference table numbers objects up to %s", ErrCorrupt, tok)
		}
		for range 3 * n { // offset, generation, n or f
			if tok, b = pdfToken(b); tok == nil {
				return nil, nil
			}
		}
	}
}

// checkXrefDict checks every /Size, /W and /Index of a trailer or
// cross-reference stream dictionary (a key may be repeated).
func checkXrefDict(dict []byte, limit int64) error {
	for _, n := range allInts(pdfSize, dict) {
		if n < 0 || n > limit {
			return fmt.Errorf("%w: its cross-reference section has /Size %d", ErrCorrupt, n)
		}
	}
	for _, m := range pdfW.FindAllSubmatch(dict, -1) {
		for _, f := range bytes.Fields(m[1]) {
			if w, err := strconv.ParseInt(string(f), 10, 64); err != nil || w < 0 || w > maxPDFFieldLen {
				return fmt.Errorf("%w: its cross-reference stream has a field of %s bytes", ErrCorrupt, f)
			}
		}
	}
	for _, m := range pdfIndex.FindAllSubmatch(dict, -1) {
		f := bytes.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			start, err1 := strconv.ParseInt(string(f[i]), 10, 64)
			n, err2 := strconv.ParseInt(string(f[i+1]), 10, 64)
			if err1 != nil || err2 != nil || start < 0 || n < 0 || start > limit || n > limit-start {
				return fmt.Errorf("%w: its cross-reference stream indexes objects %s %s", ErrCorrupt, f[i], f[i+1])
			}
		}
	}
	return nil
}

// dictEnd is where the dictionary at the start of b ends at the latest:
// at its stream's data or the next startxref, within 64 KiB.
func dictEnd(b []byte) int {
	end := min(len(b), 64<<10)
	for _, kw := range []string{"stream", "startxref"} {
		if i := bytes.Index(b[:end], []byte(kw)); i >= 0 {
			end = i
		}
	}
	return end
}

// allInts returns the integers captured by the matches of re in b; one
// too large for int64 is returned as math.MaxInt64, above every limit.
func allInts(re *regexp.Regexp, b []byte) []int64 {
	var out []int64
	for _, m := range re.FindAllSubmatch(b, -1) {
		n, err := strconv.ParseInt(string(m[1]), 10, 64)
		if err != nil {
			n = math.MaxInt64
		}
		out = append(out, n)
	}
	return out
}

// pdfToken returns the first white-space separated token of b and the rest.
func pdfToken(b []byte) (tok, rest []byte) {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	i := bytes.IndexAny(b, " \t\r\n\f\x00")
	if i < 0 {
		i = len(b)
	}
	if i == 0 {
		return nil, b
	}
	return b[:i], b[i:]
}
