//go:build unix

package cli

import (
	"path/filepath"
	"testing"

	"github.com/saywho-app/saywho/storage/hangtest"
)

// TestSpecialFiles runs commands on a named pipe given as the project and
// imports devices and a pipe: each command returns at once with a message
// saying what the path is, and the project is left unchanged.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	project := goodProject(t, dir)
	pipe := filepath.Join(t.TempDir(), "x.txt")
	hangtest.Fifo(t, pipe)
	pipeProject := filepath.Join(t.TempDir(), "p.saywho")
	hangtest.Fifo(t, pipeProject)
	article := putFile(t, filepath.Join(t.TempDir(), "a.txt"), []byte(harbourText))
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"check", pipeProject}, "named pipe (FIFO), not a regular file"},
		{[]string{"stats", pipeProject}, "named pipe (FIFO), not a regular file"},
		{[]string{"import", pipeProject, article}, "named pipe (FIFO), not a regular file"},
		{[]string{"import", project, "/dev/zero"}, "/dev/zero is a character device, not a regular file"},
		{[]string{"import", project, "/dev/urandom"}, "/dev/urandom is a character device, not a regular file"},
		{[]string{"import", project, pipe}, "x.txt is a named pipe (FIFO), not a regular file"},
	}
	for _, tt := range tests {
		before := dirState(t, dir)
		var code int
		var stderr string
		hangtest.Returns(t, func() { code, _, stderr = runCLI(t, tt.args...) })
		if code != ExitError {
			t.Errorf("%v: exit code %d, want %d: %s", tt.args, code, ExitError, stderr)
		}
		mentions(t, tt.args[0]+" "+filepath.Base(tt.args[len(tt.args)-1]), stderr, tt.says)
		sameState(t, tt.args[0], before, dirState(t, dir))
	}
}
