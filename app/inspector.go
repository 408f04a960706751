package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// inspector is the right-hand pane: what can be done with the text
// selection, or the details of the selected annotation.
type inspector struct {
	u      *UI
	box    *fyne.Container
	scroll *container.Scroll

	paused int  // > 0 while an action runs: refresh once when it ends
	dirty  bool // a refresh was asked for while paused

	// The widgets of the annotation being shown, kept for tests.
	markButtons map[storage.Kind]*widget.Button
	kind        *widget.Select
	quoteType   *widget.RadioGroup
	worthiness  *widget.RadioGroup
	stance      *widget.Select
	verdict     *commitEntry
	note        *commitEntry
	codeChecks  map[string]*widget.Check
	speakerBtn  *widget.Button
	newSpeaker  *widget.Button
	linkOffer   *widget.Button
	deleteBtn   *widget.Button
}

func newInspector(u *UI) *inspector {
	in := &inspector{u: u, box: container.NewVBox()}
	// Built once: an icon button decodes its SVG icon when made.
	in.deleteBtn = widget.NewButtonWithIcon("Delete (Del)", theme.DeleteIcon(), func() { u.deleteSelected() })
	in.deleteBtn.Importance = widget.DangerImportance
	// Scrolling both ways keeps a wide field from pushing the panes apart.
	in.scroll = container.NewScroll(in.box)
	return in
}

func (in *inspector) object() fyne.CanvasObject { return in.scroll }

// hold defers refreshes until the returned function is called, so that an
// action that changes the selection and the data refreshes the pane once.
func (in *inspector) hold() (release func()) {
	in.paused++
	return func() {
		if in.paused--; in.paused == 0 && in.dirty {
			in.refresh()
		}
	}
}

// refresh rebuilds the pane for the current selection.
func (in *inspector) refresh() {
	if in.paused > 0 {
		in.dirty = true
		return
	}
	in.dirty = false
	in.markButtons, in.codeChecks = map[storage.Kind]*widget.Button{}, map[string]*widget.Check{}
	in.kind, in.quoteType, in.worthiness, in.stance = nil, nil, nil, nil
	in.verdict, in.note, in.speakerBtn, in.newSpeaker, in.linkOffer = nil, nil, nil, nil, nil
	var objs []fyne.CanvasObject
	start, end := in.u.view.Selection()
	switch a := in.u.annotation(in.u.selID); {
	case a != nil:
		objs = in.annotationView(*a)
	case start < end && in.u.doc.ID != "":
		objs = in.selectionView(start, end)
	case in.u.doc.ID == "":
		objs = []fyne.CanvasObject{wrapLabel("No document open. Import articles with File › Import… or drop files on the window.")}
	default:
		objs = append([]fyne.CanvasObject{heading("Inspector"), wrapLabel("Select text in the article, then press a key to mark it. Click a highlight to see and edit it; Tab moves to the next one. Help › Keyboard shortcuts lists all keys.")},
			in.legend()...)
	}
	in.box.Objects = objs
	in.box.Refresh()
}

// legend shows the colour and key of each kind.
func (in *inspector) legend() []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, k := range markKinds {
		rows = append(rows, container.NewBorder(nil, nil, swatch(kindColor(k.kind, in.u.variant())), nil,
			widget.NewLabel(fmt.Sprintf("%c  %s", k.key, kindName(k.kind)))))
	}
	rows = append(rows, container.NewBorder(nil, nil, swatch(kindColor(storage.KindCode, in.u.variant())), nil,
		widget.NewLabel("1–9  Code (colour of the code)")))
	return rows
}

// selectionView offers to mark the selected text.
func (in *inspector) selectionView(start, end int) []fyne.CanvasObject {
	u := in.u
	text := []rune(u.doc.Text)[start:end]
	objs := []fyne.CanvasObject{heading("Selection"), spanText(string(text)),
		smallLabel(fmt.Sprintf("Characters %d–%d", start, end))}
	var marks []fyne.CanvasObject
	for _, k := range markKinds {
		k := k
		b := widget.NewButton(fmt.Sprintf("%s  (%c)", kindName(k.kind), k.key), func() { u.mark(k.kind) })
		in.markButtons[k.kind] = b
		marks = append(marks, b)
	}
	objs = append(objs, container.NewGridWithColumns(2, marks...), heading("Code the selection"))
	if len(u.codes) == 0 {
		return append(objs, wrapLabel("No codes yet: add them in the Codes tab and give them shortcut digits."))
	}
	var codeButtons []fyne.CanvasObject
	for _, c := range u.codes {
		c := c
		label := c.Name
		if c.Shortcut != "" {
			label = c.Shortcut + "  " + label
		}
		codeButtons = append(codeButtons, container.NewBorder(nil, nil, swatch(codeColor(c, u.variant())), nil,
			widget.NewButton(label, func() { u.codeSelection(c.ID) })))
	}
	return append(objs, container.NewGridWithColumns(2, codeButtons...))
}

// annotationView shows and edits the selected annotation.
func (in *inspector) annotationView(a storage.Annotation) []fyne.CanvasObject {
	u := in.u
	objs := []fyne.CanvasObject{
		container.NewBorder(nil, nil, swatch(kindColor(a.Kind, u.variant())), nil, heading(kindName(a.Kind))),
		spanText(a.Text),
		smallLabel(fmt.Sprintf("Characters %d–%d · by %s · %s", a.Start, a.End, u.coderName(a.AnnotatorID), originText(a))),
	}
	in.kind = widget.NewSelect(kindNames(), nil)
	in.kind.SetSelected(kindName(a.Kind))
	in.kind.OnChanged = func(s string) { u.changeKind(a, kindByName(s)) }
	objs = append(objs, labelled("Kind", in.kind))
	objs = append(objs, in.attributes(a)...)
	objs = append(objs, in.links(a)...)
	objs = append(objs, in.codeList(a)...)
	in.note = newCommitEntry(a.Note, true, func(s string) { u.setNote(a.ID, s) })
	in.note.SetPlaceHolder("Note")
	in.note.SetMinRowsVisible(2)
	return append(objs, heading("Note"), in.note, in.deleteBtn)
}

// attributes are the kind-specific fields: quote type; claim
// check-worthiness, stance and verdict.
func (in *inspector) attributes(a storage.Annotation) []fyne.CanvasObject {
	u := in.u
	switch a.Kind {
	case storage.KindQuote:
		in.quoteType = radio(storage.QuoteTypes, a.Attrs[storage.AttrQuoteType], func(s string) { u.setAttr(a.ID, storage.AttrQuoteType, s) })
		return []fyne.CanvasObject{captioned("Quote type", in.quoteType)}
	case storage.KindClaim:
		in.worthiness = radio(storage.CheckWorthiness, a.Attrs[storage.AttrCheckWorthiness], func(s string) { u.setAttr(a.ID, storage.AttrCheckWorthiness, s) })
		stances := []string{"", "support", "refute", "neutral"}
		if cur := a.Attrs[storage.AttrStance]; indexOf(stances, cur) < 0 {
			stances = append(stances, cur)
		}
		in.stance = widget.NewSelect(stances, nil)
		in.stance.SetSelected(a.Attrs[storage.AttrStance])
		in.stance.OnChanged = func(s string) { u.setAttr(a.ID, storage.AttrStance, s) }
		in.verdict = newCommitEntry(a.Attrs[storage.AttrVerdict], false, func(s string) { u.setAttr(a.ID, storage.AttrVerdict, strings.TrimSpace(s)) })
		in.verdict.SetPlaceHolder("true, false, misleading, …")
		return []fyne.CanvasObject{
			captioned("Check-worthiness", in.worthiness),
			smallLabel("CFS check-worthy factual · UFS unimportant factual · NFS non-factual"),
			labelled("Stance", in.stance), labelled("Verdict", in.verdict),
		}
	}
	return nil
}

// radio is a horizontal radio group with value selected, calling changed
// when the user picks another (or clears it).
func radio(options []string, value string, changed func(string)) *widget.RadioGroup {
	r := widget.NewRadioGroup(options, nil)
	r.Horizontal = true
	r.SetSelected(value)
	r.OnChanged = changed
	return r
}

// codeList shows a check box per code of the codebook.
func (in *inspector) codeList(a storage.Annotation) []fyne.CanvasObject {
	u := in.u
	objs := []fyne.CanvasObject{heading("Codes")}
	if len(u.codes) == 0 {
		return append(objs, smallLabel("No codes yet (Codes tab)."))
	}
	for _, c := range u.codes {
		c := c
		label := c.Name
		if c.Shortcut != "" {
			label += "  (" + c.Shortcut + ")"
		}
		ch := widget.NewCheck(label, nil)
		ch.SetChecked(indexOf(a.Codes, c.ID) >= 0)
		ch.OnChanged = func(bool) { u.toggleCode(a.ID, c.ID) }
		in.codeChecks[c.ID] = ch
		objs = append(objs, container.NewBorder(nil, nil, swatch(codeColor(c, u.variant())), nil, ch))
	}
	return objs
}

// markKinds are the kinds a selection can be marked as, with their keys.
var markKinds = []struct {
	kind storage.Kind
	key  rune
}{{storage.KindQuote, 'Q'}, {storage.KindSpeakerMention, 'S'}, {storage.KindClaim, 'C'}, {storage.KindCue, 'U'}}

func kindNames() []string {
	var out []string
	for _, k := range storage.Kinds {
		out = append(out, kindName(k))
	}
	return out
}

func kindByName(name string) storage.Kind {
	for _, k := range storage.Kinds {
		if kindName(k) == name {
			return k
		}
	}
	return ""
}

func originText(a storage.Annotation) string {
	if a.Origin == storage.OriginHuman || a.Origin == "" {
		return "marked by hand"
	}
	if a.State != "" {
		return fmt.Sprintf("suggested by %s (%s)", a.Origin, a.State)
	}
	return "from " + a.Origin
}
