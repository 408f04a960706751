package brat

import (
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/textmap"
	"github.com/saywho-app/saywho/storage/textutil"
)

// docContext is a document being imported: its original text (which brat
// offsets count) and the map onto the stored, normalised text.
type docContext struct {
	id, name string
	orig     []rune
	tm       *textmap.Map
	ix       *textutil.Index
}

// annContext is one .ann file being imported.
type annContext struct {
	doc   *docContext
	file  string
	coder string
	anns  []storage.Annotation
	byT   map[string]int // T id → index in anns
	rels  []storage.Relation
	seen  map[[3]string]bool
}

func (im *importer) importAnn(doc *docContext, file, coder string, f *File) {
	c := &annContext{doc: doc, file: file, coder: coder, byT: map[string]int{}, seen: map[[3]string]bool{}}
	for _, bad := range f.Bad {
		im.notef("%s: %s; skipped", file, bad)
	}
	for _, e := range f.Entities {
		im.entity(c, e)
	}
	for _, a := range f.Attributes {
		im.attribute(c, a)
	}
	im.norms(c, f.Norms)
	for _, n := range f.Notes {
		if i, ok := c.byT[n.Target]; ok && n.Type == "AnnotatorNotes" {
			c.anns[i].Note = joinNote(c.anns[i].Note, n.Text)
		} else {
			im.count("%s: notes on relations or events are not imported", file)
		}
	}
	for _, e := range f.Events {
		im.event(c, e)
	}
	for _, r := range f.Relations {
		im.relation(c, r)
	}
	if len(f.Equivs) > 0 {
		im.notef("%s: %d equivalence (*) lines not imported", file, len(f.Equivs))
	}
	im.b.Annotations = append(im.b.Annotations, c.anns...)
	im.b.Relations = append(im.b.Relations, c.rels...)
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// entity turns a T line into an annotation.
func (im *importer) entity(c *annContext, e Entity) {
	if _, dup := c.byT[e.ID]; dup {
		im.notef("%s: %s is defined twice; the second is skipped", c.file, e.ID)
		return
	}
	var parts []string // in the T line's order, which its text follows
	mapped := make([]storage.Range, 0, len(e.Spans))
	for _, s := range e.Spans {
		if s.End > len(c.doc.orig) || s.Start >= s.End {
			im.notef("%s: %s span %d-%d is empty or outside %s.txt; skipped", c.file, e.ID, s.Start, s.End, c.doc.name)
			return
		}
		parts = append(parts, string(c.doc.orig[s.Start:s.End]))
		mapped = append(mapped, storage.Range{Start: c.doc.tm.Pos(s.Start), End: c.doc.tm.Pos(s.End)})
	}
	if flat(strings.Join(parts, " ")) != flat(e.Text) {
		im.count("%s: the text of some spans differs from the .txt at their offsets (offsets used)", c.file)
	}
	// The fragments keep the T line's order (see storage.CheckRanges); a
	// part that normalisation emptied (a lone CR of a CRLF) is dropped.
	kept := mapped[:0]
	for _, r := range mapped {
		if r.Start < r.End {
			kept = append(kept, r)
		}
	}
	if mapped = kept; len(mapped) == 0 {
		im.notef("%s: %s becomes empty once the text is normalised; skipped", c.file, e.ID)
		return
	}
	sorted := storage.InTextOrder(mapped)
	start, end := sorted[0].Start, sorted[len(sorted)-1].End
	if storage.CheckRanges(start, end, mapped) != nil {
		im.notef("%s: %s has overlapping fragments; imported as one span", c.file, e.ID)
		end = maxEnd(mapped)
		mapped = mapped[:1]
	}
	kind, known := im.m.kind(e.Label)
	a := storage.Annotation{ID: storage.NewID(), DocumentID: c.doc.id, Kind: kind,
		Start: start, End: end, AnnotatorID: c.coder,
		Created: im.now, Modified: im.now, Origin: storage.OriginHuman}
	if len(mapped) > 1 {
		a.Ranges = mapped
	}
	if !known || im.m.label(kind) != e.Label {
		a.Attrs = map[string]string{storage.AttrLabel: e.Label}
	}
	a.Text = c.doc.ix.Slice(a.Start, a.End)
	a.Prefix, a.Suffix = c.doc.ix.Context(a.Start, a.End)
	c.byT[e.ID] = len(c.anns)
	c.anns = append(c.anns, a)
}

func maxEnd(rs []storage.Range) int {
	m := 0
	for _, r := range rs {
		m = max(m, r.End)
	}
	return m
}

// flat puts text in the form a T line holds: line breaks and tabs as
// spaces.
func flat(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// attribute applies an A line: a code, a detector origin or state, or an
// attribute (a binary attribute gets the value "true").
func (im *importer) attribute(c *annContext, at Attr) {
	i, ok := c.byT[at.Target]
	if !ok {
		im.count("%s: attributes of relations or events are not imported", c.file)
		return
	}
	a := &c.anns[i]
	switch at.Name {
	case attrCode:
		id := im.code(at.Value)
		for _, x := range a.Codes {
			if x == id {
				return
			}
		}
		a.Codes = append(a.Codes, id)
	case attrOrigin:
		a.Origin = at.Value
	case attrState:
		a.State = at.Value
	default:
		if a.Attrs == nil {
			a.Attrs = map[string]string{}
		}
		v := at.Value
		if v == "" {
			v = "true"
		}
		a.Attrs[at.Name] = v
	}
}

// code returns the id of the code named name, creating it.
func (im *importer) code(name string) string {
	if id, ok := im.codes[name]; ok {
		return id
	}
	id := storage.NewID()
	im.codes[name] = id
	im.b.Codes = append(im.b.Codes, storage.Code{ID: id, Name: name, Position: len(im.b.Codes), Created: im.now})
	return id
}
