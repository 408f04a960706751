// Package scalefixture builds large projects for benchmarks: it repeats the
// documents of a small Saywho JSON export (real articles with their
// annotations) until a requested number of articles is reached, and writes
// the result as a Saywho JSON export, streamed, so a 10,000-article file
// with a million annotations is written in memory the size of the source.
//
// Each copy of a document gets new ids (derived from the copy number, so
// the output is deterministic) and one extra line at the end of its text
// ("[copy N]"), which keeps every annotation's offsets valid while giving
// each copy its own SHA-256, as distinct articles have.
package scalefixture

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/native"
	"github.com/saywho-app/saywho/storage/textutil"
)

// namespace derives the ids of copies.
var namespace = uuid.MustParse("0b6f3f4e-6d8a-4c1e-9a57-5c3e2d1f0a99")

// Counts says how much a fixture holds.
type Counts struct {
	Documents, Annotations, Relations, Memos int
}

// Write streams a Saywho JSON export of n articles made from src's
// documents (cycled in order) to w. The registry (coders, codes, speakers)
// is src's, shared by every copy. exported is written as the export time.
func Write(w io.Writer, src *storage.Bundle, n int, exported time.Time) (Counts, error) {
	var c Counts
	if len(src.Documents) == 0 {
		return c, fmt.Errorf("the source export holds no documents")
	}
	for _, d := range src.Documents {
		if d.Text == "" {
			return c, fmt.Errorf("the source export was made without texts (--no-text): document %s has none", d.ID)
		}
	}
	g := newGrouping(src)
	bw := bufio.NewWriterSize(w, 1<<20)
	e := &encoder{w: bw}
	e.raw(`{"format":"saywho","version":1,"exported":`)
	e.value(exported.UTC().Truncate(time.Millisecond))
	e.raw(`,"offset_unit":"codepoint","includes_text":true,"project":`)
	e.value(storage.ProjectInfo{ID: derive(0, src.Project.ID), Name: fmt.Sprintf("%s × %d", src.Project.Name, n), Created: src.Project.Created})
	src.Normalise()
	e.field("annotators", src.Annotators)
	e.field("codes", src.Codes)
	e.field("speakers", src.Speakers)

	e.raw(`,"documents":[`)
	each(n, len(src.Documents), func(i, copyNo, k int) {
		d := src.Documents[k]
		d.ID = derive(copyNo, d.ID)
		d.Text = d.Text + fmt.Sprintf("\n\n[copy %d]", copyNo)
		d.Text = textutil.Normalize(d.Text)
		d.SHA256 = textutil.SHA256(d.Text)
		d.Length = utf8.RuneCountInString(d.Text)
		if copyNo > 0 {
			d.Title = fmt.Sprintf("%s (%d)", d.Title, copyNo)
		}
		e.item(i, d)
		c.Documents++
	})
	e.raw(`],"annotations":[`)
	i := 0
	each(n, len(src.Documents), func(_, copyNo, k int) {
		for _, a := range g.anns[src.Documents[k].ID] {
			a.ID = derive(copyNo, a.ID)
			a.DocumentID = derive(copyNo, a.DocumentID)
			e.item(i, a)
			i++
			c.Annotations++
		}
	})
	e.raw(`],"relations":[`)
	i = 0
	each(n, len(src.Documents), func(_, copyNo, k int) {
		for _, r := range g.rels[src.Documents[k].ID] {
			r.ID = derive(copyNo, r.ID)
			r.SourceID = derive(copyNo, r.SourceID)
			if r.TargetID != "" {
				r.TargetID = derive(copyNo, r.TargetID)
			}
			e.item(i, r)
			i++
			c.Relations++
		}
	})
	e.raw(`],"memos":[`)
	i = 0
	each(n, len(src.Documents), func(_, copyNo, k int) {
		for _, m := range g.memos[src.Documents[k].ID] {
			m.ID = derive(copyNo, m.ID)
			m.DocumentID = derive(copyNo, m.DocumentID)
			e.item(i, m)
			i++
			c.Memos++
		}
	})
	e.raw("]}\n")
	if e.err == nil {
		e.err = bw.Flush()
	}
	return c, e.err
}

// each calls fn for the n output articles in order: i counts them, copyNo
// is the round through the source and k the source document.
func each(n, sources int, fn func(i, copyNo, k int)) {
	for i := 0; i < n; i++ {
		fn(i, i/sources, i%sources)
	}
}

// derive gives copy copyNo of id its own id; copy 0 keeps the original.
func derive(copyNo int, id string) string {
	if copyNo == 0 || id == "" {
		return id
	}
	return uuid.NewSHA1(namespace, fmt.Appendf(nil, "%d/%s", copyNo, id)).String()
}

// grouping is src's annotations, relations and memos by document.
type grouping struct {
	anns  map[string][]storage.Annotation
	rels  map[string][]storage.Relation
	memos map[string][]storage.Memo
}

func newGrouping(src *storage.Bundle) grouping {
	g := grouping{anns: map[string][]storage.Annotation{}, rels: map[string][]storage.Relation{}, memos: map[string][]storage.Memo{}}
	docOf := map[string]string{}
	for _, a := range src.Annotations {
		g.anns[a.DocumentID] = append(g.anns[a.DocumentID], a)
		docOf[a.ID] = a.DocumentID
	}
	for _, r := range src.Relations {
		if d, ok := docOf[r.SourceID]; ok {
			g.rels[d] = append(g.rels[d], r)
		}
	}
	for _, m := range src.Memos {
		g.memos[m.DocumentID] = append(g.memos[m.DocumentID], m)
	}
	return g
}

// encoder writes JSON pieces and keeps the first error.
type encoder struct {
	w   *bufio.Writer
	err error
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) value(v any) {
	if e.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		e.err = err
		return
	}
	_, e.err = e.w.Write(b)
}

func (e *encoder) field(name string, v any) {
	e.raw(`,"` + name + `":`)
	e.value(v)
}

func (e *encoder) item(i int, v any) {
	if i > 0 {
		e.raw(",")
	}
	e.value(v)
}

// ReadSource reads the small export whose documents are repeated.
func ReadSource(path string) (*storage.Bundle, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return native.Import(data)
}
