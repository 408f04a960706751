package storage

import (
	"github.com/google/uuid"
)

// NewID returns a new time-ordered UUIDv7 as a string. Time-ordered ids
// merge cleanly across coders' project files.
func NewID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

// ValidID reports whether s is a UUID in canonical form.
func ValidID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && u.String() == s
}
