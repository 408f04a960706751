package doc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/safezip"
	"github.com/saywho-app/saywho/storage/internal/regfile"
)

// Supported reports whether name has an extension this package reads. It
// is the filter used when a whole folder is imported.
func Supported(name string) bool {
	_, ok := extFormats[strings.ToLower(filepath.Ext(name))]
	return ok
}

// ReadFile reads the file at path with Read (see ReadBytes).
func ReadFile(path string) (*Result, error) {
	data, err := ReadBytes(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// ReadBytes returns the content of the file at path, the bounded way every
// importer reads a file: anything but a regular file (a folder, a named
// pipe, a device such as /dev/zero) is refused with ErrNotRegular before a
// byte is read, and a file over MaxFileSize with ErrTooLarge before it is
// read. Errors name the file.
func ReadBytes(path string) ([]byte, error) {
	base := filepath.Base(path)
	f, st, err := regfile.Open(path)
	switch {
	case errors.Is(err, regfile.ErrNotRegular):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%s: cannot read: %w", base, regfile.Cause(err))
	}
	defer f.Close()
	if st.Size() > MaxFileSize {
		return nil, tooLarge(base, st.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", base, regfile.Cause(err))
	}
	if len(data) > MaxFileSize { // it grew since it was opened
		return nil, tooLarge(base, int64(len(data)))
	}
	return data, nil
}

// tooLarge is the error for a file of size bytes.
func tooLarge(name string, size int64) error {
	mib := strconv.FormatFloat(math.Round(float64(size)/(1<<20)*10)/10, 'f', -1, 64)
	return fmt.Errorf("%s: %w: it is %s MiB, more than the %d MiB Saywho imports", name, ErrTooLarge, mib, MaxFileSize>>20)
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
