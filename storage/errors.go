package storage

import "errors"

// Errors returned when a project file cannot be opened. They are wrapped
// with the file name; test with errors.Is.
var (
	ErrNotProject   = errors.New("not a Saywho project")
	ErrForeign      = errors.New("an SQLite database of another application, not a Saywho project")
	ErrCorrupt      = errors.New("the project file is damaged")
	ErrNewerVersion = errors.New("the project was written by a newer version of Saywho")
	ErrReadOnly     = errors.New("the project is open read-only")
	ErrNotFound     = errors.New("not found")
	ErrInvalid      = errors.New("invalid")
	ErrExists       = errors.New("already exists")
	ErrInUse        = errors.New("the project is in use by another Saywho window")
)
