package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// reloadAll reads the project's lists again (documents, codes, speakers,
// coders, sets) and the open document, and refreshes every view. It runs
// when a project opens and when a change is too large to list
// (storage.Change.Reload); other changes update only what they touched
// (apply).
func (u *UI) reloadAll() {
	if err := u.projectLists.loadAll(u.ctx(), u.p); err != nil {
		u.fail(err)
	}
	u.docList.sets.load()
	if u.doc.ID != "" && u.docSummary(u.doc.ID) == nil {
		// The open document is gone (deleted, or its import undone).
		u.doc = storage.Document{}
		u.openDocument(u.startDocument())
		return
	}
	u.refreshOpenSummary()
	u.docList.refresh()
	u.spk.refresh()
	u.codebook.refresh()
	u.reloadDocument()
}

// refreshOpenSummary copies the open document's listed details (title,
// status, counts) into the open document, keeping its text.
func (u *UI) refreshOpenSummary() {
	if s := u.docSummary(u.doc.ID); s != nil {
		text := u.doc.Text
		u.doc = s.Document
		u.doc.Text = text
	}
}

// reloadDocument reads the open document's annotations and relations and
// refreshes the views that show them.
func (u *UI) reloadDocument() {
	if err := u.docState.load(u.ctx(), u.p); err != nil {
		u.fail(err)
	}
	u.docState.notify()
}

// startDocument is the document to show first: the one last seen in this
// project, else the first.
func (u *UI) startDocument() string {
	last := u.app.Preferences().String(u.prefKey(prefLastDoc))
	if last != "" && u.docSummary(last) != nil {
		return last
	}
	if len(u.docs) > 0 {
		return u.docs[0].ID
	}
	return ""
}

// openDocument shows document id ("" shows nothing) and remembers it.
func (u *UI) openDocument(id string) {
	if id == "" {
		u.doc = storage.Document{}
		u.view.SetText("")
	} else if id != u.doc.ID {
		d, err := u.p.Document(context.Background(), id)
		if err != nil {
			u.fail(err)
			return
		}
		u.doc = d
		u.selID = ""
		u.view.SetText(d.Text)
		u.app.Preferences().SetString(u.prefKey(prefLastDoc), id)
	}
	u.docList.showOpen()
	u.find.documentChanged()
	u.reloadDocument()
	u.updateTitle()
}

// stepDocument opens the next (delta 1) or previous (delta -1) document in
// the order the document list shows.
func (u *UI) stepDocument(delta int) {
	ids := u.docList.shownIDs()
	if len(ids) == 0 {
		return
	}
	i := indexOf(ids, u.doc.ID)
	switch {
	case i < 0:
		i = 0
	case i+delta < 0 || i+delta >= len(ids):
		u.status.info("No more documents that way")
		return
	default:
		i += delta
	}
	u.openDocument(ids[i])
	u.focusArticle()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// byID finds the element of xs whose id (as given by idOf) is id.
func byID[T any](xs []T, id string, idOf func(*T) string) *T {
	for i := range xs {
		if idOf(&xs[i]) == id {
			return &xs[i]
		}
	}
	return nil
}

// visible lists the open document's annotations the view filter lets
// through ("my annotations" or every coder's).
func (u *UI) visible() []storage.Annotation {
	if !u.onlyMine {
		return u.anns
	}
	var out []storage.Annotation
	for _, a := range u.anns {
		if a.AnnotatorID == u.coder.ID {
			out = append(out, a)
		}
	}
	return out
}

// speakerOf names who an annotation is attributed to: the speaker of a
// mention, or the speaker a quote or claim is linked to (directly or
// through a mention). It returns "" when there is none.
func (u *UI) speakerOf(a storage.Annotation) string {
	if a.Kind == storage.KindSpeakerMention {
		return a.SpeakerID
	}
	for _, t := range []storage.RelationType{storage.RelSaidBy, storage.RelClaimedBy} {
		for _, r := range u.outgoing(a.ID, t) {
			if r.TargetSpeakerID != "" {
				return r.TargetSpeakerID
			}
			if m := u.annotation(r.TargetID); m != nil {
				return m.SpeakerID
			}
		}
	}
	return ""
}

// speakerName names a speaker id, or returns fallback.
func (u *UI) speakerName(id, fallback string) string {
	if s := u.speaker(id); s != nil {
		return s.Name
	}
	return fallback
}

// excerpt shortens s to at most n code points on one line.
func excerpt(s string, n int) string {
	r := []rune(s)
	for i, c := range r {
		if c == '\n' || c == '\t' {
			r[i] = ' '
		}
	}
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return string(r)
}

// quoted wraps an excerpt in quotation marks, unless it starts with one.
func quoted(s string, n int) string {
	s = excerpt(strings.TrimSpace(s), n)
	if strings.ContainsAny(firstRune(s), `"“„«‹‘「`) {
		return s
	}
	return fmt.Sprintf("“%s”", s)
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
