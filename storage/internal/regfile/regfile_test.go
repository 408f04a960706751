package regfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenRegularFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := path + ".link"
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, link} {
		f, st, err := Open(p)
		if err != nil {
			t.Fatalf("Open(%s): %v", p, err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil || string(data) != "text" || st.Size() != 4 {
			t.Errorf("Open(%s) read %q, size %d, %v", p, data, st.Size(), err)
		}
	}
}

func TestOpenRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	_, _, err := Open(dir)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "is a folder, not a regular file") {
		t.Fatalf("Open(folder) = %v", err)
	}
	if _, _, err := Open(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing) = %v, want ErrNotExist", err)
	}
}
