package doc

import (
	"errors"
	"fmt"
	"io"
	"slices"

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

// maxPDFPageRunes bounds the characters the library may make of one page,
// keeping some 90 bytes for each: about 400 MB.
const maxPDFPageRunes = 4 << 20

// maxPDFWork bounds the work the library is given for one PDF, in units of
// about a nanosecond: it decodes a character code by comparing it with
// every entry of its font's map (some 2 units per entry and byte of
// content), and reads the font's whole map again at every Tf operator
// (some 30 units a byte of the map). A minute's worth, measured here: more
// would run into pdfTimeout, and the reading left behind would go on for
// as long as the work takes (hours for a small file setting a font with a
// large map 100,000 times).
const maxPDFWork = 60_000_000_000

// Why a page is refused before the library reads it.
var (
	// errTooMuchText: its fonts could make more than maxPDFPageRunes
	// characters of its content.
	errTooMuchText = errors.New("its text could grow beyond the limit")
	// errTooSlow: the PDF's work would exceed maxPDFWork.
	errTooSlow = errors.New("reading it would take too long")
)

// pdfBudget is what is left for the pages not read yet.
type pdfBudget struct {
	streams int64 // bytes of inflated content (maxPDFStreams)
	work    int64 // see maxPDFWork
}

// pageGlyphs checks a page's content (checkStream) and the character maps
// of its fonts (checkCMap), charging b, and that its text cannot exceed
// maxPDFPageRunes: every character code shown takes a byte of content at
// least, and gives at most as many characters as the longest mapping of
// its font (one without a character map gives one). It returns the page's
// positioned characters, turning a panic of the library into an error.
func pageGlyphs(pg pdf.Page, b *pdfBudget) (glyphs []pdf.Text, err error) {
	defer func() {
		if r := recover(); r != nil {
			glyphs, err = nil, errors.New(pdfTrouble(r))
		}
	}()
	var tf tfCounter
	n, err := checkStream(pg.V.Key("Contents"), min(maxPDFPageStream, b.streams), &tf)
	if b.streams -= n; err != nil {
		return nil, err
	}
	var most cmapStats // the largest of each measure over the page's fonts
	most.runes = 1
	fonts := pg.Resources().Key("Font")
	for i, name := range fonts.Keys() {
		if i == maxPDFFonts {
			return nil, fmt.Errorf("more than %d fonts", maxPDFFonts)
		}
		st, err := checkCMap(fonts.Key(name).Key("ToUnicode"))
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", name, err)
		}
		most.runes, most.entries, most.size = max(most.runes, st.runes), max(most.entries, st.entries), max(most.size, st.size)
	}
	if n*int64(most.runes) > maxPDFPageRunes {
		return nil, fmt.Errorf("%w: a font maps one character code to up to %d characters, so its %d KiB of content could give more than the %d a page may have",
			errTooMuchText, most.runes, n>>10, maxPDFPageRunes)
	}
	if b.work -= 2*n*int64(most.entries) + 30*tf.n*most.size; b.work < 0 {
		return nil, fmt.Errorf("%w: its fonts' character maps (up to %d entries, %d KiB) are large for the content that uses them", errTooSlow, most.entries, most.size>>10)
	}
	return pg.Content().Text, nil
}

// tfCounter is an io.Writer counting the occurrences of "Tf" (the operator
// setting a font, and any other: an upper bound) in what it is given.
type tfCounter struct {
	n    int64
	last byte
}

func (c *tfCounter) Write(p []byte) (int, error) {
	for _, b := range p {
		if c.last == 'T' && b == 'f' {
			c.n++
		}
		c.last = b
	}
	return len(p), nil
}
