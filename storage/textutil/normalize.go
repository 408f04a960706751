// Package textutil holds the text rules every part of Saywho agrees on:
// how imported text is normalised, how code-point offsets map to other
// units, and how an annotation's prefix and suffix are cut.
package textutil

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as Saywho stores document text: a leading byte-order
// mark removed, CRLF and lone CR turned into LF, and NFC normalisation.
// Invalid UTF-8 must be rejected before this is called.
func Normalize(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return norm.NFC.String(s)
}

// SHA256 returns the lower-case hex SHA-256 of s in UTF-8.
func SHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
