package sqlite

import (
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors are classified by SQLite's result codes, never by the words of
// its messages (which change between versions and languages): code is the
// extended result code of err, or -1 when err does not come from SQLite.
func code(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return -1
}

// primary is the primary result code of err (the extended code's low
// byte), or -1.
func primary(err error) int {
	if c := code(err); c >= 0 {
		return c & 0xff
	}
	return -1
}

// isBusy reports whether err means another connection holds a lock the
// statement needs.
func isBusy(err error) bool {
	c := primary(err)
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

// classify turns an SQLite error met on the project at path into the
// storage package's errors, by result code.
func classify(path string, err error) error {
	if err == nil {
		return nil
	}
	if full := DiskFull(path, err); full != err {
		return full
	}
	switch primary(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%s: %w (%v)", path, storage.ErrCorrupt, err)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%s: %w (%v)", path, storage.ErrInUse, err)
	case sqlite3.SQLITE_READONLY:
		return fmt.Errorf("%s: %w (%v)", path, storage.ErrReadOnly, err)
	case sqlite3.SQLITE_ERROR:
		// A file with a schema format newer than this SQLite has no code
		// of its own.
		if strings.Contains(err.Error(), "unsupported file format") {
			return fmt.Errorf("%s: %w (%v)", path, storage.ErrCorrupt, err)
		}
	}
	return fmt.Errorf("%s: %w", path, err)
}

// explainConstraint turns a constraint failure into ErrExists (a unique or
// primary key already taken) or ErrInvalid (a reference to nothing, a
// failed check, a missing value, a trigger's refusal); other errors are
// returned unchanged.
func explainConstraint(err error, what string) error {
	switch code(err) {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return fmt.Errorf("%s: %w", what, storage.ErrExists)
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return fmt.Errorf("%s: %w: it refers to a document, speaker, code or coder that does not exist", what, storage.ErrInvalid)
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL, sqlite3.SQLITE_CONSTRAINT_TRIGGER:
		return fmt.Errorf("%s: %w: %s", what, storage.ErrInvalid, sqliteMessage(err))
	}
	return err
}

// isUnique reports whether err is a unique or primary key constraint
// failure.
func isUnique(err error) bool {
	c := code(err)
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// noIndex reports whether a read-only open failed because SQLite could
// not create the -shm index it needs beside a WAL project even to read
// it: the folder is not writable.
func noIndex(err error) bool {
	c := primary(err)
	return c == sqlite3.SQLITE_READONLY || c == sqlite3.SQLITE_CANTOPEN
}
