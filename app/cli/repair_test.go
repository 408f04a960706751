package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepairCommand repairs a project another program changed (a table
// dropped, a trigger that empties the annotations added): the damaged file
// stays as it was, the new one passes check and holds the annotation.
func TestRepairCommand(t *testing.T) {
	dir := t.TempDir()
	path := goodProject(t, dir)
	rawSQL(t, path, "DROP TABLE relations", "CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM annotations; END")
	before := dirState(t, dir)
	code, stdout, stderr := runCLI(t, "repair", path)
	if code != ExitOK {
		t.Fatalf("repair: exit %d\n%s%s", code, stdout, stderr)
	}
	mentions(t, "repair", stdout, "table relations is missing", "trigger wipe was added", "annotations        1 of 1",
		"relations          table missing", "study (repaired).saywho", "was not changed")
	repaired := filepath.Join(dir, "study (repaired).saywho")
	after := dirState(t, dir)
	delete(after, filepath.Base(repaired))
	sameState(t, "repair", before, after)
	code, stdout, stderr = runCLI(t, "check", repaired)
	if code != ExitOK || !strings.Contains(stdout, "quote            1") {
		t.Fatalf("check of the repaired project: exit %d\n%s%s", code, stdout, stderr)
	}
	in := putFile(t, filepath.Join(t.TempDir(), "ferry.txt"), []byte("Ferry strike ends\n\n“We return on Friday,” said Marta.\n"))
	if code, _, stderr := runCLI(t, "import", repaired, in); code != ExitOK {
		t.Fatalf("import into the repaired project: %s", stderr)
	}
	if _, stdout, _ := runCLI(t, "stats", repaired); !strings.Contains(stdout, "Annotations: 1") {
		t.Errorf("the added trigger came through the repair:\n%s", stdout)
	}
}

// TestRepairCommandRefuses: a destination that exists and a file that is
// not a project are refused with exit code 1 and nothing written.
func TestRepairCommandRefuses(t *testing.T) {
	dir := t.TempDir()
	path := goodProject(t, dir)
	taken := putFile(t, filepath.Join(dir, "taken.saywho"), []byte("mine"))
	notes := putFile(t, filepath.Join(dir, "notes.saywho"), []byte("some notes\n"))
	for _, c := range []struct {
		args  []string
		code  int
		words []string
	}{
		{[]string{"repair", path, taken}, ExitError, []string{"already exists"}},
		{[]string{"repair", notes}, ExitError, []string{"not an SQLite database"}},
		{[]string{"repair"}, ExitUsage, []string{"give the project"}},
	} {
		before := dirState(t, dir)
		code, stdout, stderr := runCLI(t, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", c.args, code, c.code, stdout, stderr)
		}
		mentions(t, strings.Join(c.args, " "), stderr, c.words...)
		sameState(t, strings.Join(c.args, " "), before, dirState(t, dir))
	}
	if _, err := os.Stat(filepath.Join(dir, "notes (repaired).saywho")); err == nil {
		t.Error("a repair of a text file wrote a project")
	}
}
