package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/internal/realpath"
)

// Backup writes a consistent copy of the project to dest with VACUUM INTO;
// it is safe while the project is being edited. dest must not exist, and
// must not be one of the project's own files (see CheckOutput). The copy
// is written under a temporary name in dest's folder, synced, and given
// its name only when complete, so a failed backup (a full disk) leaves
// nothing under dest and a retry is not told it "already exists". A full
// disk is reported as such (see DiskFull).
func (p *Project) Backup(ctx context.Context, dest string) (err error) {
	if err := storage.CheckOutput(p.path, dest); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("backup %s: %w", dest, storage.ErrExists)
	}
	dir, base := realpath.Split(dest)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, DiskFull(dir, err))
	}
	tmp.Close()
	done := storage.WritingBackup(dest, tmp.Name())
	defer done()
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	// VACUUM INTO writes into an empty file as into a new one.
	if _, err := p.db.Exec("VACUUM INTO ?", tmp.Name()); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, DiskFull(dir, err))
	}
	if err := syncPath(tmp.Name(), p.path); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, DiskFull(dir, err))
	}
	if err := renameNew(tmp.Name(), dest); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// syncPath gives the file at path the permission bits of the file like
// and flushes it to the disk.
func syncPath(path, like string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if st, err := os.Stat(like); err == nil {
		f.Chmod(st.Mode().Perm())
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// renameNew gives the file tmp the name dest unless something has that
// name by now: a hard link fails rather than replace, and where links are
// not supported (some network shares, FAT) a rename follows a last look.
func renameNew(tmp, dest string) error {
	err := os.Link(tmp, dest)
	if errors.Is(err, fs.ErrExist) {
		return storage.ErrExists
	}
	if err == nil {
		os.Remove(tmp) // the copy is in place under dest either way
		return nil
	}
	if _, err := os.Lstat(dest); err == nil {
		return storage.ErrExists
	}
	return os.Rename(tmp, dest)
}
