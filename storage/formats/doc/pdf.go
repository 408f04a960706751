package doc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"
	"github.com/saywho-app/saywho/storage"
)

// Bounds on what a PDF may make the reader do. A content stream is
// inflated once to measure it before the library interprets it, so that a
// compressed bomb in a small PDF is refused instead of exhausting memory.
const (
	maxPDFPages      = 10000
	maxPDFPageStream = 8 << 20   // inflated content of one page
	maxPDFStreams    = 256 << 20 // inflated content of all pages
)

// readPDF reads the text layer of a PDF with github.com/ledongthuc/pdf,
// page by page, lines top to bottom and left to right, lines joined into
// paragraphs by their spacing (see pdfLayout). A PDF without text (a
// scan) gives ErrNoText. The library panics on some malformed input: that
// is recovered, per page where possible.
func readPDF(data []byte) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: malformed PDF (%v)", ErrCorrupt, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, pdf.ErrInvalidPassword) {
		return nil, fmt.Errorf("%w: the PDF is password-protected", ErrUnsupported)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	pages, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	res = &Result{}
	var lay pdfLayout
	budget := int64(maxPDFStreams)
	var firstErr error // of the first page that could not be read
	for i, pg := range pages {
		glyphs, n, err := pageGlyphs(pg, min(maxPDFPageStream, budget))
		if errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("%w: the content of page %d inflates beyond %d MiB", err, i+1, min(maxPDFPageStream, budget)>>20)
		}
		if err != nil {
			res.Notices = append(res.Notices, fmt.Sprintf("page %d could not be read and was skipped: %v", i+1, err))
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		budget -= n
		lay.addPage(glyphs)
	}
	d := &res.Doc
	d.Format, d.Text = FormatPDF, lay.String()
	switch {
	case strings.TrimSpace(d.Text) == "" && firstErr != nil && len(res.Notices) == len(pages):
		return nil, fmt.Errorf("%w: no page could be read (page 1: %v)", ErrCorrupt, firstErr)
	case strings.TrimSpace(d.Text) == "":
		return nil, fmt.Errorf("%w: this PDF has no text layer (scanned?); run OCR first", ErrNoText)
	}
	pdfInfo(r, d)
	return res, nil
}

// pdfInfo copies title, author and creation date from the document
// information dictionary, if it can be read.
func pdfInfo(r *pdf.Reader, d *storage.Document) {
	defer func() { _ = recover() }() // metadata is optional: a broken one is ignored
	info := r.Trailer().Key("Info")
	d.Title, d.Byline, d.Published = info.Key("Title").Text(), info.Key("Author").Text(), info.Key("CreationDate").Text()
}

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

// streamSize inflates a page's content (a stream or an array of streams)
// to measure it, returning ErrTooLarge past limit bytes.
func streamSize(v pdf.Value, limit int64) (int64, error) {
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
		rc := s.Reader()
		n, _ := io.Copy(io.Discard, io.LimitReader(rc, limit-total+1))
		rc.Close()
		total += n
		if total > limit {
			return total, ErrTooLarge
		}
	}
	return total, nil
}

// pageGlyphs measures a page's content (ErrTooLarge past limit bytes)
// and returns its positioned characters and its inflated size, turning a
// panic of the library into an error.
func pageGlyphs(pg pdf.Page, limit int64) (glyphs []pdf.Text, n int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			glyphs, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if n, err = streamSize(pg.V.Key("Contents"), limit); err != nil {
		return nil, n, err
	}
	return pg.Content().Text, n, nil
}
