package storage

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Errors returned when a project file cannot be opened. They are wrapped
// with the file name; test with errors.Is.
var (
	ErrNotProject   = errors.New("not a Saywho project")
	ErrForeign      = errors.New("an SQLite database of another application, not a Saywho project")
	ErrCorrupt      = errors.New("the project file is damaged")
	ErrNewerVersion = errors.New("the project was written by a newer version of Saywho")
	ErrReadOnly     = errors.New("the project is open read-only")
	// ErrNeedsUpgrade: a project of an older schema was opened read-only;
	// opening it for writing upgrades it (after a backup copy).
	ErrNeedsUpgrade = errors.New("the project needs an upgrade to this version of Saywho")
	ErrNotFound     = errors.New("not found")
	ErrInvalid      = errors.New("invalid")
	ErrExists       = errors.New("already exists")
	ErrInUse        = errors.New("the project is in use by another Saywho window")
)

// ErrSchemaMismatch is returned (inside a *SchemaError) by Open for a
// project whose structure differs from the one Saywho builds: a table,
// column, index, trigger or view was removed, added or changed by another
// program. Saywho does not write into such a project; Repair rebuilds it.
var ErrSchemaMismatch = errors.New("the project's structure was changed outside Saywho")

// SchemaError says how a project's structure differs from Saywho's. It
// wraps ErrSchemaMismatch.
type SchemaError struct {
	Path        string   // the project as named by the caller
	Differences []string // one sentence each: "table relations is missing", "trigger x was added"
}

// maxListedDifferences is how many differences the error message names.
const maxListedDifferences = 6

func (e *SchemaError) Error() string {
	list := e.Differences
	more := ""
	if len(list) > maxListedDifferences {
		more = fmt.Sprintf("; and %d more", len(list)-maxListedDifferences)
		list = list[:maxListedDifferences]
	}
	return fmt.Sprintf("%s: %v: %s%s", e.Path, ErrSchemaMismatch, strings.Join(list, "; "), more)
}

// Unwrap makes errors.Is(err, ErrSchemaMismatch) true.
func (e *SchemaError) Unwrap() error { return ErrSchemaMismatch }

// newSchemaError describes the differences found in the project at path.
func newSchemaError(path string, diffs []schemaDiff) *SchemaError {
	e := &SchemaError{Path: path}
	for _, d := range diffs {
		e.Differences = append(e.Differences, d.String())
	}
	return e
}

// schemaChanged turns SQLite's "no such table" and "no such column", met
// when another program changed the structure of a project while it was
// open, into ErrSchemaMismatch; other errors are returned as they are.
func schemaChanged(err error) error {
	if err == nil {
		return nil
	}
	if msg := err.Error(); strings.Contains(msg, "no such table") || strings.Contains(msg, "no such column") {
		return fmt.Errorf("%w while it was open (%s); close it, check it, and repair it if needed", ErrSchemaMismatch, sqliteMessage(err))
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
