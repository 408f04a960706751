package app

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// The annotation actions: each is one storage call, so one undoable step.

// mark makes the text selection an annotation of kind k, selects it and,
// for a speaker mention, resolves it to the registry speaker of that name.
func (u *UI) mark(k storage.Kind) {
	start, end, ok := u.selectedRange()
	if !ok {
		return
	}
	text := string([]rune(u.doc.Text)[start:end])
	a := storage.Annotation{DocumentID: u.doc.ID, Kind: k, Start: start, End: end, AnnotatorID: u.coder.ID}
	switch k {
	case storage.KindQuote:
		a.Attrs = map[string]string{storage.AttrQuoteType: guessQuoteType(text)}
	case storage.KindSpeakerMention:
		a.SpeakerID = matchSpeaker(u.speakers, text)
	}
	u.add(a)
}

// codeSelection marks the text selection as a passage coded with code.
func (u *UI) codeSelection(codeID string) {
	start, end, ok := u.selectedRange()
	if !ok {
		return
	}
	u.add(storage.Annotation{DocumentID: u.doc.ID, Kind: storage.KindCode, Start: start, End: end, AnnotatorID: u.coder.ID, Codes: []string{codeID}})
}

// selectedRange is the text selection without surrounding space; when
// there is none it says what to do and ok is false.
func (u *UI) selectedRange() (start, end int, ok bool) {
	start, end = u.view.Selection()
	if u.doc.ID != "" && start < end {
		start, end = trimSpan([]rune(u.doc.Text), start, end)
	}
	if u.doc.ID == "" || start >= end {
		u.status.info("Select some text in the article first, then press the key again")
		return 0, 0, false
	}
	return start, end, true
}

// add stores a new annotation and selects it. The same span marked again
// as the same kind by the same coder selects the one there.
func (u *UI) add(a storage.Annotation) {
	defer u.insp.hold()()
	for _, x := range u.anns {
		if x.Kind == a.Kind && x.Start == a.Start && x.End == a.End && x.AnnotatorID == a.AnnotatorID && (a.Kind != storage.KindCode || slices.Equal(x.Codes, a.Codes)) {
			u.selectAnnotation(x.ID, false)
			u.status.info("Already marked as " + strings.ToLower(kindName(a.Kind)))
			return
		}
	}
	var made storage.Annotation
	ok := u.do("Added "+strings.ToLower(kindName(a.Kind)), func(ctx context.Context) error {
		var err error
		made, err = u.p.AddAnnotation(ctx, a)
		return err
	})
	if ok {
		u.selectAnnotation(made.ID, false)
		u.focusArticle()
	}
}

// applyDigit applies the code with shortcut digit d: to the selected
// annotation (toggling it), or to the text selection as a coded passage.
func (u *UI) applyDigit(d rune) {
	var code *storage.Code
	for i := range u.codes {
		if u.codes[i].Shortcut == string(d) {
			code = &u.codes[i]
		}
	}
	if code == nil {
		u.status.info(fmt.Sprintf("No code has the shortcut %c: give one in the Codes tab", d))
		return
	}
	if u.selID != "" {
		u.toggleCode(u.selID, code.ID)
		return
	}
	u.codeSelection(code.ID)
}

// toggleCode adds or removes a code on an annotation.
func (u *UI) toggleCode(annID, codeID string) {
	name := "code"
	if c := u.code(codeID); c != nil {
		name = "code " + c.Name
	}
	var on bool
	u.do("Changed "+name, func(ctx context.Context) error {
		var err error
		on, err = u.p.ToggleCode(ctx, annID, codeID)
		return err
	})
	if on {
		u.status.info("Applied " + name)
	} else {
		u.status.info("Removed " + name)
	}
}

// update saves a changed copy of annotation id.
func (u *UI) update(id, what string, change func(a *storage.Annotation)) {
	cur := u.annotation(id)
	if cur == nil {
		return
	}
	a := *cur
	a.Attrs = maps.Clone(a.Attrs)
	if a.Attrs == nil {
		a.Attrs = map[string]string{}
	}
	a.Codes = append([]string(nil), a.Codes...)
	change(&a)
	u.do(what, func(ctx context.Context) error {
		_, err := u.p.UpdateAnnotation(ctx, a)
		return err
	})
}

// setAttr sets (or, for "", removes) an attribute.
func (u *UI) setAttr(id, key, value string) {
	u.update(id, "Changed "+strings.ReplaceAll(key, "_", " "), func(a *storage.Annotation) {
		if value == "" {
			delete(a.Attrs, key)
		} else {
			a.Attrs[key] = value
		}
	})
}

// setNote changes an annotation's note.
func (u *UI) setNote(id, note string) {
	u.update(id, "Changed note", func(a *storage.Annotation) { a.Note = note })
}

// changeKind turns an annotation into another kind.
func (u *UI) changeKind(a storage.Annotation, k storage.Kind) {
	if k == "" || k == a.Kind {
		return
	}
	u.update(a.ID, "Changed kind to "+strings.ToLower(kindName(k)), func(a *storage.Annotation) { a.Kind = k })
}

// setMentionSpeaker resolves a speaker mention to a registry speaker.
func (u *UI) setMentionSpeaker(id, speakerID string) {
	u.update(id, "Set speaker to "+u.speakerName(speakerID, "none"), func(a *storage.Annotation) { a.SpeakerID = speakerID })
}

// deleteSelected deletes the selected annotation.
func (u *UI) deleteSelected() {
	a := u.annotation(u.selID)
	if a == nil {
		u.status.info("Select an annotation to delete")
		return
	}
	id, kind := a.ID, a.Kind
	if u.do("Deleted "+strings.ToLower(kindName(kind)), func(ctx context.Context) error { return u.p.DeleteAnnotation(ctx, id) }) {
		u.clearSelection()
		u.status.info(fmt.Sprintf("Deleted %s (Ctrl+Z brings it back)", strings.ToLower(kindName(kind))))
		u.focusArticle()
	}
}

// stepAnnotation selects the next (delta 1) or previous visible annotation
// after the selected one or the cursor.
func (u *UI) stepAnnotation(delta int) {
	vis := u.visible()
	if len(vis) == 0 {
		u.status.info("No annotations in this document yet")
		return
	}
	i := -1
	for j, a := range vis {
		if a.ID == u.selID {
			i = j
		}
	}
	if i < 0 {
		pos, _ := u.view.Selection()
		i = len(vis)
		if delta < 0 {
			i = -1
		}
		for j, a := range vis {
			if (delta > 0 && a.Start >= pos && j < i) || (delta < 0 && a.Start < pos) {
				i = j
			}
		}
		if delta > 0 && i == len(vis) {
			i = 0
		}
		if delta < 0 && i < 0 {
			i = len(vis) - 1
		}
	} else {
		i = (i + delta + len(vis)) % len(vis)
	}
	u.selectAnnotation(vis[i].ID, true)
}
