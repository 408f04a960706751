package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// annotationList lists annotations of the open document or of the whole
// corpus, filtered by kind, speaker, code and coder; choosing one shows it
// in its article.
type annotationList struct {
	u                          *UI
	scope, kind, speaker, code *widget.Select
	coder                      *widget.Select
	speakerIDs, codeIDs        []string // parallel to the options after "All …"
	coderIDs                   []string
	list                       *widget.List
	rows                       []storage.Annotation
	titles                     map[string]string
	count                      *widget.Label
	box                        fyne.CanvasObject
	syncing                    bool
}

const (
	scopeDocument = "This document"
	scopeCorpus   = "All documents"
)

func newAnnotationList(u *UI) *annotationList {
	l := &annotationList{u: u, count: widget.NewLabel("")}
	changed := func(string) {
		if !l.syncing {
			l.refresh()
		}
	}
	l.scope = widget.NewSelect([]string{scopeDocument, scopeCorpus}, changed)
	l.kind = widget.NewSelect(append([]string{"All kinds"}, kindNames()...), changed)
	l.speaker = widget.NewSelect(nil, changed)
	l.code = widget.NewSelect(nil, changed)
	l.coder = widget.NewSelect(nil, changed)
	l.syncing = true
	l.scope.SetSelectedIndex(0)
	l.kind.SetSelectedIndex(0)
	l.syncing = false
	l.count.Importance = widget.LowImportance
	l.list = widget.NewList(func() int { return len(l.rows) }, l.newRow, l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		if !l.syncing && i < len(l.rows) {
			u.selectAnnotation(l.rows[i].ID, true)
			u.focusArticle()
		}
	}
	filters := container.NewGridWithColumns(2, l.scope, l.kind, l.speaker, l.code, l.coder)
	l.box = container.NewBorder(filters, l.count, nil, nil, l.list)
	return l
}

func (l *annotationList) object() fyne.CanvasObject { return l.box }

func (l *annotationList) newRow() fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(6, 6))
	head := widget.NewLabel("")
	head.TextStyle.Bold = true
	head.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, r, nil, container.NewVBox(head, text))
}

func (l *annotationList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	a := l.rows[i]
	box := o.(*fyne.Container)
	var rect *canvas.Rectangle
	var lines *fyne.Container
	for _, obj := range box.Objects {
		switch x := obj.(type) {
		case *canvas.Rectangle:
			rect = x
		case *fyne.Container:
			lines = x
		}
	}
	rect.FillColor = kindColor(a.Kind, l.u.variant())
	rect.Refresh()
	head := kindName(a.Kind)
	if s := l.u.speakerName(l.speakerOf(a), ""); s != "" {
		head += " · " + s
	}
	for _, c := range a.Codes {
		if code := l.u.code(c); code != nil {
			head += " · " + code.Name
		}
	}
	if l.scope.Selected == scopeCorpus {
		head += " — " + l.titles[a.DocumentID]
	}
	lines.Objects[0].(*widget.Label).SetText(head)
	lines.Objects[1].(*widget.Label).SetText(quoted(a.Text, 120))
}

// speakerOf finds who an annotation is attributed to, also for
// annotations of other documents than the open one.
func (l *annotationList) speakerOf(a storage.Annotation) string {
	if a.DocumentID == l.u.doc.ID {
		return l.u.speakerOf(a)
	}
	return a.SpeakerID
}

// refresh updates the filter choices and the rows.
func (l *annotationList) refresh() {
	u := l.u
	l.syncing = true
	l.speakerIDs = l.setOptions(l.speaker, "All speakers", len(u.speakers), func(i int) (string, string) { return u.speakers[i].ID, u.speakers[i].Name }, l.speakerIDs)
	l.codeIDs = l.setOptions(l.code, "All codes", len(u.codes), func(i int) (string, string) { return u.codes[i].ID, u.codes[i].Name }, l.codeIDs)
	l.coderIDs = l.setOptions(l.coder, "All coders", len(u.coders), func(i int) (string, string) { return u.coders[i].ID, u.coders[i].Name }, l.coderIDs)
	l.syncing = false
	f := storage.Filter{Kind: kindByName(l.kind.Selected)}
	f.SpeakerID = pickID(l.speaker, l.speakerIDs)
	f.CodeID = pickID(l.code, l.codeIDs)
	f.AnnotatorID = pickID(l.coder, l.coderIDs)
	if u.onlyMine {
		f.AnnotatorID = u.coder.ID
	}
	if l.scope.Selected != scopeCorpus {
		f.DocumentID = u.doc.ID
		if u.doc.ID == "" {
			l.rows = nil
			l.list.Refresh()
			return
		}
	}
	rows, err := u.p.Annotations(context.Background(), f)
	if err != nil {
		u.fail(err)
	}
	l.rows = rows
	l.titles = map[string]string{}
	for _, d := range u.docs {
		l.titles[d.ID] = excerpt(d.Title, 40)
	}
	l.count.SetText(count(len(rows), "annotation"))
	l.list.Refresh()
	l.showSelected()
}

// setOptions fills a filter select with "all" and the named items, keeping
// the chosen item when it still exists. It returns the ids of the items.
func (l *annotationList) setOptions(s *widget.Select, all string, n int, item func(int) (id, name string), oldIDs []string) []string {
	chosen := pickID(s, oldIDs)
	opts, ids := []string{all}, []string(nil)
	sel := 0
	for i := 0; i < n; i++ {
		id, name := item(i)
		opts, ids = append(opts, name), append(ids, id)
		if id == chosen {
			sel = i + 1
		}
	}
	s.SetOptions(opts)
	s.SetSelectedIndex(sel)
	return ids
}

// pickID is the id chosen in a filter select, "" for "all".
func pickID(s *widget.Select, ids []string) string {
	if i := s.SelectedIndex(); i > 0 && i-1 < len(ids) {
		return ids[i-1]
	}
	return ""
}

// showSelected highlights the row of the selected annotation.
func (l *annotationList) showSelected() {
	l.syncing = true
	defer func() { l.syncing = false }()
	l.list.UnselectAll()
	for i, a := range l.rows {
		if a.ID == l.u.selID {
			l.list.Select(i)
			return
		}
	}
}

// showSpeaker lists a speaker's quotes across the corpus.
func (l *annotationList) showSpeaker(id string) {
	l.syncing = true
	l.scope.SetSelected(scopeCorpus)
	l.kind.SetSelected(kindName(storage.KindQuote))
	l.speaker.SetSelectedIndex(indexOf(l.speakerIDs, id) + 1)
	l.syncing = false
	l.refresh()
	l.u.tabs.SelectIndex(0)
}

// summary describes the list, for tests and the status line.
func (l *annotationList) summary() string {
	var b strings.Builder
	for _, a := range l.rows {
		fmt.Fprintf(&b, "%s %q\n", a.Kind, a.Text)
	}
	return b.String()
}
