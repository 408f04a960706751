package sqlite

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/saywho-app/saywho/storage"
	sqlite3 "modernc.org/sqlite/lib"
)

// newSchemaError describes the differences found in the project at path.
func newSchemaError(path string, diffs []schemaDiff) *storage.SchemaError {
	e := &storage.SchemaError{Path: path}
	for _, d := range diffs {
		e.Differences = append(e.Differences, d.String())
	}
	return e
}

// schemaChanged turns SQLite's "no such table" and "no such column", met
// when another program changed the structure of a project while it was
// open, into ErrSchemaMismatch, and a damaged page met by a query into
// ErrCorrupt; other errors are returned as they are.
func schemaChanged(err error) error {
	if err == nil {
		return nil
	}
	if c := primary(err); c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB {
		if errors.Is(err, storage.ErrCorrupt) {
			return err
		}
		return fmt.Errorf("%w: %s; `saywho check` tells more, `saywho repair` rebuilds what is readable", storage.ErrCorrupt, sqliteMessage(err))
	}
	if msg := err.Error(); strings.Contains(msg, "no such table") || strings.Contains(msg, "no such column") {
		return fmt.Errorf("%w while it was open (%s); close it, check it, and repair it if needed", storage.ErrSchemaMismatch, sqliteMessage(err))
	}
	return err
}

var sqliteCode = regexp.MustCompile(` \(\d+\)$`)

// sqliteMessage is an SQLite error's message without the driver's
// decorations.
func sqliteMessage(err error) string {
	msg := sqliteCode.ReplaceAllString(err.Error(), "")
	return strings.TrimPrefix(msg, "constraint failed: ")
}

// storedField reports a value stored in the project that cannot be read
// back (a JSON column another program wrote): the project is damaged
// there, and saying so beats showing the row without it.
func storedField(what, id, field string, err error) error {
	return fmt.Errorf("%s %s: its stored %s cannot be read (%v): %w", what, id, field, err, storage.ErrCorrupt)
}
