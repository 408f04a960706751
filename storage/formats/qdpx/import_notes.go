package qdpx

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/textutil"
)

// note is a REFI-QDA Note read for attaching.
type note struct {
	id, name, text, user string
	created, modified    time.Time
	used                 bool
}

func (im *importer) collectNotes() {
	if im.p.Notes == nil {
		return
	}
	for _, n := range im.p.Notes.Note {
		text, ok := im.sourceText(n, "note")
		if !ok {
			continue
		}
		created := parseStamp(n.CreationDateTime)
		modified := parseStamp(n.ModifiedDateTime)
		if modified.IsZero() {
			modified = created
		}
		im.notes[guid.For(n.GUID)] = &note{id: guid.For(n.GUID), name: n.Name, text: textutil.Normalize(text),
			user: n.CreatingUser, created: created, modified: modified}
	}
}

// useNote returns the note a NoteRef points to and marks it used; nil for
// an unknown note (reported).
func (im *importer) useNote(ref string) *note {
	n := im.notes[guid.For(ref)]
	if n == nil {
		im.notef("a NoteRef points to note %s, which is not in the project", ref)
		return nil
	}
	n.used = true
	return n
}

// sourceText returns the plain text of a TextSource or Note: its
// PlainTextContent or its internal:// file.
func (im *importer) sourceText(s qdeTextSource, what string) (string, bool) {
	label := s.Name
	if label == "" {
		label = s.GUID
	}
	if s.PlainTextContent != nil {
		return *s.PlainTextContent, true
	}
	p := strings.TrimSpace(s.PlainTextPath)
	if p == "" {
		im.notef("%s %q has no plain text; not imported", what, label)
		return "", false
	}
	if !strings.HasPrefix(strings.ToLower(p), "internal://") {
		im.notef("%s %q refers to an external file (%s); not imported: export the project with embedded sources", what, label, p)
		return "", false
	}
	if im.read == nil {
		im.notef("%s %q: its text is in %s, which a bare .qde does not carry; import the .qdpx instead", what, label, p)
		return "", false
	}
	data, err := im.read(p[len("internal://"):])
	if err != nil {
		im.notef("%s %q: cannot read %s: %v", what, label, p, err)
		return "", false
	}
	if !utf8.Valid(data) {
		im.notef("%s %q: %s is not UTF-8 text; not imported", what, label, p)
		return "", false
	}
	return string(data), true
}

// attachSourceNotes turns notes referenced by sources into document memos.
func (im *importer) attachSourceNotes() {
	for _, src := range im.allTextSources() {
		docID := im.docs[guid.For(src.GUID)]
		if docID == "" {
			continue
		}
		for _, ref := range src.NoteRefs {
			if n := im.useNote(ref.TargetGUID); n != nil {
				im.memo(docID, n)
			}
		}
	}
}

func (im *importer) memo(docID string, n *note) {
	id := n.id
	for _, m := range im.b.Memos {
		if m.ID == id {
			id = guid.Derive("qdpx", "memo", n.id, docID)
		}
	}
	created := n.created
	if created.IsZero() {
		created = im.now
	}
	modified := n.modified
	if modified.IsZero() {
		modified = created
	}
	im.b.Memos = append(im.b.Memos, storage.Memo{ID: id, DocumentID: docID, AnnotatorID: im.user(n.user),
		Text: n.text, Created: created, Modified: modified})
}
