package qdpx

import (
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// notes renders annotation notes and document memos as Notes.
func notes(x *lookup.Index) *qdeNotes {
	out := &qdeNotes{}
	user := func(id string) string {
		if id == "" {
			return ""
		}
		return guid.For(id)
	}
	for i := range x.B.Annotations {
		a := &x.B.Annotations[i]
		if a.Note == "" {
			continue
		}
		text := a.Note
		out.Note = append(out.Note, qdeTextSource{GUID: noteGUID(a.ID), Name: "Note on “" + excerpt(a.Text, 40) + "”",
			CreatingUser: user(a.AnnotatorID), CreationDateTime: stamp(a.Modified), PlainTextContent: &text})
	}
	for i := range x.B.Memos {
		m := &x.B.Memos[i]
		title := ""
		if d := x.Docs[m.DocumentID]; d != nil {
			title = d.Title
		}
		text := m.Text
		out.Note = append(out.Note, qdeTextSource{GUID: guid.For(m.ID), Name: "Memo on " + excerpt(title, 60),
			CreatingUser: user(m.AnnotatorID), CreationDateTime: stamp(m.Created),
			ModifyingUser: user(m.AnnotatorID), ModifiedDateTime: stamp(m.Modified), PlainTextContent: &text})
	}
	if len(out.Note) == 0 {
		return nil
	}
	return out
}
