package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/fulldisktest"
)

// On a full disk import said only "disk I/O error (4874)", check could not
// run, and a failed backup left a 0-byte file under its name so that a
// retry said "already exists".
func TestFullDisk(t *testing.T) {
	disk := fulldisktest.Mount(t, 1<<20)
	articles := t.TempDir()
	for i := 0; i < 30; i++ {
		text := fmt.Sprintf("Council vote %d\n\n", i) + strings.Repeat(fmt.Sprintf("Mayor Ana Ortiz said plan %d would work. ", i), 800)
		putFile(t, filepath.Join(articles, fmt.Sprintf("a%02d.txt", i)), []byte(text))
	}
	project := filepath.Join(disk, "study.saywho")
	code, out, stderr := runCLI(t, "import", project, articles)
	if code != ExitError {
		t.Fatalf("import onto a 1 MB disk: exit %d\n%s%s", code, out, stderr)
	}
	mentions(t, "import on a full disk", stderr, "the disk is full (", "free at "+disk)
	if strings.Contains(stderr, "disk I/O error") || strings.Contains(stderr, "(13)") {
		t.Errorf("import shows SQLite's message:\n%s", stderr)
	}

	os.Remove(project + "-shm")
	fulldisktest.Fill(t, disk)
	before := dirState(t, disk)
	code, out, stderr = runCLI(t, "check", project)
	if code != ExitOK || !strings.Contains(out, "Integrity:   ok") {
		t.Errorf("check on a full disk: exit %d\n%s%s", code, out, stderr)
	}
	elsewhere := filepath.Join(t.TempDir(), "out.json")
	if code, _, stderr := runCLI(t, "export", project, "-o", elsewhere); code != ExitOK {
		t.Errorf("export from a full disk to another: exit %d: %s", code, stderr)
	}
	for try := 0; try < 2; try++ {
		code, _, stderr = runCLI(t, "backup", project, filepath.Join(disk, "copy.saywho"))
		if code != ExitError || !strings.Contains(stderr, "the disk is full") {
			t.Errorf("backup onto the full disk (try %d): exit %d: %s", try, code, stderr)
		}
	}
	code, _, stderr = runCLI(t, "export", project, "-o", filepath.Join(disk, "out.json"))
	if code != ExitError || !strings.Contains(stderr, "the disk is full") {
		t.Errorf("export onto the full disk: exit %d: %s", code, stderr)
	}
	sameState(t, "check, export and backup on a full disk", before, dirState(t, disk))
}
