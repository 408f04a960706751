package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// symlink makes a link or skips where the system does not allow it.
func symlink(t *testing.T, to, link string) {
	t.Helper()
	if err := os.Symlink(to, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

func isLink(t *testing.T, path string) bool {
	t.Helper()
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// A link is never replaced by a regular file: its target is written when
// it is in the same folder, and the export is refused when it is not.
func TestWriteFileThroughSymlink(t *testing.T) {
	cases := []struct {
		name    string
		to      func(dir, elsewhere string) string // what the link points to
		create  bool                               // the target exists with "old"
		wantErr bool
	}{
		{name: "file beside it", to: func(dir, _ string) string { return "real.json" }, create: true},
		{name: "missing file beside it", to: func(dir, _ string) string { return "real.json" }},
		{name: "absolute path beside it", to: func(dir, _ string) string { return filepath.Join(dir, "real.json") }, create: true},
		{name: "via subfolder and ..", to: func(dir, _ string) string { return "sub/../real.json" }, create: true},
		{name: "file in another folder", to: func(_, elsewhere string) string { return filepath.Join(elsewhere, "real.json") }, create: true, wantErr: true},
		{name: "missing file in another folder", to: func(_, elsewhere string) string { return filepath.Join(elsewhere, "real.json") }, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, elsewhere := t.TempDir(), t.TempDir()
			os.Mkdir(filepath.Join(dir, "sub"), 0o755)
			to := c.to(dir, elsewhere)
			real := to
			if !filepath.IsAbs(real) {
				real = filepath.Join(dir, real)
			}
			if c.create {
				if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			link := filepath.Join(dir, "out.json")
			symlink(t, to, link)
			err := WriteFileAtomic(link, writeString("new"))
			if c.wantErr {
				if !errors.Is(err, ErrNotWritable) {
					t.Fatalf("err = %v, want ErrNotWritable", err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if !isLink(t, link) {
				t.Error("the link was replaced")
			}
			want := "new"
			if c.wantErr {
				want = "old"
			}
			if b, err := os.ReadFile(real); (c.create || !c.wantErr) && string(b) != want {
				t.Errorf("the target holds %q (%v), want %q", b, err, want)
			}
			if c.wantErr && !c.create {
				if _, err := os.Lstat(real); err == nil {
					t.Error("a file was created in another folder")
				}
			}
			if extra := leftovers(t, dir, "out.json", "real.json", "sub"); len(extra) > 0 {
				t.Errorf("files left: %v", extra)
			}
		})
	}
}

func TestWriteFileSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	symlink(t, "b", a)
	symlink(t, "a", b)
	if err := WriteFileAtomic(a, writeString("x")); err == nil {
		t.Fatal("a link loop was written")
	}
	if !isLink(t, a) || !isLink(t, b) {
		t.Error("a link was replaced")
	}
}

func TestWriteDirThroughSymlink(t *testing.T) {
	files := map[string]string{"a.txt": "A"}
	t.Run("folder beside it", func(t *testing.T) {
		dir := t.TempDir()
		real := filepath.Join(dir, "real")
		link := filepath.Join(dir, "export")
		symlink(t, "real", link)
		if err := WriteDirAtomic(link, writeFiles(files, nil)); err != nil {
			t.Fatal(err)
		}
		if !isLink(t, link) {
			t.Error("the link was replaced by a folder")
		}
		if b, err := os.ReadFile(filepath.Join(real, "a.txt")); string(b) != "A" {
			t.Errorf("the folder the link leads to holds %q (%v)", b, err)
		}
		// A second export replaces the first, through the link again.
		if err := WriteDirAtomic(link, writeFiles(map[string]string{"b.txt": "B"}, nil)); err != nil {
			t.Fatal(err)
		}
		if got := readTree(t, real); got["b.txt"] != "B" || got["a.txt"] != "" {
			t.Errorf("after the second export: %v", keys(got))
		}
		if !isLink(t, link) {
			t.Error("the link was replaced by a folder")
		}
	})
	t.Run("folder elsewhere", func(t *testing.T) {
		dir, elsewhere := t.TempDir(), t.TempDir()
		link := filepath.Join(dir, "export")
		symlink(t, elsewhere, link)
		if err := WriteDirAtomic(link, writeFiles(files, nil)); !errors.Is(err, ErrNotWritable) {
			t.Fatalf("err = %v, want ErrNotWritable", err)
		}
		if !isLink(t, link) {
			t.Error("the link was replaced")
		}
		if extra := leftovers(t, elsewhere); len(extra) > 0 {
			t.Errorf("written elsewhere: %v", extra)
		}
	})
}
