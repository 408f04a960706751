package doc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// Why a page is not given to the library.
var (
	// errHexAtEnd: a stream ends inside a hex string, on which the
	// library's lexer loops forever.
	errHexAtEnd = errors.New("a stream ends inside a hex string")
	// errStreamTooLarge: a stream inflates beyond its limit.
	errStreamTooLarge = errors.New("its content inflates beyond the limit")
)

// pdfPages returns the leaves of the page tree in order. The tree is
// walked here, not by the library, to bound its depth and size: a cyclic
// tree would otherwise loop forever.
func pdfPages(root pdf.Value) ([]pdf.Page, error) {
	var pages []pdf.Page
	visits := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		visits++
		if depth > 64 || visits > 4*maxPDFPages {
			return fmt.Errorf("%w: the page tree is too deep or cyclic", ErrCorrupt)
		}
		kids := v.Key("Kids")
		if kids.Kind() != pdf.Array {
			if len(pages) == maxPDFPages {
				return fmt.Errorf("%w: more than %d pages", ErrTooLarge, maxPDFPages)
			}
			pages = append(pages, pdf.Page{V: v})
			return nil
		}
		for i := range kids.Len() {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if root.IsNull() {
		return nil, fmt.Errorf("%w: the PDF has no page tree", ErrCorrupt)
	}
	return pages, walk(root, 0)
}

// checkStream inflates a stream (or an array of streams, as a page's
// content may be, which the library reads as one) to measure and scan it
// before the library interprets it, copying it to sink: past limit bytes
// it returns errStreamTooLarge, and errHexAtEnd if it ends in an unterminated hex
// string.
func checkStream(v pdf.Value, limit int64, sink io.Writer) (int64, error) {
	parts := []pdf.Value{v}
	if v.Kind() == pdf.Array {
		parts = parts[:0]
		for i := range min(v.Len(), 10000) {
			parts = append(parts, v.Index(i))
		}
	}
	var total int64
	var scan hexTail
	for _, s := range parts {
		if s.Kind() != pdf.Stream {
			continue
		}
		rc := s.Reader()
		n, _ := io.Copy(io.MultiWriter(&scan, sink), io.LimitReader(rc, limit-total+1))
		rc.Close()
		if total += n; total > limit {
			return total, fmt.Errorf("%w of %d MiB", errStreamTooLarge, limit>>20)
		}
	}
	if scan.ends() {
		return total, errHexAtEnd
	}
	return total, nil
}

// cmapBlock finds the operators that start a block of a character map,
// after the count of its entries.
var cmapBlock = regexp.MustCompile(`begin(bfchar|bfrange)`)

// checkCMap checks a font's ToUnicode character map: besides checkStream,
// every block must be preceded by a literal count of at most
// maxPDFCMapBlock entries (the specification allows 100), since the
// library appends that many entries whatever the data holds.
func checkCMap(v pdf.Value) error {
	var buf bytes.Buffer
	if _, err := checkStream(v, maxPDFPageStream, &buf); err != nil {
		return err
	}
	data := buf.Bytes()
	for _, loc := range cmapBlock.FindAllIndex(data, -1) {
		before := bytes.TrimRight(data[:loc[0]], " \t\r\n\f\x00")
		digits := len(before) - len(bytes.TrimRight(before, "0123456789"))
		n, err := strconv.Atoi(string(before[len(before)-digits:]))
		if digits == 0 || err != nil || n > maxPDFCMapBlock {
			return fmt.Errorf("%w: a character map block has no count or more than %d entries", ErrCorrupt, maxPDFCMapBlock)
		}
	}
	return nil
}

// hexTail is an io.Writer that tells whether the library's lexer could
// reach the end of what it was given inside a hex string. The lexer reads
// a hex string by pairs of non-space bytes until a ">" starts a pair, and
// loops forever if the data ends first; a pair with a non-hex byte ends
// the string with an error. hexTail follows that reading from every "<"
// (also those in literal strings or comments: erring on the safe side),
// at most a few at once since each ends soon after the next "<".
type hexTail struct {
	open []hexRead // the readings still going on
}

// hexRead is one reading of a hex string: the first byte of the pair
// being read, or 0 between pairs.
type hexRead struct{ first byte }

func (h *hexTail) Write(p []byte) (int, error) {
	for _, c := range p {
		if !isPDFSpace(c) {
			h.open = slices.DeleteFunc(h.open, func(r hexRead) bool { return !r.step(c) })
			for i := range h.open {
				h.open[i] = h.open[i].next(c)
			}
		}
		if c == '<' {
			h.open = append(h.open, hexRead{})
		}
	}
	return len(p), nil
}

// step reports whether the reading goes on after non-space byte c.
func (r hexRead) step(c byte) bool {
	if r.first == 0 {
		return c != '>'
	}
	return isHex(r.first) && isHex(c)
}

// next is the reading after non-space byte c, given that it goes on.
func (r hexRead) next(c byte) hexRead {
	if r.first == 0 {
		return hexRead{first: c}
	}
	return hexRead{}
}

// ends reports whether a reading is still going on at the end.
func (h *hexTail) ends() bool { return len(h.open) > 0 }

// isHex reports whether c is a hex digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isPDFSpace reports whether c is PDF white space.
func isPDFSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// pageGlyphs checks a page's content (checkStream) and the character maps
// of its fonts (checkCMap) and returns its positioned characters and the inflated
// size of its content, turning a panic of the library into an error.
func pageGlyphs(pg pdf.Page, limit int64) (glyphs []pdf.Text, n int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			glyphs, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if n, err = checkStream(pg.V.Key("Contents"), limit, io.Discard); err != nil {
		return nil, n, err
	}
	fonts := pg.Resources().Key("Font")
	for i, name := range fonts.Keys() {
		if i == maxPDFFonts {
			return nil, n, fmt.Errorf("more than %d fonts", maxPDFFonts)
		}
		if err := checkCMap(fonts.Key(name).Key("ToUnicode")); err != nil {
			return nil, n, fmt.Errorf("font %s: %w", name, err)
		}
	}
	return pg.Content().Text, n, nil
}
