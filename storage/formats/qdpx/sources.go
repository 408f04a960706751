package qdpx

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// textSources renders the documents with their selections, and the source
// files to ship.
func textSources(x *lookup.Index, vars *variables, opts Options) (*qdeSources, []sourceFile, error) {
	if len(x.B.Documents) == 0 {
		return nil, nil, nil
	}
	out := &qdeSources{}
	var files []sourceFile
	for i := range x.B.Documents {
		d := &x.B.Documents[i]
		id := guid.For(d.ID)
		text := d.Text
		if opts.CRLF {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		files = append(files, sourceFile{name: id + ".txt", data: []byte(text)})
		name := d.Title
		if name == "" {
			name = d.FileName
		}
		ts := qdeTextSource{GUID: id, Name: name, PlainTextPath: "internal://" + id + ".txt", CreationDateTime: stamp(d.Imported)}
		pos := positions(d.Text, opts.CRLF)
		for _, a := range x.ByDoc[d.ID] {
			sel, err := selection(x, a, pos)
			if err != nil {
				return nil, nil, fmt.Errorf("document %q: %w", d.Title, err)
			}
			ts.Selections = append(ts.Selections, sel)
		}
		for _, m := range x.MemosByDoc[d.ID] {
			ts.NoteRefs = append(ts.NoteRefs, qdeRef{TargetGUID: guid.For(m.ID)})
		}
		ts.Values = vars.values(varOutlet, d.Outlet, varByline, d.Byline, varPublished, d.Published, varURL, d.URL,
			varFileName, d.FileName, varFormat, d.Format, varStatus, d.Status)
		out.Text = append(out.Text, ts)
	}
	return out, files, nil
}

// positions returns a function mapping a code-point offset of text to the
// position in the shipped file (which has CRLF line ends when crlf is set).
func positions(text string, crlf bool) func(int) int {
	if !crlf {
		return func(i int) int { return i }
	}
	lf := make([]int, 0, 64) // code-point offsets of the LFs
	i := 0
	for _, r := range text {
		if r == '\n' {
			lf = append(lf, i)
		}
		i++
	}
	return func(i int) int { return i + sort.SearchInts(lf, i) }
}

func selection(x *lookup.Index, a *storage.Annotation, pos func(int) int) (qdeSelection, error) {
	if ix := x.Text(a.DocumentID); ix == nil || ix.Check(a.Start, a.End) != nil {
		return qdeSelection{}, fmt.Errorf("annotation %s: span [%d,%d) is outside the text", a.ID, a.Start, a.End)
	}
	user := ""
	if a.AnnotatorID != "" {
		user = guid.For(a.AnnotatorID)
	}
	s := qdeSelection{GUID: guid.For(a.ID), Name: excerpt(a.Text, 80),
		Start: strconv.Itoa(pos(a.Start)), End: strconv.Itoa(pos(a.End)),
		CreatingUser: user, CreationDateTime: stamp(a.Created), ModifyingUser: user, ModifiedDateTime: stamp(a.Modified),
		Description: describe(a)}
	coding := func(codeGUID string) qdeCoding {
		return qdeCoding{GUID: guid.Derive("qdpx", "coding", a.ID, codeGUID), CreatingUser: user,
			CreationDateTime: stamp(a.Created), CodeRef: qdeRef{TargetGUID: codeGUID}}
	}
	if a.Kind != storage.KindCode {
		s.Codings = append(s.Codings, coding(kindGUID(a.Kind)))
	}
	for _, c := range a.Codes {
		if x.Codes[c] != nil {
			s.Codings = append(s.Codings, coding(guid.For(c)))
		}
	}
	if a.Note != "" {
		s.NoteRefs = append(s.NoteRefs, qdeRef{TargetGUID: noteGUID(a.ID)})
	}
	return s, nil
}

func noteGUID(annotationID string) string { return guid.Derive("qdpx", "note", annotationID) }

// describe renders what a selection cannot hold otherwise, one "key: value"
// line each: the attributes (sorted), then the origin of a detector
// suggestion, its state and the parts of a discontinuous span (code-point
// offsets into the document text). Values with line breaks or edge spaces
// are quoted Go-style.
func describe(a *storage.Annotation) string {
	var lines []string
	keys := make([]string, 0, len(a.Attrs))
	for k := range a.Attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		lines = append(lines, k+": "+quoteValue(a.Attrs[k]))
	}
	if a.Origin != "" && a.Origin != storage.OriginHuman {
		lines = append(lines, lineOrigin+": "+quoteValue(a.Origin))
	}
	if a.State != "" {
		lines = append(lines, lineState+": "+quoteValue(a.State))
	}
	if len(a.Ranges) > 0 {
		var parts []string
		for _, r := range a.Ranges {
			parts = append(parts, fmt.Sprintf("%d-%d", r.Start, r.End))
		}
		lines = append(lines, lineRanges+": "+strings.Join(parts, " "))
	}
	return strings.Join(lines, "\n")
}

func quoteValue(v string) string {
	if strings.ContainsAny(v, "\r\n\"") || strings.TrimSpace(v) != v {
		return strconv.Quote(v)
	}
	return v
}
