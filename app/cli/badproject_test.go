package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// badProjects make files that are not projects this Saywho can open, each
// with the words its refusal must contain.
var badProjects = []struct {
	name  string
	make  func(t *testing.T, good []byte, path string)
	words []string
}{
	{"empty file", func(t *testing.T, _ []byte, path string) { putFile(t, path, nil) }, []string{"empty", "not a Saywho project"}},
	{"text file", func(t *testing.T, _ []byte, path string) { putFile(t, path, []byte(harbourText)) }, []string{"not an SQLite database"}},
	{"truncated project", func(t *testing.T, good []byte, path string) { putFile(t, path, good[:len(good)/3]) }, []string{"truncated", "damaged"}},
	{"damaged page", func(t *testing.T, good []byte, path string) {
		bad := append([]byte(nil), good...)
		for i := 2 * 4096; i < 3*4096; i++ {
			bad[i] = 0xA5
		}
		putFile(t, path, bad)
	}, []string{"damaged"}},
	{"another application's database", func(t *testing.T, _ []byte, path string) {
		rawSQL(t, path, "CREATE TABLE orders(id INTEGER PRIMARY KEY, item TEXT)", "INSERT INTO orders(item) VALUES ('tea')")
	}, []string{"another application", "not a Saywho project"}},
	{"table dropped by another program", func(t *testing.T, good []byte, path string) {
		putFile(t, path, good)
		rawSQL(t, path, "DROP TABLE relations")
	}, []string{"relations is missing"}},
	{"trigger added by another program", func(t *testing.T, good []byte, path string) {
		putFile(t, path, good)
		rawSQL(t, path, "CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM annotations; END")
	}, []string{"trigger wipe was added", "saywho repair"}},
	{"newer schema", func(t *testing.T, good []byte, path string) {
		putFile(t, path, good)
		rawSQL(t, path, fmt.Sprintf("PRAGMA user_version = %d", sqlite.SchemaVersion+1))
	}, []string{"newer version", "update Saywho"}},
}

// rawSQL runs statements on a database file without Saywho's checks.
func rawSQL(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestBadProjects runs every command on every kind of bad project file:
// exit code 1, a message that says what is wrong, the folder untouched,
// and no output written.
func TestBadProjects(t *testing.T) {
	good, err := os.ReadFile(goodProject(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	input := putFile(t, filepath.Join(t.TempDir(), "harbour.txt"), []byte(harbourText))
	for _, bp := range badProjects {
		t.Run(bp.name, func(t *testing.T) {
			dir, outDir := t.TempDir(), t.TempDir()
			project := filepath.Join(dir, "study.saywho")
			bp.make(t, good, project)
			before := dirState(t, dir)
			commands := [][]string{
				{"stats", project},
				{"check", project},
				{"export", project, "-o", filepath.Join(outDir, "out.json")},
				{"export", project, "--format", "qdpx", "-o", filepath.Join(outDir, "out.qdpx")},
				{"backup", project, filepath.Join(outDir, "copy.saywho")},
				{"import", project, input},
			}
			for _, args := range commands {
				code, stdout, stderr := runCLI(t, args...)
				what := bp.name + ": saywho " + args[0]
				if code != ExitError {
					t.Errorf("%s: exit code %d, want %d\n%s%s", what, code, ExitError, stdout, stderr)
				}
				t.Logf("saywho %s: %s", args[0], strings.TrimSpace(stderr))
				mentions(t, what, stderr, bp.words...)
				if strings.Count(stderr, "\n") > 3 {
					t.Errorf("%s: a long message for one refusal:\n%s", what, stderr)
				}
				sameState(t, what, before, dirState(t, dir))
			}
			if out := dirState(t, outDir); len(out) > 0 {
				t.Errorf("outputs written from a refused project: %v", out)
			}
		})
	}
}

// TestImportWhileOpenElsewhere imports into a project another Saywho holds
// open (as the window does, with undo on): both work through SQLite's
// locking, and each sees the other's work.
func TestImportWhileOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	project := goodProject(t, dir)
	window, err := sqlite.Open(project, sqlite.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	if err := window.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	in := putFile(t, filepath.Join(dir, "ferry.txt"), []byte("Ferry strike ends 🚢\n\n“We return on Friday,” said Marta Ilić.\n"))
	code, stdout, stderr := runCLI(t, "import", project, in)
	if code != ExitOK {
		t.Fatalf("import while the project is open: exit %d\n%s%s", code, stdout, stderr)
	}
	docs, err := window.Documents(context.Background())
	if err != nil || len(docs) != 2 {
		t.Fatalf("the open project sees %d documents (%v), want 2", len(docs), err)
	}
	if _, err := window.AddSpeaker(context.Background(), storage.Speaker{Name: "Marta Ilić"}); err != nil {
		t.Fatalf("the open project cannot write after the import: %v", err)
	}
	code, stdout, stderr = runCLI(t, "check", project)
	if code != ExitOK || !strings.Contains(stdout, "Speakers:    1") || !strings.Contains(stdout, "Documents:   2") {
		t.Fatalf("check while open: exit %d\n%s%s", code, stdout, stderr)
	}
}
