package report

import (
	"fmt"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// Time buckets: a month is "2016-09", an ISO week "2016-W37"; documents
// without a date that storage.ParseDate reads fall in the bucket "".

// bucketOf returns the bucket of a published value; dates holds the
// values already read (a project has few distinct dates, and reading one
// takes microseconds).
func bucketOf(d Dim, published string, dates map[string]time.Time) string {
	t, seen := dates[published]
	if !seen {
		t, _ = storage.ParseDate(published)
		dates[published] = t
	}
	if t.IsZero() {
		return ""
	}
	return bucketKey(d, t)
}

func bucketKey(d Dim, t time.Time) string {
	if d == ByWeek {
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return t.Format("2006-01")
}

// maxFilledBuckets bounds the buckets between the first and the last
// date that are added with no count (so that a line over time shows the
// months without quotes); a wider range (a stray date decades off) is
// shown with the buckets that have counts only.
const maxFilledBuckets = 600

// fillBuckets lists every bucket from the earliest to the latest of keys
// (which are bucket keys, "" excepted), or nil when there are more than
// maxFilledBuckets.
func fillBuckets(d Dim, keys []string) []string {
	var first, last time.Time
	for _, k := range keys {
		t, ok := bucketStart(d, k)
		if !ok {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if first.IsZero() {
		return nil
	}
	var out []string
	for t := first; !t.After(last); {
		out = append(out, bucketKey(d, t))
		if len(out) > maxFilledBuckets {
			return nil
		}
		if d == ByWeek {
			t = t.AddDate(0, 0, 7)
		} else {
			t = t.AddDate(0, 1, 0)
		}
	}
	return out
}

// bucketStart returns the first day of a bucket.
func bucketStart(d Dim, key string) (time.Time, bool) {
	if d == ByWeek {
		var y, w int
		if _, err := fmt.Sscanf(key, "%04d-W%02d", &y, &w); err != nil {
			return time.Time{}, false
		}
		// The Monday of ISO week w: January 4th is always in week 1.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(w-1)), true
	}
	t, err := time.Parse("2006-01", key)
	return t, err == nil
}
