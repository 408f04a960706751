package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/saywho-app/saywho/storage/internal/realpath"
)

// ErrProjectFile is returned (wrapped) when an export or a backup would
// write over one of the project's own files.
var ErrProjectFile = errors.New("an export or backup must not write over the project's own files")

// ownFile is a file that belongs to an open project.
type ownFile struct {
	path string // resolved
	what string // for messages
}

// ownFiles lists the files SQLite keeps for the project at path.
func ownFiles(path string) []ownFile {
	return []ownFile{
		{path, "the project file itself"},
		{path + "-wal", "the project's write-ahead log"},
		{path + "-shm", "the project's shared-memory index"},
		{path + "-journal", "the project's rollback journal"},
	}
}

// backupsWriting are the files of the backups this process is writing:
// resolved path → what it is.
var backupsWriting = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

// WritingBackup records paths as a backup being written until the
// returned function is called.
func WritingBackup(paths ...string) (done func()) {
	backupsWriting.Lock()
	defer backupsWriting.Unlock()
	var added []string
	for _, p := range paths {
		if r, err := realpath.Resolve(p); err == nil {
			backupsWriting.m[r] = "a backup being written"
			added = append(added, r)
		}
	}
	return func() {
		backupsWriting.Lock()
		defer backupsWriting.Unlock()
		for _, r := range added {
			delete(backupsWriting.m, r)
		}
	}
}

// CheckOutput refuses out as the target of an export or backup of the
// project at project when writing it would destroy the project: when out
// is the project file, its -wal, -shm or -journal file, or a backup this
// process is writing, or a folder holding one of them (a folder export
// replaces the whole folder). out is resolved as the kernel would (symbolic
// links, "..", a dangling link naming a file to create), existing files are
// also compared by device and inode (hard links), and names are compared
// without regard to case, as macOS and Windows do. "-" (standard output)
// passes. The error wraps ErrProjectFile.
func CheckOutput(project, out string) error {
	if out == "" || out == "-" {
		return nil
	}
	proj, err := realpath.Resolve(project)
	if err != nil {
		proj, _ = filepath.Abs(project)
	}
	own := ownFiles(proj)
	backupsWriting.Lock()
	for p, what := range backupsWriting.m {
		own = append(own, ownFile{p, what})
	}
	backupsWriting.Unlock()

	target, rerr := realpath.Resolve(out)
	outSt, serr := os.Stat(out)
	for _, f := range own {
		same := rerr == nil && strings.EqualFold(target, f.path)
		if !same && serr == nil {
			if st, err := os.Stat(f.path); err == nil && os.SameFile(outSt, st) {
				same = true
			}
		}
		if same {
			verb := "is"
			if abs, _ := filepath.Abs(out); abs != f.path {
				verb = "leads to"
			}
			return fmt.Errorf("%s %s %s (%s): %w; choose another name", out, verb, f.what, f.path, ErrProjectFile)
		}
		if rerr == nil && serr == nil && outSt.IsDir() && within(target, f.path) {
			return fmt.Errorf("the folder %s holds %s (%s), which an export there would replace: %w; choose another folder",
				out, f.what, f.path, ErrProjectFile)
		}
	}
	return nil
}

// within reports whether path lies inside the folder dir (both resolved).
func within(dir, path string) bool {
	rel, err := filepath.Rel(strings.ToLower(dir), strings.ToLower(path))
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
