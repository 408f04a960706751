package sqlite

import (
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// The actor's moves: each calls one public storage method (one
// transaction) and describes what it asked for.

func (a *actor) addAnnotation() (string, error) {
	d, ok := a.document()
	if !ok {
		return "no document", nil
	}
	kind, _ := pick(a, storage.Kinds)
	s, e := a.span(d.Length)
	ann := storage.Annotation{ID: a.id(0), DocumentID: d.ID, Kind: kind, Start: s, End: e, AnnotatorID: a.coder,
		Codes: a.someCodes(), Created: a.at()}
	switch kind {
	case storage.KindQuote:
		qt, _ := pick(a, storage.QuoteTypes)
		ann.Attrs = map[string]string{storage.AttrQuoteType: qt}
	case storage.KindClaim:
		cw, _ := pick(a, storage.CheckWorthiness)
		ann.Attrs = map[string]string{storage.AttrCheckWorthiness: cw, storage.AttrStance: "support"}
	case storage.KindSpeakerMention:
		ann.SpeakerID, _ = pick(a, a.speakerIDs())
	}
	if a.rng.IntN(4) == 0 {
		ann.Note = fmt.Sprintf("note %d/%d – “checked” ✓", a.seed, a.n)
	}
	if e-s >= 3 && a.rng.IntN(5) == 0 {
		ann.Ranges = []storage.Range{{Start: s, End: s + 1}, {Start: e - 1, End: e}}
	}
	_, err := a.p.AddAnnotation(bg, ann)
	return fmt.Sprintf("%s %s [%d,%d) codes %v", ann.ID, kind, s, e, ann.Codes), err
}

func (a *actor) editAnnotation() (string, error) {
	ann, ok := pick(a, a.annotations(storage.Filter{}))
	if !ok {
		return "none", nil
	}
	d, err := a.p.Document(bg, ann.DocumentID)
	if err != nil {
		return ann.ID, err
	}
	ann.Start, ann.End = a.span(d.Length)
	ann.Ranges = nil
	ann.Codes = a.someCodes()
	ann.Note = fmt.Sprintf("edited %d/%d", a.seed, a.n)
	if a.rng.IntN(8) == 0 {
		ann.Kind, _ = pick(a, storage.Kinds) // refused while linked
	}
	_, err = a.p.UpdateAnnotation(bg, ann)
	return fmt.Sprintf("%s %s [%d,%d) codes %v", ann.ID, ann.Kind, ann.Start, ann.End, ann.Codes), err
}

func (a *actor) deleteAnnotation() (string, error) {
	ann, ok := pick(a, a.annotations(storage.Filter{}))
	if !ok {
		return "none", nil
	}
	return ann.ID, a.p.DeleteAnnotation(bg, ann.ID)
}

// link links a random annotation the way its kind allows, to an annotation
// of the same document or to a registry speaker.
func (a *actor) link() (string, error) {
	src, ok := pick(a, a.annotations(storage.Filter{}))
	if !ok {
		return "none", nil
	}
	var types []storage.RelationType
	for _, t := range storage.RelationTypes {
		if storage.RelationSource(t) == src.Kind {
			types = append(types, t)
		}
	}
	t, ok := pick(a, types)
	if !ok {
		t, _ = pick(a, storage.RelationTypes) // refused: wrong source kind
	}
	r := storage.Relation{ID: a.id(0), Type: t, SourceID: src.ID, Created: a.at()}
	var targets []string
	for _, x := range a.annotations(storage.Filter{DocumentID: src.DocumentID}) {
		if storage.CheckRelation(t, src.Kind, x.Kind, false) == nil {
			targets = append(targets, x.ID)
		}
	}
	if storage.RelationToSpeaker(t) && a.rng.IntN(2) == 0 {
		targets = nil
	}
	if r.TargetID, ok = pick(a, targets); !ok {
		r.TargetSpeakerID, _ = pick(a, a.speakerIDs())
	}
	_, err := a.p.Link(bg, r)
	return fmt.Sprintf("%s %s %s -> %s%s", r.ID, t, src.ID, r.TargetID, r.TargetSpeakerID), err
}

func (a *actor) unlink() (string, error) {
	rels, _ := a.p.Relations(bg, "")
	r, ok := pick(a, rels)
	if !ok {
		return "none", nil
	}
	return r.ID, a.p.Unlink(bg, r.ID)
}

func (a *actor) toggleCode() (string, error) {
	ann, ok := pick(a, a.annotations(storage.Filter{}))
	c, ok2 := pick(a, a.codeIDs())
	if !ok || !ok2 {
		return "none", nil
	}
	on, err := a.p.ToggleCode(bg, ann.ID, c)
	return fmt.Sprintf("%s %s -> %v", ann.ID, c, on), err
}

func (a *actor) addCode() (string, error) {
	c := storage.Code{ID: a.id(0), Name: fmt.Sprintf("code %d/%d", a.seed, a.n), Color: "#1F77B4", Created: a.at(),
		Shortcut: fmt.Sprint(1 + a.rng.IntN(9)), Position: a.rng.IntN(5)}
	if a.rng.IntN(2) == 0 {
		c.ParentID, _ = pick(a, a.codeIDs())
	}
	_, err := a.p.AddCode(bg, c)
	return fmt.Sprintf("%s under %q", c.ID, c.ParentID), err
}

func (a *actor) editCode() (string, error) {
	codes, _ := a.p.Codes(bg)
	c, ok := pick(a, codes)
	if !ok {
		return "none", nil
	}
	c.Description = fmt.Sprintf("edited %d/%d", a.seed, a.n)
	c.ParentID, _ = pick(a, append(a.codeIDs(), "")) // may be refused: a cycle
	_, err := a.p.UpdateCode(bg, c)
	return fmt.Sprintf("%s under %q", c.ID, c.ParentID), err
}

func (a *actor) deleteCode() (string, error) {
	c, ok := pick(a, a.codeIDs())
	if !ok {
		return "none", nil
	}
	return c, a.p.DeleteCode(bg, c)
}

func (a *actor) addSpeaker() (string, error) {
	s := storage.Speaker{ID: a.id(0), Name: fmt.Sprintf("Speaker %d/%d Ølé", a.seed, a.n), Aliases: []string{"alias"},
		Role: "minister", Created: a.at(), Modified: a.at()}
	_, err := a.p.AddSpeaker(bg, s)
	return s.ID, err
}

func (a *actor) editSpeaker() (string, error) {
	sp, _ := a.p.Speakers(bg)
	s, ok := pick(a, sp)
	if !ok {
		return "none", nil
	}
	s.Note = fmt.Sprintf("edited %d/%d", a.seed, a.n)
	s.Aliases = append(s.Aliases, fmt.Sprintf("alias %d", a.n))
	_, err := a.p.UpdateSpeaker(bg, s.Speaker)
	return s.ID, err
}

func (a *actor) deleteSpeaker() (string, error) {
	s, ok := pick(a, a.speakerIDs())
	if !ok {
		return "none", nil
	}
	return s, a.p.DeleteSpeaker(bg, s)
}

func (a *actor) mergeSpeakers() (string, error) {
	ids := a.speakerIDs()
	keep, ok := pick(a, ids)
	drop, ok2 := pick(a, ids)
	if !ok || !ok2 {
		return "none", nil
	}
	return keep + " <- " + drop, a.p.MergeSpeakers(bg, keep, drop)
}

func (a *actor) memo() (string, error) {
	d, ok := a.document()
	if !ok {
		return "none", nil
	}
	text := ""
	if a.rng.IntN(4) > 0 {
		text = fmt.Sprintf("memo %d/%d: 👀 check the second quote", a.seed, a.n)
	}
	return d.ID, a.p.SetMemo(bg, d.ID, a.coder, text)
}

func (a *actor) documentStatus() (string, error) {
	d, ok := a.document()
	if !ok {
		return "none", nil
	}
	doc := d.Document
	doc.Status, _ = pick(a, []string{storage.StatusNew, storage.StatusInProgress, storage.StatusDone})
	doc.Title = fmt.Sprintf("%s (%d)", strings.SplitN(doc.Title, " (", 2)[0], a.n)
	return d.ID + " " + doc.Status, a.p.UpdateDocumentMeta(bg, doc)
}

func (a *actor) addDocument() (string, error) {
	d := storage.Document{ID: a.id(0), Title: fmt.Sprintf("Report %d/%d", a.seed, a.n), Format: "txt", Imported: a.at(),
		Text: crashArticle(int(a.seed)*100000 + a.n)}
	_, err := a.p.AddDocument(bg, d)
	return d.ID, err
}

func (a *actor) deleteDocument() (string, error) {
	docs, _ := a.p.Documents(bg)
	if len(docs) <= 3 {
		return "kept: too few", nil
	}
	d, _ := pick(a, docs)
	return d.ID, a.p.DeleteDocument(bg, d.ID)
}

func (a *actor) undo() (string, error) {
	label, err := a.p.Undo(bg)
	return fmt.Sprintf("%q", label), err
}

func (a *actor) redo() (string, error) {
	label, err := a.p.Redo(bg)
	return fmt.Sprintf("%q", label), err
}

// crashArticle is a short invented news text, different for every n, with
// emoji, combining marks, CJK, RTL script and CRLF line ends.
func crashArticle(n int) string {
	return fmt.Sprintf("Bulletin %d.\r\nThe mayor 👩🏽‍⚖️ said: “The bridge reopens on Monday,” after talks in Zürich.\r\n"+
		"A spokesman for the ministry told reporters that the repairs cost less than planned.\r\n"+
		"東京 officials were “cautiously optimistic”, according to a statement; שלום, wrote one reader, مرحبا another.\r\n"+
		"Critics, including councillor José Nuñez, claimed the work was rushed. Issue %d ends here.\n", n, n*7)
}
