package doc

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/saywho-app/saywho/storage"
)

// Bounds on what a PDF may make the reader do. A content stream is
// inflated once to check it before the library interprets it, so that a
// compressed bomb in a small PDF is refused instead of exhausting memory:
// the library keeps about 90 bytes per character shown, so 4 MiB of
// content (a dense page of text is under 200 KiB) costs at most a few
// hundred MiB.
const (
	maxPDFPages      = 10000
	maxPDFPageStream = 4 << 20   // inflated content of one page
	maxPDFStreams    = 256 << 20 // inflated content of all pages
	maxPDFFonts      = 1000      // fonts of one page
)

// pdfTimeout bounds the time spent on one PDF. The library can loop
// forever on some malformed input that the checks of pdfguard.go do not
// foresee (inside object streams); readPDF then gives up with an error,
// leaving the reading goroutine behind, which is better than an import
// that never ends.
var pdfTimeout = 2 * time.Minute

// readPDF reads the text layer of a PDF with github.com/ledongthuc/pdf,
// page by page, lines top to bottom and left to right, lines joined into
// paragraphs by their spacing (see pdfLayout). A PDF without text (a
// scan) gives ErrNoText. The library panics on some malformed input: that
// is recovered, per page where possible.
func readPDF(data []byte) (*Result, error) {
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	run := extract
	go func() {
		res, err := run(data)
		done <- outcome{res, err}
	}()
	timer := time.NewTimer(pdfTimeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.res, o.err
	case <-timer.C:
		return nil, fmt.Errorf("%w: reading the PDF took longer than %s, so it is probably malformed", ErrCorrupt, pdfTimeout)
	}
}

// extract is extractPDF; a variable so a test can stand in a PDF that
// never finishes.
var extract = extractPDF

// extractPDF does the work of readPDF.
func extractPDF(data []byte) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %s", ErrCorrupt, pdfTrouble(r))
		}
	}()
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:] // junk before the header: offsets count from the header
	}
	if err := checkPDFNumbers(data); err != nil {
		return nil, err
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, openTrouble(err)
	}
	enc := r.Trailer().Key("Encrypt")
	if why := weakKey(enc); !enc.IsNull() && why != "" {
		return nil, encrypted(why)
	}
	pages, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	res = &Result{}
	d := &res.Doc
	d.Format = FormatPDF
	if d.Text, res.Notices, err = readPages(pages, maxPDFText(len(data))); err != nil {
		if !enc.IsNull() && errors.Is(err, ErrCorrupt) {
			return nil, encrypted("it could not be decrypted (" + strings.TrimPrefix(err.Error(), ErrCorrupt.Error()+": ") + ")")
		}
		return nil, err
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

// maxPDFText bounds the characters taken from a PDF of size bytes: ten
// for each byte of the file (text compresses about four times, and a
// file holds more than its text), at least 64 Ki and at most 20 million.
func maxPDFText(size int) int { return min(max(10*size, 1<<16), 20_000_000) }

// readPages lays out the text of pages. A page that cannot be read (the
// library panics, or its content is too large or would make the library
// loop) is skipped with a notice; when no page can be read, that is the
// error. Reading stops with ErrTooLarge past maxPDFStreams of content in
// all, past limit characters, or when the rest would take the library
// longer than maxPDFWork.
func readPages(pages []pdf.Page, limit int) (text string, notices []string, err error) {
	var lay pdfLayout
	b := pdfBudget{streams: maxPDFStreams, work: maxPDFWork}
	chars := 0
	var firstErr error // of the first page that could not be read
	for i, pg := range pages {
		glyphs, err := pageGlyphs(pg, &b)
		switch {
		case b.streams <= 0:
			return "", nil, fmt.Errorf("%w: the content of its pages inflates beyond %d MiB in all", ErrTooLarge, maxPDFStreams>>20)
		case errors.Is(err, errTooSlow):
			return "", nil, fmt.Errorf("%w: %v (by page %d); the PDF reader would take more than %s", ErrTooLarge, err, i+1, pdfTimeout)
		case err != nil:
			notices = append(notices, fmt.Sprintf("page %d could not be read and was skipped: %v", i+1, err))
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		if chars += len(glyphs); chars > limit {
			return "", nil, fmt.Errorf("%w: its text runs past %d characters by page %d, more than Saywho takes from a PDF of this size (ten characters per byte of the file, at most 20 million)", ErrTooLarge, limit, i+1)
		}
		lay.addPage(glyphs)
	}
	text = lay.String()
	switch {
	case strings.TrimSpace(text) != "":
		return text, notices, nil
	case firstErr != nil && len(notices) == len(pages):
		sentinel := ErrCorrupt
		if errors.Is(firstErr, errStreamTooLarge) || errors.Is(firstErr, errTooMuchText) {
			sentinel = ErrTooLarge
		}
		return "", nil, fmt.Errorf("%w: no page could be read (page 1: %v)", sentinel, firstErr)
	}
	return "", nil, fmt.Errorf("%w: this PDF has no text layer (scanned?); run OCR first", ErrNoText)
}
