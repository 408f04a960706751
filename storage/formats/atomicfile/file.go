// Package atomicfile writes export files and folders so that a failed export
// never leaves a half-written file where the user asked for one: everything
// is built under a temporary name in the same directory and renamed into
// place only when it is complete.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/saywho-app/saywho/storage/internal/realpath"
)

// WriteFileAtomic creates or replaces the file at path with what write
// produces. The data goes to a temporary file in the same directory, which
// is flushed, synced and then renamed over path. When write or any step
// fails, the temporary file is removed and an existing file at path is left
// untouched. A replaced file keeps its permission bits; a new one gets 0644.
//
// Only a missing or regular file is replaced. A named pipe or character
// device (a terminal, /dev/stdout, /dev/null) is written into directly, as
// a shell redirection would. A folder, block device or socket is refused
// with ErrNotWritable. A symbolic link is never replaced itself: the file
// it leads to is written as above when it lies in the link's own folder,
// and refused when it lies elsewhere.
func WriteFileAtomic(path string, write func(w io.Writer) error) (err error) {
	if _, base := filepath.Split(path); base == "" {
		return fmt.Errorf("write %q: not a file name", path)
	}
	t, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := os.FileMode(0o644)
	switch t.kind {
	case stream:
		return writeStream(t.path, write)
	case folder:
		return refuse(path, t.mode, "give a file name")
	case other:
		return refuse(path, t.mode, "exports are written to files, named pipes and terminals")
	case regular:
		mode = t.mode.Perm()
	}
	dir, base := realpath.Split(t.path)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Something else may have been put there while the export ran.
	if fi, lerr := os.Lstat(t.path); lerr == nil && !fi.Mode().IsRegular() {
		return refuse(path, fi.Mode(), "nothing was replaced")
	}
	if err = os.Rename(tmp.Name(), t.path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// writeStream writes into an existing named pipe or character device. It
// cannot be atomic: a reader sees the data as it comes.
func writeStream(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
		if err != nil {
			err = fmt.Errorf("write %s: %w", path, err)
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", path, cerr)
	}
	return err
}

// syncDir makes a rename durable where the platform allows it; failures are
// ignored because some systems cannot sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
