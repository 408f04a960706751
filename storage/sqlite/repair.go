package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Repair rebuilds the project at src into a new project file at dst, which
// must not exist, and never changes src. It is the way to recover a project
// Open refuses because its structure was changed outside Saywho (a
// *SchemaError) or because it is damaged: a project with Saywho's
// structure for src's schema version is made, every row that can still be
// read is copied into it table by table (tables missing from src are
// skipped, only the columns src has are read, each row passes the checks
// a normal insert makes), rows that refer to rows that were lost are
// dropped or their reference cleared, and the result is upgraded to the
// current schema and checked. Tables, triggers, views and columns that are
// not part of Saywho's structure are never copied. The report says what
// was recovered and what was lost. The new file is written under a
// temporary name and appears under dst only when complete.
func Repair(ctx context.Context, src, dst string) (RepairReport, error) {
	rep := RepairReport{Source: src, Dest: dst}
	abs, err := filepath.Abs(src)
	if err != nil {
		return rep, err
	}
	absDst, err := filepath.Abs(dst)
	if err != nil {
		return rep, err
	}
	if _, err := os.Lstat(absDst); err == nil {
		return rep, fmt.Errorf("cannot repair into %s: %w", dst, storage.ErrExists)
	}
	source, version, done, err := openDamaged(abs, src)
	if err != nil {
		return rep, err
	}
	defer done()
	rep.Version = version
	want, err := expectedSchema(version)
	if err != nil {
		return rep, err
	}
	got, err := readSchema(source)
	if err != nil {
		return rep, fmt.Errorf("%s: %w: its list of tables cannot be read (%v), so nothing can be recovered", src, storage.ErrCorrupt, err)
	}
	for _, d := range compareSchema(want, got, nil) {
		rep.Differences = append(rep.Differences, d.String())
	}
	tmp, err := os.CreateTemp(filepath.Dir(absDst), ".saywho-repair-*.tmp")
	if err != nil {
		return rep, fmt.Errorf("cannot write the repaired project: %w", err)
	}
	tmp.Close()
	if err := rebuild(ctx, tmp.Name(), source, got, version, &rep); err != nil {
		removeProjectFiles(tmp.Name())
		return rep, err
	}
	if err := placeNew(tmp.Name(), absDst); err != nil {
		removeProjectFiles(tmp.Name())
		return rep, fmt.Errorf("cannot write the repaired project to %s: %w", dst, err)
	}
	return rep, nil
}

// RepairedPath proposes where Repair should write the repaired copy of the
// project at path: "NAME (repaired).saywho" beside it, or "NAME (repaired
// 2).saywho" and so on when that exists.
func RepairedPath(path string) string {
	dir, base := filepath.Split(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	for i := 1; ; i++ {
		suffix := " (repaired)"
		if i > 1 {
			suffix = fmt.Sprintf(" (repaired %d)", i)
		}
		p := filepath.Join(dir, base+suffix+Extension)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) || i == 1000 {
			return p
		}
	}
}

// openDamaged opens the project at abs read-only for Repair. Unlike Open
// it accepts a damaged file and a changed structure, but still refuses
// what is not a Saywho project, or comes from a newer Saywho. It returns
// the project's schema version, and done, which closes the connection and
// removes what it needed.
func openDamaged(abs, path string) (db *sql.DB, version int, done func(), err error) {
	h, headerErr := readHeader(abs)
	if headerErr != nil && !errors.Is(headerErr, storage.ErrCorrupt) {
		if errors.Is(headerErr, os.ErrNotExist) {
			return nil, 0, nil, fmt.Errorf("no project at %s", path)
		}
		return nil, 0, nil, headerErr
	}
	read, cleanup := abs, func() {}
	if headerErr != nil && h.sizeValid {
		// Cut short: SQLite refuses a file shorter than its header says,
		// so a copy is made up to that size, its missing pages read as
		// damaged ones.
		if read, cleanup, err = paddedCopy(abs, h.pages*int64(h.pageSize)); err != nil {
			return nil, 0, nil, err
		}
	}
	// writable_schema makes SQLite read on past schema entries it cannot
	// parse (the connection is read-only all the same).
	if db, err = readDB(read, "writable_schema(1)"); err != nil {
		cleanup()
		return nil, 0, nil, classify(path, err)
	}
	done = func() { db.Close(); cleanup() }
	var appID int64
	if db.QueryRow("PRAGMA application_id").Scan(&appID) == nil && db.QueryRow("PRAGMA user_version").Scan(&version) == nil {
		h.applicationID, h.userVersion = uint32(appID), version
	} else if headerErr != nil {
		done()
		return nil, 0, nil, headerErr
	}
	if err := checkHeader(path, h); err != nil {
		done()
		return nil, 0, nil, err
	}
	return db, h.userVersion, done, nil
}

// paddedCopy copies the file at abs into a temporary folder, extended with
// zeros to size bytes, and returns the copy's path and a function that
// removes it.
func paddedCopy(abs string, size int64) (string, func(), error) {
	dir, err := os.MkdirTemp("", "saywho-repair-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	dst := filepath.Join(dir, filepath.Base(abs))
	if err := copyFile(abs, dst); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("cannot copy the damaged project to read it: %w", err)
	}
	if err := os.Truncate(dst, size); err != nil {
		cleanup()
		return "", nil, err
	}
	return dst, cleanup, nil
}

// copyFile copies the file src to dst, replacing dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// rebuild writes the repaired project into the empty file at path.
func rebuild(ctx context.Context, path string, source *sql.DB, got *schema, version int, rep *RepairReport) error {
	p, err := openDB(path, false)
	if err != nil {
		return err
	}
	defer p.Close()
	if err := p.applyMigrations(0, version); err != nil {
		return err
	}
	// References are checked once every table is in (see dropOrphans):
	// the rows of a table may refer to each other in any order.
	if _, err := p.wconn.ExecContext(bg, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	tx, err := p.wconn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	r := &repairer{p: p, q: tx, src: source, got: got, rep: rep, base: strings.TrimSuffix(filepath.Base(rep.Source), filepath.Ext(rep.Source))}
	if err := r.copyAll(ctx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := p.wconn.ExecContext(bg, "PRAGMA foreign_keys = ON"); err != nil {
		return err
	}
	if err := p.applyMigrations(version, SchemaVersion); err != nil {
		return err
	}
	if err := p.loadInfo(); err != nil {
		return err
	}
	problems, err := p.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("the repaired project does not pass its own check, so it was not kept: %s", strings.Join(problems[:min(len(problems), 3)], "; "))
	}
	return p.checkpoint()
}

// placeNew moves the finished file tmp to dst, unless dst has appeared
// meanwhile: a hard link fails rather than replace dst. On file systems
// without hard links it is renamed after one more look.
func placeNew(tmp, dst string) error {
	err := os.Link(tmp, dst)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return storage.ErrExists
	}
	if _, err := os.Lstat(dst); err == nil {
		return storage.ErrExists
	}
	return os.Rename(tmp, dst)
}
