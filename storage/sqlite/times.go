package sqlite

import "time"

// now returns the current time in UTC with millisecond precision, so that
// timestamps survive the text round trip through SQLite and JSON exactly.
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

const timeLayout = "2006-01-02T15:04:05.000Z07:00"

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
