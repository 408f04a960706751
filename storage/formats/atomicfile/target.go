package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/saywho-app/saywho/storage/internal/realpath"
)

// ErrNotWritable is returned (wrapped) when the path names something an
// export must not replace: a folder (for a file export), a file (for a
// folder export), a block device, a socket, or a symbolic link that leads
// out of its folder.
var ErrNotWritable = errors.New("cannot be written by an export")

// kind classifies what lies at a path.
type kind int

const (
	absent  kind = iota // nothing: it will be created
	regular             // a regular file: replaced by a rename
	folder              // a directory
	stream              // a named pipe or character device: written into
	other               // block device, socket, anything else: refused
)

func kindOf(m fs.FileMode) kind {
	switch {
	case m.IsRegular():
		return regular
	case m.IsDir():
		return folder
	case m&fs.ModeNamedPipe != 0, m&fs.ModeCharDevice != 0:
		return stream
	}
	return other
}

// describe names a file type for messages.
func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a file"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device (a disk or partition)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// target is what a path given by the user turns out to be.
type target struct {
	path string      // where to write: the path itself, or what its link leads to
	kind kind        // what lies there now
	mode fs.FileMode // the existing file's mode
}

// resolve looks at path without following it, then follows symbolic links
// only as far as they stay in path's own folder: a rename then happens
// beside the link's target, never over the link, and never in a folder
// the user did not choose. A link to a named pipe or character device
// (/dev/stdout → /proc/self/fd/1 → a terminal or pipe) is written into
// wherever it lies, as nothing is renamed there.
func resolve(path string) (target, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return target{path: path, kind: absent}, nil
	}
	if err != nil {
		return target{}, err
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return target{path: path, kind: kindOf(fi.Mode()), mode: fi.Mode()}, nil
	}
	// Stat follows the kernel's own resolution, magic /proc links included.
	if st, err := os.Stat(path); err == nil && kindOf(st.Mode()) == stream {
		return target{path: path, kind: stream, mode: st.Mode()}, nil
	}
	end, err := realpath.Resolve(path)
	if err != nil {
		return target{}, err
	}
	if dir, _ := realpath.Split(path); !sameDir(dir, filepath.Dir(end)) {
		return target{}, fmt.Errorf("%s is a symbolic link to %s, in another folder: %w; give that path itself, or another name",
			path, end, ErrNotWritable)
	}
	fi, err = os.Lstat(end)
	if errors.Is(err, fs.ErrNotExist) {
		return target{path: end, kind: absent}, nil
	}
	if err != nil {
		return target{}, err
	}
	return target{path: end, kind: kindOf(fi.Mode()), mode: fi.Mode()}, nil
}

// sameDir reports whether a and b are the same existing folder.
func sameDir(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// refuse is the error for a path holding something of the wrong type.
func refuse(path string, m fs.FileMode, want string) error {
	return fmt.Errorf("%s is %s: %w; %s", path, describe(m), ErrNotWritable, want)
}
