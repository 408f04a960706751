package doc

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/safezip"
)

// Supported reports whether name has an extension this package reads. It
// is the filter used when a whole folder is imported.
func Supported(name string) bool {
	_, ok := extFormats[strings.ToLower(filepath.Ext(name))]
	return ok
}

// ReadFile reads the file at path with Read. It checks the size first and
// refuses a file over MaxFileSize with ErrTooLarge without reading it.
func ReadFile(path string) (*Result, error) {
	base := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w: not a regular file", path, ErrUnsupported)
	}
	if fi.Size() > MaxFileSize {
		return nil, tooLarge(base, fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > MaxFileSize { // it grew since Stat
		return nil, tooLarge(base, int64(len(data)))
	}
	return Read(path, data)
}

// tooLarge is the error for a file of size bytes.
func tooLarge(name string, size int64) error {
	return fmt.Errorf("%s: %w: it is %.1f MiB and the limit is %d MiB", name, ErrTooLarge, float64(size)/(1<<20), MaxFileSize>>20)
}

// readerFailed is said when a reader panicked: a bug, reported as an error.
const readerFailed = "the reader failed unexpectedly"

// Read turns the content of the file called name into a Result. The reader
// is picked by content first (PDF, DOCX/ODT/EPUB inside a ZIP, HTML), then
// by the extension of name. Errors name the file and wrap one of the
// sentinel errors; a ZIP that is none of DOCX, ODT or EPUB gives
// ErrUnsupported so that the caller can try its other importers.
func Read(name string, data []byte) (res *Result, err error) {
	base := filepath.Base(name)
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%s: %w: %s (%v)", base, ErrCorrupt, readerFailed, r)
		}
	}()
	if len(data) > MaxFileSize {
		return nil, tooLarge(base, int64(len(data)))
	}
	res, err = dispatch(base, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	if err := finish(res, base); err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	return res, nil
}

// dispatch picks the reader and runs it.
func dispatch(name string, data []byte) (*Result, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(data) == 0:
		return nil, ErrEmpty
	case len(bytes.TrimSpace(data)) == 0:
		return nil, fmt.Errorf("%w: it holds only whitespace", ErrEmpty)
	case isPDF(data, ext):
		return readPDF(data)
	case safezip.IsZip(data):
		return readZip(data)
	}
	switch f, known := extFormats[ext]; {
	case f == FormatPDF || f == FormatDOCX || f == FormatODT || f == FormatEPUB:
		return nil, fmt.Errorf("%w: it has the %s extension but not the %s signature", ErrCorrupt, ext, strings.ToUpper(f))
	case !known && ext != "":
		return nil, fmt.Errorf("%w: %q files are not read as articles", ErrUnsupported, ext)
	default:
		return readText(data, f)
	}
}

// isPDF reports whether data starts with a PDF header, or, for a file
// named .pdf, has one in its first KiB (where PDF readers look for it,
// after junk some producers write first).
func isPDF(data []byte, ext string) bool {
	if ext == ".pdf" {
		return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
	}
	return bytes.HasPrefix(data, []byte("%PDF-"))
}
