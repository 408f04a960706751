package qdpx

import (
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/textmap"
	"github.com/saywho-app/saywho/storage/textutil"
)

// codingGroup is the codings one user applied to a selection.
type codingGroup struct {
	user  string // annotator id
	kind  storage.Kind
	codes []string
	notes []string
}

// importSelection turns a PlainTextSelection into one annotation per user
// who coded it (so coders stay apart), the selection's creator first.
func (im *importer) importSelection(d *storage.Document, ix *textutil.Index, tm *textmap.Map, sel qdeSelection) {
	start, end, ok := im.span(d, ix, tm, sel)
	if !ok {
		return
	}
	groups := im.groupCodings(sel)
	for gi, g := range groups {
		a := storage.Annotation{ID: guid.For(sel.GUID), DocumentID: d.ID, Kind: g.kind, Start: start, End: end,
			Codes: g.codes, AnnotatorID: g.user, Origin: storage.OriginHuman}
		if gi > 0 {
			a.ID = guid.Derive("qdpx", "selection", sel.GUID, g.user)
		}
		a.Text = ix.Slice(start, end)
		a.Prefix, a.Suffix = ix.Context(start, end)
		if a.Created = parseStamp(sel.CreationDateTime); a.Created.IsZero() {
			a.Created = im.now
		}
		if a.Modified = parseStamp(sel.ModifiedDateTime); a.Modified.IsZero() {
			a.Modified = a.Created
		}
		if gi == 0 {
			im.describe(&a, sel.Description, g.kind != storage.KindCode)
			for _, ref := range sel.NoteRefs {
				if n := im.useNote(ref.TargetGUID); n != nil {
					a.Note = joinText(a.Note, n.text)
				}
			}
			im.sels[guid.For(sel.GUID)] = a.ID
		}
		for _, t := range g.notes {
			a.Note = joinText(a.Note, t)
		}
		im.b.Annotations = append(im.b.Annotations, a)
	}
	if len(groups) > 1 {
		im.notef("selection %q in %q was coded by %d coders; imported as one annotation per coder", excerpt(sel.Name, 40), d.Title, len(groups))
	}
}

// span reads and maps a selection's positions.
func (im *importer) span(d *storage.Document, ix *textutil.Index, tm *textmap.Map, sel qdeSelection) (int, int, bool) {
	s, err1 := strconv.Atoi(strings.TrimSpace(sel.Start))
	e, err2 := strconv.Atoi(strings.TrimSpace(sel.End))
	if err1 != nil || err2 != nil {
		im.notef("selection %s in %q: positions %q-%q are not numbers; not imported", sel.GUID, d.Title, sel.Start, sel.End)
		return 0, 0, false
	}
	if n := tm.Len(); n >= 0 && (s < 0 || e > n) {
		im.notef("selection %s in %q: positions %d-%d are outside the source (%d characters); not imported", sel.GUID, d.Title, s, e, n)
		return 0, 0, false
	}
	start, end := tm.Pos(s), tm.Pos(e)
	if start < 0 || end < 0 || ix.Check(start, end) != nil || start == end {
		im.notef("selection %s in %q: positions %d-%d are outside the text or empty; not imported", sel.GUID, d.Title, s, e)
		return 0, 0, false
	}
	return start, end, true
}

// groupCodings splits a selection's codings by the user who made them. A
// coding without a user belongs to the selection's creator.
func (im *importer) groupCodings(sel qdeSelection) []*codingGroup {
	creator := im.user(sel.CreatingUser)
	groups := []*codingGroup{{user: creator, kind: storage.KindCode}}
	byUser := map[string]*codingGroup{creator: groups[0]}
	for _, c := range sel.Codings {
		u := creator
		if c.CreatingUser != "" {
			u = im.user(c.CreatingUser)
		}
		g := byUser[u]
		if g == nil {
			g = &codingGroup{user: u, kind: storage.KindCode}
			byUser[u] = g
			groups = append(groups, g)
		}
		ref := guid.For(c.CodeRef.TargetGUID)
		switch {
		case im.kinds[ref] != "":
			if g.kind != storage.KindCode && g.kind != im.kinds[ref] {
				im.notef("selection %q is coded with two Saywho kinds (%s, %s); kept %s", excerpt(sel.Name, 40), g.kind, im.kinds[ref], g.kind)
				continue
			}
			g.kind = im.kinds[ref]
		case im.codes[ref] != "":
			if !contains(g.codes, ref) {
				g.codes = append(g.codes, ref)
			}
		default:
			im.notef("selection %q: a coding refers to code %s, which is not in the codebook; dropped", excerpt(sel.Name, 40), c.CodeRef.TargetGUID)
		}
		for _, ref := range c.NoteRefs {
			if n := im.useNote(ref.TargetGUID); n != nil {
				g.notes = append(g.notes, n.text)
			}
		}
	}
	if len(groups) > 1 && len(groups[0].codes) == 0 && groups[0].kind == storage.KindCode && len(sel.Codings) > 0 {
		groups = groups[1:] // the creator applied none of the codings
	}
	return groups
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
