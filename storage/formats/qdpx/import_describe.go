package qdpx

import (
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// describe reads a selection's Description. Written by Saywho (the
// selection carries a Saywho kind), its "key: value" lines are attributes
// and the reserved @origin, @state and @ranges lines; anything else, and
// any other tool's description, becomes the annotation's note.
func (im *importer) describe(a *storage.Annotation, desc string, saywho bool) {
	desc = strings.TrimSpace(desc)
	if desc == "" {
		return
	}
	if !saywho {
		a.Note = joinText(a.Note, desc)
		return
	}
	var rest []string
	for _, line := range strings.Split(desc, "\n") {
		key, val, ok := strings.Cut(strings.TrimRight(line, "\r"), ": ")
		if ok && strings.HasPrefix(val, `"`) {
			if uq, err := strconv.Unquote(val); err == nil {
				val = uq
			}
		}
		switch {
		case !ok || key == "" || strings.ContainsAny(key, " \t"):
			rest = append(rest, line)
		case key == lineOrigin:
			a.Origin = val
		case key == lineState:
			a.State = val
		case key == lineRanges:
			if r, ok := parseRanges(val, a.Start, a.End); ok {
				a.Ranges = r
			} else {
				im.notef("annotation %q: parts %q do not fit its span; kept as one span", excerpt(a.Text, 40), val)
			}
		default:
			if a.Attrs == nil {
				a.Attrs = map[string]string{}
			}
			a.Attrs[key] = val
		}
	}
	if len(rest) > 0 {
		a.Note = joinText(a.Note, strings.Join(rest, "\n"))
	}
}

// parseRanges reads "s-e s-e ..." and checks the parts are valid parts of
// [start, end) (storage.CheckRanges), in the order written.
func parseRanges(s string, start, end int) ([]storage.Range, bool) {
	var out []storage.Range
	for _, f := range strings.Fields(s) {
		a, b, ok := strings.Cut(f, "-")
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return nil, false
		}
		out = append(out, storage.Range{Start: x, End: y})
	}
	if len(out) < 2 || storage.CheckRanges(start, end, out) != nil {
		return nil, false
	}
	return out, true
}
