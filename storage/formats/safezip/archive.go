// Package safezip reads ZIP archives defensively, for every archive format
// Saywho imports (DOCX, ODT, EPUB, REFI-QDA .qdpx). Opening an archive
// checks every entry's name and declared size; reading an entry goes
// through a counting limit, so a zip bomb or an entry that lies about its
// size is refused with a clear error long before it is inflated fully.
// Entries are looked up case-insensitively, since tools disagree about
// folder casing.
package safezip

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"time"
)

// Entry describes one entry of an archive, as declared in its central
// directory.
type Entry struct {
	Name           string    // the name as stored, with its casing
	Size           int64     // declared uncompressed size in bytes
	CompressedSize int64     // compressed size in bytes
	Modified       time.Time // modification time, zero when absent
	IsDir          bool      // a folder entry (name ends in "/")
}

// Archive is an opened ZIP archive whose names and declared sizes passed
// the limits. It is safe for concurrent use.
type Archive struct {
	lim      Limits
	files    []*zip.File
	exact    map[string]*zip.File
	folded   map[string]*zip.File
	mu       sync.Mutex
	inflated int64 // bytes read from all entries so far
}

// IsZip reports whether data starts with a ZIP signature (a local file
// header, or the end record of an empty archive).
func IsZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// FromBytes opens the archive held in data. Zero fields of lim take their
// DefaultLimits value.
func FromBytes(data []byte, lim Limits) (*Archive, error) {
	return NewReader(bytes.NewReader(data), int64(len(data)), lim)
}

// NewReader opens the archive of the given size read from r and checks
// every entry: its name (ErrUnsafePath, ErrDuplicate), the number of
// entries (ErrTooManyEntries), and the declared sizes and compression
// ratios (ErrZipBomb, ErrTooLarge). Nothing is inflated yet.
func NewReader(r io.ReaderAt, size int64, lim Limits) (*Archive, error) {
	lim = lim.withDefaults()
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("%w: %d entries, the limit is %d", ErrTooManyEntries, len(zr.File), lim.MaxEntries)
	}
	a := &Archive{lim: lim, files: zr.File, exact: map[string]*zip.File{}, folded: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		if err := a.check(f); err != nil {
			return nil, err
		}
		if _, dup := a.exact[f.Name]; dup {
			return nil, fmt.Errorf("%w: %q appears more than once", ErrDuplicate, f.Name)
		}
		a.exact[f.Name] = f
		if k := key(f.Name); a.folded[k] == nil {
			a.folded[k] = f
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotalSize) {
			return nil, fmt.Errorf("%w: entries declare more than %s in all (the limit)", ErrTooLarge, human(uint64(lim.MaxTotalSize)))
		}
	}
	return a, nil
}

// check applies the per-entry rules to f at open time.
func (a *Archive) check(f *zip.File) error {
	if err := checkName(f.Name); err != nil {
		return err
	}
	if f.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%w: %q is a symbolic link", ErrUnsafePath, f.Name)
	}
	size, packed := f.UncompressedSize64, f.CompressedSize64
	if err := a.checkRatio(f.Name, size, packed); err != nil {
		return err
	}
	if max(size, packed) > uint64(a.lim.MaxEntrySize) {
		return fmt.Errorf("%w: %q declares %s, the limit is %s", ErrTooLarge, f.Name, human(max(size, packed)), human(uint64(a.lim.MaxEntrySize)))
	}
	return nil
}

// checkRatio refuses an entry whose declared compression ratio is beyond
// the limit.
func (a *Archive) checkRatio(name string, size, packed uint64) error {
	if size <= uint64(a.lim.RatioFloor) {
		return nil
	}
	if packed == 0 || size/packed > uint64(a.lim.MaxRatio) {
		return fmt.Errorf("%w: %q declares %d bytes from %d compressed (more than %d:1)", ErrZipBomb, name, size, packed, a.lim.MaxRatio)
	}
	return nil
}

// Entries lists the archive's entries in archive order.
func (a *Archive) Entries() []Entry {
	out := make([]Entry, len(a.files))
	for i, f := range a.files {
		out[i] = entryOf(f)
	}
	return out
}

// Find looks name up: an exact match first, else the first entry whose
// name is equal ignoring case (backslashes count as slashes, a leading
// "./" is ignored).
func (a *Archive) Find(name string) (Entry, bool) {
	f := a.lookup(name)
	if f == nil {
		return Entry{}, false
	}
	return entryOf(f), true
}

// lookup returns the file Find would describe, or nil.
func (a *Archive) lookup(name string) *zip.File {
	if f := a.exact[name]; f != nil {
		return f
	}
	return a.folded[key(name)]
}

// entryOf describes f.
func entryOf(f *zip.File) Entry {
	return Entry{
		Name:           f.Name,
		Size:           int64(f.UncompressedSize64),
		CompressedSize: int64(f.CompressedSize64),
		Modified:       f.Modified,
		IsDir:          f.FileInfo().IsDir(),
	}
}

// human formats a byte count for error messages.
func human(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
