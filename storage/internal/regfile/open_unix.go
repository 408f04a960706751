//go:build unix

package regfile

import (
	"os"
	"syscall"
)

// openFile opens path read-only without blocking: opening a named pipe
// otherwise waits for a writer, and one may have been put in place of the
// regular file just checked. O_NONBLOCK changes nothing for reading a
// regular file.
func openFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
