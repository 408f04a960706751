package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrDiskFull is wrapped by errors that mean the disk is full.
var ErrDiskFull = errors.New("the disk is full")

// DiskFullError says that the disk holding Dir is full, and how much room
// is left there.
type DiskFullError struct {
	Dir  string // the folder written to
	Free int64  // bytes free there; -1 when the system cannot say
	Err  error  // the error met
}

func (e *DiskFullError) Error() string {
	if e.Free < 0 {
		return fmt.Sprintf("the disk is full at %s: free some space and try again", e.Dir)
	}
	return fmt.Sprintf("the disk is full (%s free at %s): free some space and try again", humanBytes(e.Free), e.Dir)
}

// Unwrap lets errors.Is find ErrDiskFull and the error met.
func (e *DiskFullError) Unwrap() []error { return []error{ErrDiskFull, e.Err} }

// humanBytes writes a size the way the message needs it: "0 kB", "3.2 MB".
func humanBytes(n int64) string {
	if n < 1_000_000 {
		return fmt.Sprintf("%d kB", n/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// DiskFull returns err as a *DiskFullError when it is the system's ENOSPC
// for a write under path (a file or folder), and err unchanged otherwise.
// Backends whose errors carry codes of their own classify them with
// DiskFullBy.
func DiskFull(path string, err error) error {
	return DiskFullBy(path, err, func(err error, _ int64) bool { return errors.Is(err, syscall.ENOSPC) })
}

// DiskFullBy is DiskFull with the classification given: full reports
// whether err means a full disk, knowing the bytes free there (-1 when the
// system cannot say).
func DiskFullBy(path string, err error, full func(err error, free int64) bool) error {
	if err == nil || errors.Is(err, ErrDiskFull) {
		return err
	}
	dir := path
	if st, statErr := os.Stat(dir); statErr != nil || !st.IsDir() {
		dir = filepath.Dir(path)
	}
	if abs, absErr := filepath.Abs(dir); absErr == nil {
		dir = abs
	}
	free, known := FreeSpace(dir)
	if !known {
		free = -1
	}
	if !full(err, free) {
		return err
	}
	return &DiskFullError{Dir: dir, Free: free, Err: err}
}
