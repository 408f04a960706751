//go:build unix

package hangtest

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// Fifo makes a named pipe at path. At the end of the test it is opened for
// writing and closed, so that a reader a failing test left waiting on it
// gets end-of-file.
func Fifo(t testing.TB, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
}

// Returns runs fn and fails the test if it has not returned after a
// minute: it hangs (on a pipe, or reading a device without end).
func Returns(t testing.TB, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("did not return: it hangs")
	}
}
