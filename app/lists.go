package app

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// projectLists are the project-wide lists the window shows and looks names
// up in: documents (with their counts), codes, speakers (with theirs) and
// coders. They are read whole when a project opens; after that a change
// updates only the rows it names (see apply), so an action costs the same
// in a project of ten documents and of ten thousand.
type projectLists struct {
	docs     []storage.DocumentSummary
	codes    []storage.Code
	speakers []storage.SpeakerStats
	coders   []storage.Annotator

	docAt     map[string]int // document id → index in docs
	speakerAt map[string]int // speaker id → index in speakers
}

// loadAll reads every list.
func (l *projectLists) loadAll(ctx context.Context, p storage.Project) error {
	var err error
	if l.docs, err = p.Documents(ctx); err != nil {
		return err
	}
	if l.speakers, err = p.Speakers(ctx); err != nil {
		return err
	}
	if err := l.loadCodes(ctx, p); err != nil {
		return err
	}
	if err := l.loadCoders(ctx, p); err != nil {
		return err
	}
	l.index()
	return nil
}

// loadCodes reads the codebook again (it is short).
func (l *projectLists) loadCodes(ctx context.Context, p storage.Project) (err error) {
	l.codes, err = p.Codes(ctx)
	return err
}

// loadCoders reads the coders again (a handful).
func (l *projectLists) loadCoders(ctx context.Context, p storage.Project) (err error) {
	l.coders, err = p.Annotators(ctx)
	return err
}

// index rebuilds the lookups by id.
func (l *projectLists) index() {
	l.docAt = make(map[string]int, len(l.docs))
	for i, d := range l.docs {
		l.docAt[d.ID] = i
	}
	l.speakerAt = make(map[string]int, len(l.speakers))
	for i, s := range l.speakers {
		l.speakerAt[s.ID] = i
	}
}

// patchDocuments reads the listed documents again and puts them in place,
// dropping those that are gone. A document new to the list (imported, or
// its deletion undone) makes it read the whole list again, to keep import
// order. reordered reports whether rows were added or removed.
func (l *projectLists) patchDocuments(ctx context.Context, p storage.Project, ids []string) (reordered bool, err error) {
	fresh, err := p.DocumentSummaries(ctx, ids)
	if err != nil {
		return false, err
	}
	got := map[string]storage.DocumentSummary{}
	for _, d := range fresh {
		got[d.ID] = d
	}
	for _, id := range ids {
		d, there := got[id]
		i, listed := l.docAt[id]
		switch {
		case there && listed:
			l.docs[i] = d
		case there != listed:
			reordered = true
		}
	}
	if reordered {
		if l.docs, err = p.Documents(ctx); err != nil {
			return true, err
		}
		l.index()
	}
	return reordered, nil
}

// patchSpeakers reads the listed speakers (and their counts) again, adds
// new ones, drops deleted ones and keeps the list in name order.
func (l *projectLists) patchSpeakers(ctx context.Context, p storage.Project, ids []string) error {
	fresh, err := p.SpeakerStats(ctx, ids)
	if err != nil {
		return err
	}
	got := map[string]storage.SpeakerStats{}
	for _, s := range fresh {
		got[s.ID] = s
	}
	sorted := true
	for _, id := range ids {
		s, there := got[id]
		i, listed := l.speakerAt[id]
		switch {
		case there && listed:
			sorted = sorted && l.speakers[i].Name == s.Name
			l.speakers[i] = s
		case there:
			l.speakers = append(l.speakers, s)
			sorted = false
		case listed:
			l.speakers[i].ID = "" // dropped below
			sorted = false
		}
	}
	if !sorted {
		l.speakers = slices.DeleteFunc(l.speakers, func(s storage.SpeakerStats) bool { return s.ID == "" })
		slices.SortStableFunc(l.speakers, func(a, b storage.SpeakerStats) int {
			return cmp.Or(cmp.Compare(foldASCII(a.Name), foldASCII(b.Name)), cmp.Compare(a.ID, b.ID))
		})
		l.index()
	}
	return nil
}

// docSummary finds a listed document by id.
func (l *projectLists) docSummary(id string) *storage.DocumentSummary {
	if i, ok := l.docAt[id]; ok && i < len(l.docs) {
		return &l.docs[i]
	}
	return nil
}

// speaker finds a registry speaker by id.
func (l *projectLists) speaker(id string) *storage.SpeakerStats {
	if i, ok := l.speakerAt[id]; ok && i < len(l.speakers) {
		return &l.speakers[i]
	}
	return nil
}

// code finds a code by id.
func (l *projectLists) code(id string) *storage.Code {
	return byID(l.codes, id, func(c *storage.Code) string { return c.ID })
}

// coderName names an annotator.
func (l *projectLists) coderName(id string) string {
	if c := byID(l.coders, id, func(c *storage.Annotator) string { return c.ID }); c != nil {
		return c.Name
	}
	return "?"
}

// foldASCII lower-cases A–Z only, as SQLite's NOCASE collation does, so a
// list sorted here keeps the order the project gives.
func foldASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
