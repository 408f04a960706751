package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var errBoom = errors.New("boom")

// leftovers lists the entries of dir other than the ones named in keep.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, k := range keep {
		want[k] = true
	}
	var out []string
	for _, e := range ents {
		if !want[e.Name()] {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteFileAtomic(t *testing.T) {
	cases := []struct {
		name     string
		existing string // "" = no file before
		write    string
		fail     bool
		want     string
		wantErr  bool
	}{
		{name: "new file", write: "hello 😀", want: "hello 😀"},
		{name: "replace", existing: "old", write: "new", want: "new"},
		{name: "failure keeps old", existing: "old", write: "partial", fail: true, want: "old", wantErr: true},
		{name: "failure leaves nothing", write: "partial", fail: true, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			if c.existing != "" {
				if err := os.WriteFile(path, []byte(c.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFileAtomic(path, func(w io.Writer) error {
				io.WriteString(w, c.write)
				if c.fail {
					return errBoom
				}
				return nil
			})
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, c.wantErr)
			}
			if c.fail && !errors.Is(err, errBoom) {
				t.Errorf("error %v does not wrap the writer's error", err)
			}
			got, rerr := os.ReadFile(path)
			switch {
			case c.want == "" && rerr == nil:
				t.Errorf("file exists after failed write: %q", got)
			case c.want != "" && string(got) != c.want:
				t.Errorf("content = %q, want %q (%v)", got, c.want, rerr)
			}
			if c.existing != "" {
				fi, err := os.Stat(path)
				if err == nil && fi.Mode().Perm() != 0o600 {
					t.Errorf("mode = %v, want 0600 kept", fi.Mode().Perm())
				}
			}
			if extra := leftovers(t, dir, "out.json"); len(extra) > 0 {
				t.Errorf("temporary files left: %v", extra)
			}
		})
	}
}

func TestWriteFileAtomicRejectsDirectory(t *testing.T) {
	dir := t.TempDir()
	err := WriteFileAtomic(dir, func(w io.Writer) error { return nil })
	if err == nil {
		t.Fatal("writing over a directory succeeded")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatal("directory damaged")
	}
}
