package doc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/safezip"
)

// zipLimits bound what is inflated from a document archive: no text part
// of a document under MaxFileSize is near 128 MiB, and 512 MiB in all
// leaves room for the images an archive also holds, which are not read.
var zipLimits = safezip.Limits{MaxEntrySize: 128 << 20, MaxTotalSize: 512 << 20}

// MIME types stored in the "mimetype" entry of ODF and EPUB files.
const (
	mimeODT  = "application/vnd.oasis.opendocument.text"
	mimeEPUB = "application/epub+zip"
)

// readZip opens a ZIP archive defensively and reads it as DOCX, ODT or
// EPUB; any other archive gives ErrUnsupported.
func readZip(data []byte) (*Result, error) {
	a, err := safezip.FromBytes(data, zipLimits)
	if errors.Is(err, safezip.ErrNotZip) {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if err != nil {
		return nil, err
	}
	mime, _ := a.ReadFile("mimetype")
	switch m := strings.TrimSpace(string(mime)); {
	case m == mimeODT:
		return readODT(a)
	case m == mimeEPUB:
		return readEPUB(a)
	case strings.HasPrefix(m, "application/vnd.oasis.opendocument."):
		return nil, fmt.Errorf("%w: an OpenDocument file of type %q, not a text document", ErrUnsupported, m)
	}
	if _, ok := a.Find(docxBody); ok {
		return readDOCX(a)
	}
	return nil, fmt.Errorf("%w: a ZIP archive that is not a DOCX, ODT or EPUB document", ErrUnsupported)
}

// readPart reads a required part of a document archive.
func readPart(a *safezip.Archive, name string) ([]byte, error) {
	b, err := a.ReadFile(name)
	if errors.Is(err, safezip.ErrNotFound) {
		return nil, fmt.Errorf("%w: the archive has no %s", ErrCorrupt, name)
	}
	return b, err
}
