package safezip

import "errors"

// Sentinel errors. Every error this package returns wraps one of them (or an
// error of archive/zip or the underlying reader) with the entry name and the
// limit that was hit, so callers test with errors.Is and show Error() as is.
var (
	// ErrNotZip means the data is not a readable ZIP archive.
	ErrNotZip = errors.New("not a valid ZIP archive")
	// ErrZipBomb means an entry expands far more than real documents do,
	// or beyond the size it declares: the archive is refused before it is
	// inflated.
	ErrZipBomb = errors.New("archive looks like a zip bomb")
	// ErrTooLarge means an entry or the whole archive is larger than the
	// limits allow, at a compression ratio that is not suspicious.
	ErrTooLarge = errors.New("archive content is too large")
	// ErrTooManyEntries means the archive has more entries than allowed.
	ErrTooManyEntries = errors.New("archive has too many entries")
	// ErrUnsafePath means an entry name could escape a folder when
	// extracted (.., an absolute path, a drive letter, a backslash trick)
	// or is a symbolic link.
	ErrUnsafePath = errors.New("archive entry has an unsafe path")
	// ErrDuplicate means two entries have exactly the same name, which makes
	// it ambiguous which one a reader sees.
	ErrDuplicate = errors.New("archive has duplicate entries")
	// ErrNotFound means the archive has no entry of that name.
	ErrNotFound = errors.New("archive entry not found")
)
