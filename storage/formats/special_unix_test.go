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

// TestImportRefusesSpecialFiles imports named pipes, devices and a socket,
// given by name and met in a folder: each is refused saying what it is,
// without being opened (a pipe would wait for a writer, /dev/zero and
// /dev/urandom never end), and the regular file beside them is imported.
func TestImportRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.txt")
	hangtest.Fifo(t, fifo)
	l, err := net.Listen("unix", filepath.Join(dir, "s.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, link := range [][2]string{{"/dev/zero", "zero.txt"}, {"/dev/urandom", "random.html"}, {"missing.txt", "dangling.txt"}} {
		if err := os.Symlink(link[0], filepath.Join(dir, link[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Harbour\n\nThe mayor said: “It holds.”\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pipe-like.dat"), nil, 0o644); err != nil { // not a supported name: ignored
		t.Fatal(err)
	}
	brat := t.TempDir()
	for name, body := range map[string]string{"b.txt": "The mayor said it holds.\n", "b.ann": "T1\tSource 4 9\tmayor\n"} {
		if err := os.WriteFile(filepath.Join(brat, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		paths []string
		opts  ImportOptions
		docs  int
		says  map[string]string // refused file name -> what its error says
	}{
		{"pipe by name", []string{fifo}, ImportOptions{}, 0, map[string]string{"x.txt": "is a named pipe (FIFO), not a regular file"}},
		{"devices by name", []string{"/dev/zero", "/dev/urandom"}, ImportOptions{}, 0, map[string]string{"zero": "is a character device", "urandom": "is a character device"}},
		{"folder", []string{dir}, ImportOptions{}, 1, map[string]string{
			"x.txt": "is a named pipe (FIFO)", "s.md": "is a socket", "zero.txt": "is a character device",
			"random.html": "is a character device", "dangling.txt": "cannot read",
		}},
		{"pipe as brat mapping", []string{brat}, ImportOptions{BratMapping: fifo}, 0, map[string]string{"b.txt": "brat mapping: " + fifo + " is a named pipe (FIFO)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := sqlite.Create(filepath.Join(t.TempDir(), "p.saywho"), "special")
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			var sum Summary
			hangtest.Returns(t, func() { sum, err = Import(context.Background(), p, tt.paths, tt.opts, nil) })
			if err != nil {
				t.Fatal(err)
			}
			docs := 0
			for _, f := range sum.Files {
				docs += f.Documents
				name := filepath.Base(f.Path)
				want, refused := tt.says[name]
				switch {
				case refused && (f.Err == nil || !strings.Contains(f.Err.Error(), want)):
					t.Errorf("%s: err = %v, want it to say %q", name, f.Err, want)
				case !refused && f.Err != nil:
					t.Errorf("%s: unexpected error %v", name, f.Err)
				}
				delete(tt.says, name)
			}
			if docs != tt.docs || len(tt.says) > 0 {
				t.Errorf("imported %d documents (want %d); not reported: %v\n%s", docs, tt.docs, tt.says, sum)
			}
		})
	}
}
