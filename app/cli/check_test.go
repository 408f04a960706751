package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommand runs `saywho check` on a sound project and on projects
// damaged behind Saywho's back (through a raw SQLite connection, the
// immutability trigger dropped where needed, or by overwriting a page).
func TestCheckCommand(t *testing.T) {
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		code   int
		stdout []string
		stderr []string
	}{
		{"sound project", func(*testing.T, string) {}, ExitOK,
			[]string{"Project:     Harbour study", "Documents:   1", "quote            1", "Ana", "Integrity:   ok"}, nil},
		{"annotation text edited", func(t *testing.T, path string) {
			rawSQL(t, path, "UPDATE annotations SET text = 'will fall within a year'")
		}, ExitError, []string{"Documents:   1"}, []string{"no longer matches", "1 problem(s) found"}},
		{"document text rewritten", func(t *testing.T, path string) {
			rawSQL(t, path, "DROP TRIGGER documents_text_immutable",
				"UPDATE documents SET text = replace(text, 'Mayor', 'Mayoress')")
		}, ExitError, nil, []string{"structure: trigger documents_text_immutable is missing", "SHA-256", "no longer matches", "3 problem(s) found", "saywho repair"}},
		{"link to a deleted annotation", func(t *testing.T, path string) {
			rawSQL(t, path, `INSERT INTO relations(id, type, source_id, target_annotation_id, annotator_id, created)
				SELECT 'r1', 'cue_of', 'gone', id, annotator_id, created FROM annotations`)
		}, ExitError, nil, []string{"foreign key", "relations", "1 problem(s) found"}},
		{"table dropped by another program", func(t *testing.T, path string) {
			rawSQL(t, path, "DROP TABLE relations")
		}, ExitError, []string{"Project:     Harbour study", "Counts:      not available"},
			[]string{"structure: table relations is missing", "saywho repair", "1 problem(s) found"}},
		{"trigger added by another program", func(t *testing.T, path string) {
			rawSQL(t, path, "CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM annotations; END")
		}, ExitError, []string{"Documents:   1", "quote            1"}, []string{"structure: trigger wipe was added", "saywho repair", "1 problem(s) found"}},
		{"overwritten page", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad", 2048)), 3*4096); err != nil {
				t.Fatal(err)
			}
		}, ExitError, nil, []string{"damaged"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := goodProject(t, t.TempDir())
			c.damage(t, path)
			code, stdout, stderr := runCLI(t, "check", path)
			if code != c.code {
				t.Fatalf("exit code %d, want %d\n%s%s", code, c.code, stdout, stderr)
			}
			mentions(t, c.name, stdout, c.stdout...)
			mentions(t, c.name, stderr, c.stderr...)
			if c.code == ExitOK && stderr != "" {
				t.Errorf("a sound project gave messages: %s", stderr)
			}
		})
	}
}

// TestCheckAfterBackup checks the backup copy, which must be as sound as
// the project.
func TestCheckAfterBackup(t *testing.T) {
	path := goodProject(t, t.TempDir())
	dest := filepath.Join(t.TempDir(), "copy.saywho")
	if code, _, stderr := runCLI(t, "backup", path, dest); code != ExitOK {
		t.Fatalf("backup: %s", stderr)
	}
	if code, stdout, stderr := runCLI(t, "check", dest); code != ExitOK || !strings.Contains(stdout, "Integrity:   ok") {
		t.Fatalf("check of the backup: exit %d\n%s%s", code, stdout, stderr)
	}
}

// A project of an older schema (before document sets) is checked as it
// is, and the reading commands upgrade it (after a backup copy) instead of
// refusing it as read-only.
func TestOlderSchemaProject(t *testing.T) {
	dir := t.TempDir()
	path := goodProject(t, dir)
	rawSQL(t, path, "DROP TABLE document_variables", "DROP TABLE variables", "DROP TABLE vocabularies",
		"ALTER TABLE speakers DROP COLUMN gender", "ALTER TABLE speakers DROP COLUMN type", "ALTER TABLE speakers DROP COLUMN country", "ALTER TABLE documents DROP COLUMN section",
		"DROP TRIGGER document_counts_new", "DROP TRIGGER document_counts_ai", "DROP TRIGGER document_counts_ad", "DROP TRIGGER document_counts_au", "DROP TABLE document_counts", "DROP TABLE set_documents", "DROP TABLE sets", "PRAGMA user_version = 1")
	before := dirState(t, dir)
	code, out, errOut := runCLI(t, "check", path)
	if code != ExitOK || !strings.Contains(out, "Integrity:   ok") {
		t.Fatalf("check of a schema 1 project: exit %d\n%s\n%s", code, out, errOut)
	}
	sameState(t, "check of an older project", before, dirState(t, dir))
	for _, cmd := range [][]string{{"stats", path}, {"export", path, "-o", filepath.Join(dir, "out.json")}} {
		code, out, errOut = runCLI(t, cmd...)
		if code != ExitOK {
			t.Fatalf("%s of a schema 1 project: exit %d\n%s\n%s", cmd[0], code, out, errOut)
		}
	}
	if baks, _ := filepath.Glob(path + ".v1.*.bak"); len(baks) != 1 {
		t.Fatalf("the upgrade left backups %v, want one", baks)
	}
}
