package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

func TestCheckOutput(t *testing.T) {
	p := newProject(t)
	dir := filepath.Dir(p.Path())
	sep := string(filepath.Separator)
	elsewhere := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"link.json":         "p.saywho",
		"dangling.json":     "p.saywho-journal",
		"sublink":           elsewhere,         // sublink/.. is elsewhere's parent, not dir
		"loop":              "loop",            // unresolvable: left to the writer
		"sub/back.json":     "../p.saywho-wal", // relative to the link's folder
		"folderlink":        ".",
		"elsewhere-project": filepath.Join(dir, "p.saywho"),
	}
	for l, to := range links {
		if err := os.Symlink(to, filepath.Join(dir, l)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	if err := os.Link(p.Path(), filepath.Join(elsewhere, "hard.json")); err != nil {
		t.Fatal(err)
	}
	refused := []string{
		p.Path(),
		dir + sep + "sub" + sep + ".." + sep + "p.saywho",
		p.Path() + "-wal",
		p.Path() + "-shm",
		p.Path() + "-journal", // absent
		filepath.Join(dir, "P.SAYWHO-WAL"),
		filepath.Join(dir, "link.json"),
		filepath.Join(dir, "dangling.json"),
		filepath.Join(dir, "sub", "back.json"),
		filepath.Join(dir, "folderlink", "p.saywho"),
		filepath.Join(dir, "elsewhere-project"),
		filepath.Join(elsewhere, "hard.json"), // same device and inode
		dir,                                   // a folder holding the project
		filepath.Dir(dir),
		filepath.Join(dir, "folderlink"),
	}
	for _, out := range refused {
		if err := storage.CheckOutput(p.Path(), out); !errors.Is(err, storage.ErrProjectFile) {
			t.Errorf("CheckOutput(%s) = %v, want ErrProjectFile", out, err)
		}
	}
	allowed := []string{
		"-",
		filepath.Join(dir, "out.json"),
		filepath.Join(dir, "p.saywho.json"),
		filepath.Join(dir, "sub"),
		dir + sep + "sublink" + sep + ".." + sep + "p.saywho", // lands beside elsewhere
		filepath.Join(dir, "loop"),
		filepath.Join(dir, "missing", "p.saywho"),
	}
	for _, out := range allowed {
		if err := storage.CheckOutput(p.Path(), out); err != nil {
			t.Errorf("CheckOutput(%s) = %v, want nil", out, err)
		}
	}
}

func TestBackupRefusesProjectFiles(t *testing.T) {
	p := newProject(t)
	seed(t, p)
	for _, dest := range []string{p.Path(), p.Path() + "-wal", p.Path() + "-journal"} {
		if err := p.Backup(bg, dest); !errors.Is(err, storage.ErrProjectFile) {
			t.Errorf("Backup(%s) = %v, want ErrProjectFile", filepath.Base(dest), err)
		}
	}
	if _, err := os.Stat(p.Path() + "-journal"); err == nil {
		t.Error("a backup was written as the project's journal")
	}
	if problems, err := p.Check(bg); err != nil || len(problems) > 0 {
		t.Fatalf("the project fails its check: %v %v", err, problems)
	}
}
