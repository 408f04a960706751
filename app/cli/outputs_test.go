package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `saywho export p.saywho -o p.saywho` exited 0 having replaced the
// project by its JSON export. Every path that is or leads to the project's
// own files is refused, in every format, and the folder is left as it was.
func TestExportOntoProjectRefused(t *testing.T) {
	dir := t.TempDir()
	project := goodProject(t, dir)
	sep := string(filepath.Separator)
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("study.saywho", filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("study.saywho-journal", filepath.Join(dir, "later.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(project, filepath.Join(dir, "hard.json")); err != nil {
		t.Fatal(err)
	}
	targets := []string{
		project,
		dir + sep + "sub" + sep + ".." + sep + "study.saywho",
		project + "-wal",
		project + "-shm",
		project + "-journal",
		filepath.Join(dir, "link.json"),
		filepath.Join(dir, "later.json"),
		filepath.Join(dir, "hard.json"),
	}
	before := dirState(t, dir)
	for _, format := range []string{"json", "csv", "qdpx", "brat"} {
		for _, out := range append(targets, dir) {
			code, _, stderr := runCLI(t, "export", project, "--format", format, "-o", out)
			if code != ExitError {
				t.Errorf("export --format %s -o %s: exit %d, want %d", format, out, code, ExitError)
			}
			mentions(t, "export -o "+out, stderr, "project", "own files")
		}
	}
	for _, dest := range []string{project, project + "-wal", project + "-journal", filepath.Join(dir, "later.json")} {
		code, _, stderr := runCLI(t, "backup", project, dest)
		if code != ExitError || !strings.Contains(stderr, "own files") {
			t.Errorf("backup to %s: exit %d: %s", dest, code, stderr)
		}
	}
	sameState(t, "refused exports", before, dirState(t, dir))
	if code, out, stderr := runCLI(t, "check", project); code != ExitOK {
		t.Fatalf("the project fails its check after the refusals: %s%s", out, stderr)
	}
}

// -o /dev/stdout is standard output, also when it is redirected to a file
// (a link out of /dev that the file export would not follow).
func TestExportToDevStdout(t *testing.T) {
	project := goodProject(t, t.TempDir())
	code, out, stderr := runCLI(t, "export", project, "--format", "csv", "-o", "/dev/stdout")
	if code != ExitOK || !strings.HasPrefix(out, "document_id,") {
		t.Fatalf("export -o /dev/stdout: exit %d, stdout %q, stderr %s", code, out, stderr)
	}
}
