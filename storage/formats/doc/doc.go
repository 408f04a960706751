// Package doc turns one article file into a storage.Document ready to be
// stored: plain text, Markdown, HTML, DOCX, ODT, EPUB and PDF. The reader
// is picked from the content first (PDF and ZIP signatures, an HTML
// prologue) and from the file name's extension second. Every reader returns
// text normalised by textutil.Normalize (NFC, "\n" line endings) with
// paragraphs separated by a blank line, the metadata it can find, and a
// clear error naming the file for anything it cannot read; none of them
// panics, reads the network, or holds more than a bounded amount of memory.
package doc

import (
	"errors"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/internal/regfile"
)

// MaxFileSize is the largest file ReadFile accepts: 64 MiB. A news article
// is a few dozen KiB and a long report or e-book a few MiB, while the text
// of a document is held several times over while importing (file bytes,
// decoded text, normalised text, the code-point index built for offsets at
// 4 bytes a code point), so 64 MiB keeps the peak under about 1 GiB. The
// article view could not usefully show more anyway.
const MaxFileSize = 64 << 20

// Result is one imported document before it is stored.
type Result struct {
	// Doc has Title, Outlet, Byline, Published, URL, FileName, Format and
	// Text set (those the file provides); Text is already normalised.
	Doc storage.Document
	// Notices tell the user what was guessed or changed, e.g. "decoded as
	// Windows-1252".
	Notices []string
}

// Sentinel errors; Read and ReadFile wrap them with the file name and a
// reason. Archive errors of package safezip (ErrZipBomb, ErrUnsafePath, …)
// are wrapped as they are.
var (
	// ErrEmpty means the file has no text, or only whitespace.
	ErrEmpty = errors.New("the file is empty")
	// ErrBinary means the file is binary data, not text.
	ErrBinary = errors.New("the file is binary, not text")
	// ErrTooLarge means the file is larger than MaxFileSize.
	ErrTooLarge = errors.New("the file is too large")
	// ErrUnsupported means this package has no reader for the file: the
	// caller may try another importer (a REFI-QDA .qdpx or a Saywho JSON
	// export).
	ErrUnsupported = errors.New("unsupported file format")
	// ErrNoText means the file is a valid document without extractable
	// text, such as a scanned PDF.
	ErrNoText = errors.New("no text found")
	// ErrCorrupt means the file is damaged, or is not what its name says.
	ErrCorrupt = errors.New("the file is damaged or not in the format its name says")
	// ErrEncrypted means the file is encrypted (password-protected, even
	// if only against changes) in a way that cannot be read.
	ErrEncrypted = errors.New("the file is password-protected or encrypted")
	// ErrNotRegular means the path is not a regular file but a folder, a
	// named pipe, a device or a socket, which ReadFile does not read.
	ErrNotRegular = regfile.ErrNotRegular
)

// The Format values set in Result.Doc.Format.
const (
	FormatTxt      = "txt"
	FormatMarkdown = "md"
	FormatHTML     = "html"
	FormatDOCX     = "docx"
	FormatODT      = "odt"
	FormatEPUB     = "epub"
	FormatPDF      = "pdf"
)

// extFormats maps the supported extensions to their format.
var extFormats = map[string]string{
	".txt": FormatTxt, ".text": FormatTxt,
	".md": FormatMarkdown, ".markdown": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".docx": FormatDOCX, ".odt": FormatODT, ".epub": FormatEPUB, ".pdf": FormatPDF,
}
