package realpath

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "other")
	deep := filepath.Join(root, "a", "b")
	for _, d := range []string{other, deep} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(root, "p.saywho"), nil, 0o644)
	links := map[string]string{
		"a/b/up":      "../..",        // a folder link
		"tob":         "a/b",          // link/.. is a, not root
		"dangling":    "p.saywho-wal", // names a file to create
		"chain":       "dangling",     // a link to a link
		"far":         filepath.Join(other, "x.json"),
		"loop1":       "loop2",
		"loop2":       "loop1",
		"other/back":  "../p.saywho",
		"other/tofar": "../far",
	}
	for l, to := range links {
		if err := os.Symlink(to, filepath.Join(root, l)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	cases := map[string]string{
		"p.saywho":            "p.saywho",
		"./a/../p.saywho":     "p.saywho",
		"tob/../p.saywho":     "a/p.saywho", // the kernel applies .. after the link
		"tob/../../p.saywho":  "p.saywho",
		"a/b/up/p.saywho":     "p.saywho",
		"dangling":            "p.saywho-wal",
		"chain":               "p.saywho-wal",
		"far":                 "other/x.json",
		"other/back":          "p.saywho",
		"other/tofar":         "other/x.json",
		"new.json":            "new.json",
		"a/b/up/a/b/new.json": "a/b/new.json",
		"a/":                  "a",
		"a/b/..":              "a",
	}
	for in, want := range cases {
		got, err := Resolve(root + string(filepath.Separator) + in) // not Join: it would clean "tob/.." away
		if err != nil {
			t.Errorf("Resolve(%s): %v", in, err)
			continue
		}
		if got != filepath.Join(root, want) {
			t.Errorf("Resolve(%s) = %s, want %s", in, got, filepath.Join(root, want))
		}
	}
	for _, bad := range []string{"loop1", "missing/x.json"} {
		if got, err := Resolve(filepath.Join(root, bad)); err == nil {
			t.Errorf("Resolve(%s) = %s, want an error", bad, got)
		}
	}
}
