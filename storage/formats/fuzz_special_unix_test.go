//go:build unix

package formats

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/hangtest"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// specialKinds make what FuzzImportSpecial imports at path: things that
// are not regular files, under any name.
var specialKinds = []func(t *testing.T, path string) error{
	func(t *testing.T, path string) error { hangtest.Fifo(t, path); return nil },
	func(t *testing.T, path string) error { return os.Symlink("/dev/zero", path) },
	func(t *testing.T, path string) error { return os.Symlink("/dev/urandom", path) },
	func(t *testing.T, path string) error { return os.Symlink(path+".missing", path) },
	func(t *testing.T, path string) error { return os.Symlink(filepath.Dir(path), path) }, // a loop
	func(t *testing.T, path string) error {
		l, err := net.Listen("unix", path)
		if err == nil {
			t.Cleanup(func() { l.Close() })
		}
		return err
	},
}

// FuzzImportSpecial imports a named pipe, a device, a dangling or looping
// link or a socket under a fuzzed name, by name and in a folder: Import
// must return (a pipe used to block it, a device to fill the memory),
// refuse it with a message and add nothing.
func FuzzImportSpecial(f *testing.F) {
	for i, name := range []string{"x.txt", "zero.txt", "random.md", "dangling.pdf", "loop.html", "s.epub", "x.ann", "a.json", "p.qdpx"} {
		f.Add(uint8(i), name)
	}
	f.Fuzz(func(t *testing.T, kind uint8, name string) {
		if name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, "\x00/") || len(name) > 80 {
			return // not a file name
		}
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		if err := specialKinds[int(kind)%len(specialKinds)](t, path); err != nil {
			return // a name this file system or kind does not take
		}
		p, err := sqlite.Create(filepath.Join(t.TempDir(), "p.saywho"), "special")
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		for _, paths := range [][]string{{path}, {dir}} {
			var sum Summary
			hangtest.Returns(t, func() { sum, err = Import(context.Background(), p, paths, ImportOptions{Coder: "fuzz"}, nil) })
			if err != nil {
				continue // refused as a whole (a link that cannot be followed)
			}
			for _, r := range sum.Files {
				if r.Err == nil || r.Err.Error() == "" || r.Documents > 0 {
					t.Fatalf("%s: imported or refused without a message: %+v", r.Path, r)
				}
			}
		}
		if st, err := p.Stats(context.Background()); err != nil || st.Documents > 0 {
			t.Fatalf("added %d documents (%v)", st.Documents, err)
		}
	})
}
