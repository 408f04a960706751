package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage/internal/realpath"
)

// ManifestName is the file WriteDirAtomic leaves in every folder it writes:
// the list of files the export made. It is what lets a later export replace
// the folder without deleting anything the user put there.
const ManifestName = ".saywho-export"

const manifestHeader = "# Saywho export: files written by the export; do not edit"

// ErrDirInUse is returned (wrapped) when WriteDirAtomic is asked to replace a
// folder that holds files no earlier Saywho export wrote.
var ErrDirInUse = errors.New("the folder exists and holds files that are not from a Saywho export")

// WriteDirAtomic creates the folder dir with the files write puts into
// tmpDir, a fresh temporary folder beside dir. Only when write succeeds is
// the temporary folder renamed to dir, so a failed export leaves nothing
// behind. The rules for an existing dir are deliberately conservative:
//
//   - a missing or empty dir is simply replaced;
//   - a dir written by an earlier WriteDirAtomic (it has a ManifestName file)
//     is replaced only if every file in it is listed in that manifest, that
//     is, nobody added files to it since; the old folder is removed only
//     after the new one is in place;
//   - anything else is refused with an error wrapping ErrDirInUse and
//     nothing is changed.
//
// A path holding anything but a folder (a file, a device, a pipe, a
// socket) is refused with ErrNotWritable. A symbolic link is never
// replaced itself: the folder it leads to is written as above when it lies
// in the link's own folder, and refused when it lies elsewhere.
func WriteDirAtomic(dir string, write func(tmpDir string) error) (err error) {
	dir = realpath.TrimSlash(dir)
	t, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	if t.kind != absent && t.kind != folder {
		return refuse(dir, t.mode, "a folder export needs a folder name")
	}
	dir = t.path
	parent, base := realpath.Split(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = finish(tmp); err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	return swapIn(tmp, dir, parent, base)
}

// checkReplaceable applies the rules for an existing target folder.
func checkReplaceable(dir string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return refuse(dir, fi.Mode(), "a folder export needs a folder name")
	}
	present, err := listFiles(dir)
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	if len(present) == 0 {
		return nil
	}
	listed, err := readManifest(filepath.Join(dir, ManifestName))
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, ErrDirInUse)
	}
	for _, f := range present {
		if f != ManifestName && !listed[f] {
			return fmt.Errorf("export to %s: %w (for example %s)", dir, ErrDirInUse, f)
		}
	}
	return nil
}

// swapIn renames the finished tmp folder to dir, moving an earlier export
// aside first and restoring it if the rename fails.
func swapIn(tmp, dir, parent, base string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("export to %s: %w", dir, err)
		}
		syncDir(parent)
		return nil
	}
	if err == nil && !fi.IsDir() {
		// Something else was put there while the export ran.
		return refuse(dir, fi.Mode(), "nothing was replaced")
	}
	old, err := os.MkdirTemp(parent, "."+base+".old-*")
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	os.Remove(old) // only the unique name is wanted
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("export to %s: %w (the previous export is kept in %s)", dir, err, old)
		}
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	syncDir(parent)
	os.RemoveAll(old)
	return nil
}

// finish syncs every file the export wrote and records them in the manifest.
func finish(tmp string) error {
	files, err := listFiles(tmp)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(manifestHeader + "\n")
	for _, f := range files {
		if f == ManifestName {
			continue
		}
		if err := syncFile(filepath.Join(tmp, filepath.FromSlash(f))); err != nil {
			return err
		}
		b.WriteString(f + "\n")
	}
	if err := os.WriteFile(filepath.Join(tmp, ManifestName), []byte(b.String()), 0o644); err != nil {
		return err
	}
	if err := syncFile(filepath.Join(tmp, ManifestName)); err != nil {
		return err
	}
	syncDir(tmp)
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// listFiles returns the regular files and symlinks below dir as sorted
// slash-separated relative paths.
func listFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(out)
	return out, err
}

func readManifest(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() || sc.Text() != manifestHeader {
		return nil, fmt.Errorf("%s is not a Saywho export manifest", path)
	}
	listed := map[string]bool{}
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			listed[line] = true
		}
	}
	return listed, sc.Err()
}
