//go:build unix

package regfile

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/hangtest"
)

// TestOpenRefusesSpecialFiles opens a named pipe (which would block an
// ordinary open until a writer comes), devices that never end, a socket
// and links to them: each is refused, saying what it is.
func TestOpenRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.txt")
	hangtest.Fifo(t, fifo)
	sock := filepath.Join(dir, "s.txt")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	zeroLink := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", zeroLink); err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		fifo:           "a named pipe (FIFO)",
		sock:           "a socket",
		"/dev/zero":    "a character device",
		"/dev/urandom": "a character device",
		"/dev/null":    "a character device",
		zeroLink:       "a character device",
	}
	for path, says := range tests {
		f, _, err := Open(path)
		if err == nil {
			f.Close()
			t.Errorf("Open(%s) succeeded", path)
			continue
		}
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), path+" is "+says+", not a regular file") {
			t.Errorf("Open(%s) = %v, want it to say %q", path, err, says)
		}
	}
}

// TestOpenFileDoesNotBlockOnPipe opens a named pipe the way Open does
// after its check, as if the checked file had been replaced by one: the
// open returns at once instead of waiting for a writer, and the check on
// the open file refuses it.
func TestOpenFileDoesNotBlockOnPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p")
	hangtest.Fifo(t, fifo)
	var f *os.File
	var err error
	hangtest.Returns(t, func() { f, err = openFile(fifo) })
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(fifo, st.Mode()); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Check(open pipe) = %v, want ErrNotRegular", err)
	}
}
