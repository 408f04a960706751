package doc

import (
	"errors"
	"fmt"
	"io"

	"github.com/ledongthuc/pdf"
)

// errHexAtEnd reports a stream that ends inside a hex string, on which the
// library's lexer loops forever.
var errHexAtEnd = errors.New("a stream ends inside a hex string")

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
// content may be) to measure and scan it before the library interprets it:
// past limit bytes it returns ErrTooLarge, and errHexAtEnd if it ends in an
// unterminated hex string.
func checkStream(v pdf.Value, limit int64) (int64, error) {
	var total int64
	parts := []pdf.Value{v}
	if v.Kind() == pdf.Array {
		parts = parts[:0]
		for i := range min(v.Len(), 10000) {
			parts = append(parts, v.Index(i))
		}
	}
	for _, s := range parts {
		if s.Kind() != pdf.Stream {
			continue
		}
		var scan hexTail
		rc := s.Reader()
		n, _ := io.Copy(&scan, io.LimitReader(rc, limit-total+1))
		rc.Close()
		total += n
		switch {
		case total > limit:
			return total, ErrTooLarge
		case scan.open:
			return total, errHexAtEnd
		}
	}
	return total, nil
}

// hexTail is an io.Writer that tracks whether what it was given ends in
// "<" followed only by hex digits and white space: a hex string the
// library's lexer would never leave.
type hexTail struct{ open bool }

func (h *hexTail) Write(p []byte) (int, error) {
	for _, c := range p {
		switch {
		case c == '<':
			h.open = true
		case h.open && !isHexOrSpace(c):
			h.open = false
		}
	}
	return len(p), nil
}

// isHexOrSpace reports whether c is a hex digit or PDF white space.
func isHexOrSpace(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' ||
		c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// pageGlyphs checks a page's content and the character maps of its fonts
// (checkStream) and returns its positioned characters and the inflated
// size of its content, turning a panic of the library into an error.
func pageGlyphs(pg pdf.Page, limit int64) (glyphs []pdf.Text, n int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			glyphs, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if n, err = checkStream(pg.V.Key("Contents"), limit); err != nil {
		return nil, n, err
	}
	fonts := pg.Resources().Key("Font")
	for i, name := range fonts.Keys() {
		if i == maxPDFFonts {
			return nil, n, fmt.Errorf("more than %d fonts", maxPDFFonts)
		}
		if _, err := checkStream(fonts.Key(name).Key("ToUnicode"), maxPDFPageStream); err != nil {
			return nil, n, fmt.Errorf("font %s: %w", name, err)
		}
	}
	return pg.Content().Text, n, nil
}
