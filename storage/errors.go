package storage

import (
	"errors"
	"fmt"
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

// ErrDuplicate is returned (wrapped) by AddDocument when a document with
// the same text is already in the project.
var ErrDuplicate = errors.New("the same text is already in the project")

// ErrNothingToUndo and ErrNothingToRedo are returned when the stacks are empty.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)
