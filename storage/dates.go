package storage

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// ParseDate reads a publication date as news sources and databases write
// it ("2016-09-12", "2016-09-12T14:03:00Z", "12 September 2016",
// "Sep 12, 2016 10:00 AM EDT", "9/12/2016", "20160912") and returns the
// calendar day it names, at midnight UTC: the day as written, whatever
// its time zone. Numeric dates that could be read either way (3/4/2016)
// are read month first, as pandas and R's lubridate::mdy do; ok is false
// for what is not a date.
//
// It uses github.com/itlightning/dateparse (the maintained fork of
// araddon/dateparse), which recognises several hundred layouts without a
// format string.
func ParseDate(s string) (t time.Time, ok bool) {
	defer func() {
		if recover() != nil { // a parser bug must not take down a report
			t, ok = time.Time{}, false
		}
	}()
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	d, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil || d.Year() < 1 || d.Year() > 9999 {
		return time.Time{}, false
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), true
}
