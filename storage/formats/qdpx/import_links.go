package qdpx

import (
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

// importLinks turns Links between selections (or from a selection to a
// case) named after a Saywho relation type into relations, and Links
// between a note and a selection or source into attached notes.
func (im *importer) importLinks() {
	if im.p.Links == nil {
		return
	}
	seen := map[[3]string]bool{}
	for _, l := range im.p.Links.Link {
		if im.noteLink(l) {
			continue
		}
		src := im.anns[im.sels[guid.For(l.Origin)]]
		r := storage.Relation{ID: guid.For(l.GUID), Type: storage.RelationType(l.Name)}
		var dstKind storage.Kind
		if t := im.anns[im.sels[guid.For(l.Target)]]; t != nil {
			r.TargetID, dstKind = t.ID, t.Kind
			if src != nil && t.DocumentID != src.DocumentID {
				im.notef("link %q joins passages of two documents; not imported", l.Name)
				continue
			}
		} else if sp := im.speakers[guid.For(l.Target)]; sp != "" {
			r.TargetSpeakerID = sp
		}
		if src == nil || (r.TargetID == "" && r.TargetSpeakerID == "") {
			im.notef("link %q (%s → %s) does not join two passages or a passage and a case; not imported", l.Name, l.Origin, l.Target)
			continue
		}
		if err := storage.CheckRelation(r.Type, src.Kind, dstKind, r.TargetSpeakerID != ""); err != nil {
			im.notef("link %q from %q: %v; not imported", l.Name, excerpt(src.Text, 30), err)
			continue
		}
		key := [3]string{string(r.Type), src.ID, r.TargetID + r.TargetSpeakerID}
		if seen[key] {
			continue
		}
		seen[key] = true
		r.SourceID, r.AnnotatorID, r.Created = src.ID, src.AnnotatorID, src.Created
		im.b.Relations = append(im.b.Relations, r)
		if len(l.NoteRefs) > 0 {
			im.notef("link %q: its notes are not imported (Saywho relations carry no notes)", l.Name)
		}
	}
}

// noteLink attaches a note linked to a selection (its annotation's note) or
// to a source (a memo), as ATLAS.ti links memos to quotations.
func (im *importer) noteLink(l qdeLink) bool {
	a, b := guid.For(l.Origin), guid.For(l.Target)
	if im.notes[a] == nil {
		a, b = b, a
	}
	n := im.notes[a]
	if n == nil {
		return false
	}
	if ann := im.anns[im.sels[b]]; ann != nil {
		n.used = true
		ann.Note = joinText(ann.Note, n.text)
		return true
	}
	if doc := im.docs[b]; doc != "" {
		n.used = true
		im.memo(doc, n)
		return true
	}
	return false
}
