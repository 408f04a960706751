// Package regfile opens files for reading only when they are regular
// files. Reading a named pipe blocks until a writer comes, and a device
// such as /dev/zero or /dev/urandom never ends: Saywho refuses both before
// it reads a byte, naming what the path is instead.
package regfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular means the path is not a regular file: a folder, a named
// pipe, a device, a socket.
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading if it is a regular file (a symbolic link is
// followed). Anything else gives an error wrapping ErrNotRegular that says
// what the path is. The file is checked before it is opened, opened so
// that a named pipe put in its place meanwhile cannot block (see openFile),
// and checked again once open.
func Open(path string) (*os.File, fs.FileInfo, error) {
	before, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := Check(path, before.Mode()); err != nil {
		return nil, nil, err
	}
	f, err := openFile(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = Check(path, st.Mode())
	}
	if err == nil && !os.SameFile(before, st) {
		err = fmt.Errorf("%s was replaced while being opened", path)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// Check returns nil if mode is a regular file's, else an error wrapping
// ErrNotRegular that names path and says what it is.
func Check(path string, mode fs.FileMode) error {
	if mode.IsRegular() {
		return nil
	}
	return fmt.Errorf("%s is %s, %w", path, Describe(mode), ErrNotRegular)
}

// Describe says in words what kind of file mode is, for messages: "a
// folder", "a named pipe (FIFO)", "a device", …
func Describe(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return "a regular file"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a block device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeIrregular != 0:
		return "a special file"
	}
	return "not a regular file"
}

// Cause returns what an fs.PathError says went wrong, without the path it
// repeats (errors.Is still sees fs.ErrNotExist and the like); other errors
// are returned as they are.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
