// Package realpath finds the file a path names the way the kernel does,
// for paths that may not exist yet: the export and backup guards compare
// where a write would land with the project's own files.
package realpath

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks bounds the symbolic links followed, as the kernel does (ELOOP).
const maxLinks = 40

// Resolve returns the absolute path of the file path names, with every
// symbolic link resolved before any ".." after it is applied (so
// "link/../x" is x beside the link's target, not beside the link), and a
// final link followed even when what it names does not exist yet. The
// last element may be missing; the folder holding it must exist.
func Resolve(path string) (string, error) {
	p := path
	for range maxLinks {
		dir, base := Split(p)
		if base == "" || base == "." || base == ".." {
			r, err := filepath.EvalSymlinks(p)
			if err != nil {
				return "", err
			}
			return filepath.Abs(r)
		}
		rdir, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return "", err
		}
		if rdir, err = filepath.Abs(rdir); err != nil {
			return "", err
		}
		full := filepath.Join(rdir, base)
		fi, err := os.Lstat(full)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode()&fs.ModeSymlink == 0) {
			return full, nil
		}
		if err != nil {
			return "", err
		}
		to, err := os.Readlink(full)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(to) {
			p = to
		} else {
			p = rdir + string(filepath.Separator) + to
		}
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// Split splits path after its last separator without cleaning it, unlike
// filepath.Dir, which would turn "link/../x" into "x": the folder part is
// "." when path has none.
func Split(path string) (dir, base string) {
	dir, base = filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	return dir, base
}

// TrimSlash drops trailing separators ("out/" names the folder out),
// keeping a lone root.
func TrimSlash(path string) string {
	cut := "/"
	if filepath.Separator != '/' {
		cut += string(filepath.Separator)
	}
	t := strings.TrimRight(path, cut)
	if t == "" && path != "" {
		return path[:1]
	}
	return t
}
