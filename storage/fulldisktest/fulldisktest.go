// Package fulldisktest gives tests a small disk that fills up: a tmpfs
// mounted on a temporary folder. Mounting needs Linux and root; elsewhere
// the tests skip, saying what was not checked.
package fulldisktest

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Fill writes a file in dir until the disk holding it is full, and
// returns its path.
func Fill(t testing.TB, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	// Single bytes fill what is left of the last block.
	for {
		if _, err := f.Write(block[:1]); err != nil {
			break
		}
	}
	f.Sync()
	return path
}
