package qdpx

import (
	"strings"
	"time"
)

// stamp formats t as an xsd:dateTime in UTC ("" for the zero time).
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseStamp reads an xsd:dateTime as QDA tools write it (with or without
// zone or fraction); the zero time when it cannot be read.
func parseStamp(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Millisecond)
		}
	}
	return time.Time{}
}
