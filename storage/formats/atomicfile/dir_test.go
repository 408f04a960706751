package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// writeFiles returns a write func that creates the given files (name → data)
// and then returns fail.
func writeFiles(files map[string]string, fail error) func(string) error {
	return func(tmp string) error {
		for name, data := range files {
			p := filepath.Join(tmp, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				return err
			}
		}
		return fail
	}
}

// readTree returns the files below dir (relative slash paths → content).
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	names, err := listFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = string(b)
	}
	return out
}

func TestWriteDirAtomic(t *testing.T) {
	first := map[string]string{"a.txt": "A", "sub/b.ann": "B"}
	second := map[string]string{"a.txt": "A2", "c.ann": "C"}
	cases := []struct {
		name    string
		setup   func(t *testing.T, dir string) // prepares the target
		files   map[string]string
		fail    error
		wantErr error // nil, errBoom or ErrDirInUse
		want    map[string]string
	}{
		{name: "new folder", files: first, want: first},
		{name: "empty folder", setup: func(t *testing.T, d string) { os.Mkdir(d, 0o755) }, files: first, want: first},
		{name: "replace previous export", setup: func(t *testing.T, d string) {
			if err := WriteDirAtomic(d, writeFiles(first, nil)); err != nil {
				t.Fatal(err)
			}
		}, files: second, want: second},
		{name: "previous export with user file", setup: func(t *testing.T, d string) {
			if err := WriteDirAtomic(d, writeFiles(first, nil)); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(d, "mine.txt"), []byte("keep"), 0o644)
		}, files: second, wantErr: ErrDirInUse, want: map[string]string{"a.txt": "A", "sub/b.ann": "B", "mine.txt": "keep"}},
		{name: "foreign folder", setup: func(t *testing.T, d string) {
			os.Mkdir(d, 0o755)
			os.WriteFile(filepath.Join(d, "thesis.docx"), []byte("x"), 0o644)
		}, files: first, wantErr: ErrDirInUse, want: map[string]string{"thesis.docx": "x"}},
		{name: "failed write leaves nothing", files: first, fail: errBoom, wantErr: errBoom},
		{name: "failed write keeps previous export", setup: func(t *testing.T, d string) {
			if err := WriteDirAtomic(d, writeFiles(first, nil)); err != nil {
				t.Fatal(err)
			}
		}, files: second, fail: errBoom, wantErr: errBoom, want: first},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "export")
			if c.setup != nil {
				c.setup(t, dir)
			}
			err := WriteDirAtomic(dir, writeFiles(c.files, c.fail))
			if c.wantErr == nil && err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if c.wantErr != nil && !errors.Is(err, c.wantErr) {
				t.Fatalf("err = %v, want %v", err, c.wantErr)
			}
			got := map[string]string{}
			if _, serr := os.Stat(dir); serr == nil {
				got = readTree(t, dir)
				delete(got, ManifestName)
			}
			if len(got) != len(c.want) {
				t.Fatalf("files = %v, want %v", keys(got), keys(c.want))
			}
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if extra := leftovers(t, parent, "export"); len(extra) > 0 {
				t.Errorf("temporary folders left: %v", extra)
			}
		})
	}
}

func TestWriteDirAtomicRejectsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export")
	os.WriteFile(path, []byte("data"), 0o644)
	if err := WriteDirAtomic(path, writeFiles(map[string]string{"a": "b"}, nil)); err == nil {
		t.Fatal("a file was replaced by a folder")
	}
	if b, _ := os.ReadFile(path); string(b) != "data" {
		t.Fatal("file changed")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
