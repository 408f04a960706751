// Package guid gives exports the UUIDs their formats demand (REFI-QDA GUIDs,
// W3C urn:uuid: identifiers) and lets importers normalise foreign GUIDs.
package guid

import (
	"strings"

	"github.com/google/uuid"
)

// namespace is Saywho's namespace for name-based (version 5) UUIDs.
var namespace = uuid.MustParse("5a7e1c2d-4b3f-5e6a-8c9d-0f1e2d3c4b5a")

// For returns id as a canonical lower-case UUID. Saywho ids already are
// UUIDs; a foreign GUID ("{ABCD…}", upper case, urn:uuid:…) is brought to
// canonical form; anything else gets a stable name-based UUID derived from
// it, so the same id always maps to the same GUID.
func For(id string) string {
	if u, ok := Parse(id); ok {
		return u
	}
	return Derive("id", id)
}

// Parse reports whether s is a UUID in any of the usual spellings and
// returns it in canonical lower-case form.
func Parse(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 38 && s[0] == '{' && s[37] == '}' {
		s = s[1:37]
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// Derive returns a stable name-based UUID for the given parts, for things
// Saywho has no id of its own for (a coding, a note of an annotation, a
// codebook entry for an annotation kind).
func Derive(parts ...string) string {
	return uuid.NewSHA1(namespace, []byte(strings.Join(parts, "\x00"))).String()
}
