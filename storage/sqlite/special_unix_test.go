//go:build unix

package sqlite

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/hangtest"
)

// TestOpenRefusesSpecialFiles opens a named pipe and a device as a
// project: each is refused as not a project, saying what it is. Opening a
// pipe used to wait for a writer forever, hanging `saywho check`, `stats`
// and `import`.
func TestOpenRefusesSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p.saywho")
	hangtest.Fifo(t, fifo)
	for path, says := range map[string]string{fifo: "a named pipe (FIFO)", "/dev/zero": "a character device"} {
		for _, ro := range []bool{false, true} {
			var err error
			hangtest.Returns(t, func() {
				var p *Project
				if p, err = Open(path, OpenOptions{ReadOnly: ro}); err == nil {
					p.Close()
				}
			})
			if !errors.Is(err, storage.ErrNotProject) || !strings.Contains(err.Error(), says+", not a regular file") {
				t.Errorf("Open(%s, read-only %v) = %v, want ErrNotProject saying %q", path, ro, err, says)
			}
		}
	}
}
