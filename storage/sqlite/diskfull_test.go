package sqlite

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/fulldisktest"
)

func TestDiskFullClassifies(t *testing.T) {
	dir := t.TempDir()
	enospc := &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	other := errors.New("something else")
	if err := DiskFull(dir, enospc); !errors.Is(err, storage.ErrDiskFull) || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("ENOSPC: %v", err)
	} else if !strings.HasPrefix(err.Error(), "the disk is full") || !strings.Contains(err.Error(), dir) {
		t.Errorf("message %q", err)
	}
	if err := DiskFull(dir, other); err != other {
		t.Errorf("another error became %v", err)
	}
	if DiskFull(dir, nil) != nil {
		t.Error("nil became an error")
	}
	for n, want := range map[int64]string{0: "0 kB", 999_999: "999 kB", 3_200_000: "3.2 MB"} {
		if got := (&storage.DiskFullError{Free: n}).Error(); !strings.Contains(got, "("+want+" free") {
			t.Errorf("%d bytes free: %q, want %q", n, got, want)
		}
	}
}

// SQLite's own "database or disk is full (13)" reached the user as is.
// max_page_count makes SQLite answer SQLITE_FULL without filling a disk.
func TestWriteOnFullDatabaseSaysDiskFull(t *testing.T) {
	p := newProject(t)
	if _, err := p.wconn.ExecContext(bg, "PRAGMA max_page_count = 40"); err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 100 && err == nil; i++ {
		_, err = p.AddDocument(bg, storage.Document{Title: fmt.Sprint(i), Text: strings.Repeat(fmt.Sprintf("Word %d said. ", i), 2000)})
	}
	var full *storage.DiskFullError
	if !errors.As(err, &full) || !errors.Is(err, storage.ErrDiskFull) {
		t.Fatalf("err = %v, want a DiskFullError", err)
	}
	if !strings.Contains(err.Error(), "the disk is full (") || !strings.Contains(err.Error(), filepath.Dir(p.Path())) {
		t.Errorf("message %q", err)
	}
	if problems, err := p.Check(bg); err != nil || len(problems) > 0 {
		t.Errorf("after the failed write: %v %v", err, problems)
	}
}

// filesHash is the SHA-256 of the files in dir whose names start with
// prefix, in name order, but for the -shm index SQLite may make (derived
// data: an attempt to create it on the full disk leaves a stub).
func filesHash(t *testing.T, dir, prefix string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), prefix) && !strings.HasSuffix(e.Name(), "-shm") {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s %d\n", e.Name(), len(b))
			h.Write(b)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// fillProject adds documents to a project on the disk at dir until the
// disk is full, and returns the project's path and how many it holds.
func fillProject(t *testing.T, dir string) (string, int) {
	t.Helper()
	path := filepath.Join(dir, "p.saywho")
	p, err := Create(path, "full")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	n := 0
	for ; n < 1000; n++ {
		_, err = p.AddDocument(bg, storage.Document{Title: fmt.Sprint(n), Text: strings.Repeat(fmt.Sprintf("Mayor %d said no. ", n), 1500)})
		if err != nil {
			break
		}
	}
	if !errors.Is(err, storage.ErrDiskFull) || !strings.Contains(err.Error(), "free at "+dir) {
		t.Fatalf("filling the disk: %v, want ErrDiskFull naming %s", err, dir)
	}
	return path, n
}

// On a full disk SQLite could not create the -shm index it needs even to
// read a WAL project: check, stats and export failed with "disk I/O error
// (4874)". The project is now read without writing a byte.
func TestReadProjectOnFullDisk(t *testing.T) {
	dir := fulldisktest.Mount(t, 1<<20)
	path, n := fillProject(t, dir)
	os.Remove(path + "-shm") // as after a reboot: the index must be made anew
	fulldisktest.Fill(t, dir)
	before := filesHash(t, dir, "p.saywho")
	p, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("opening read-only on a full disk: %v", err)
	}
	problems, err := p.Check(bg)
	if err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", err, problems)
	}
	if st, err := p.Stats(bg); err != nil || st.Documents != n {
		t.Errorf("stats: %d documents (%v), want %d", st.Documents, err, n)
	}
	p.Close()
	if after := filesHash(t, dir, "p.saywho"); after != before {
		t.Error("reading the project changed its files")
	}
	if _, err := Open(path, OpenOptions{}); !errors.Is(err, storage.ErrDiskFull) {
		t.Errorf("opening for writing on a full disk: %v, want ErrDiskFull", err)
	}
}

// A backup on a full disk left a 0-byte file under its name, so a retry
// said "already exists".
func TestBackupOnFullDiskLeavesNothing(t *testing.T) {
	p := newProject(t)
	seed(t, p)
	for i := 0; i < 20; i++ {
		if _, err := p.AddDocument(bg, storage.Document{Title: fmt.Sprint(i), Text: strings.Repeat(fmt.Sprintf("Clerk %d wrote. ", i), 1000)}); err != nil {
			t.Fatal(err)
		}
	}
	full := fulldisktest.Mount(t, 64<<10)
	dest := filepath.Join(full, "copy.saywho")
	for try := 0; try < 2; try++ {
		err := p.Backup(bg, dest)
		if !errors.Is(err, storage.ErrDiskFull) {
			t.Fatalf("try %d: backup to a full disk: %v, want ErrDiskFull", try, err)
		}
		if ents, _ := os.ReadDir(full); len(ents) > 0 {
			t.Fatalf("try %d: the failed backup left %s", try, ents[0].Name())
		}
	}
	roomy := filepath.Join(t.TempDir(), "copy.saywho")
	if err := p.Backup(bg, roomy); err != nil {
		t.Fatal(err)
	}
	c, err := Open(roomy, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if st, _ := c.Stats(bg); st.Documents != 21 {
		t.Errorf("the backup holds %d documents, want 21", st.Documents)
	}
	if err := p.Backup(bg, roomy); !errors.Is(err, storage.ErrExists) {
		t.Errorf("backup over an existing file: %v, want ErrExists", err)
	}
}
