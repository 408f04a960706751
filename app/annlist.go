package app

import (
	"fmt"
	"image/color"
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
	more                       bool           // All documents: rows beyond those loaded exist
	loading                    bool           // the next page is being read
	filter                     storage.Filter // what rows holds
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
	l.list = widget.NewList(l.length, l.newRow, l.updateRow)
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
	head.Truncation = fyne.TextTruncateClip
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateClip
	return container.NewBorder(nil, nil, r, nil, container.NewVBox(head, text))
}

// pageSize is how many rows of "All documents" are read at a time: the
// list reads on as it is scrolled, so it never reads (or counts) the whole
// corpus.
const pageSize = 200

// length is the number of rows: those loaded, and one more that reads the
// next page when it comes into view.
func (l *annotationList) length() int {
	if l.more {
		return len(l.rows) + 1
	}
	return len(l.rows)
}

func (l *annotationList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(l.rows) {
		l.setRow(o, nil, "Loading more…", "")
		if !l.loading {
			l.loading = true
			fyne.Do(l.loadMore)
		}
		return
	}
	a := l.rows[i]
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
		if d := l.u.docSummary(a.DocumentID); d != nil {
			head += " — " + excerpt(d.Title, 40)
		}
	}
	col := kindColor(a.Kind, l.u.variant())
	l.setRow(o, col, head, quoted(a.Text, 120))
}

// setRow fills a row: its colour bar, head line and text line.
func (l *annotationList) setRow(o fyne.CanvasObject, col color.Color, head, text string) {
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
	rect.FillColor = col
	rect.Refresh()
	lines.Objects[0].(*widget.Label).SetText(head)
	lines.Objects[1].(*widget.Label).SetText(text)
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
			l.rows, l.more = nil, false
			l.list.Refresh()
			return
		}
	}
	l.filter = f
	l.load(0)
}

// load reads the rows again: the whole document, or (All documents) the
// first pages, at least as many rows as were loaded before (keep).
func (l *annotationList) load(keep int) {
	f := l.filter
	if f.DocumentID == "" {
		f.Limit = max(pageSize, (keep+pageSize-1)/pageSize*pageSize) + 1 // one more tells whether there are more
	}
	rows, err := l.u.p.Annotations(l.u.ctx(), f)
	if err != nil {
		l.u.fail(err)
	}
	l.more = f.Limit > 0 && len(rows) == f.Limit
	if l.more {
		rows = rows[:len(rows)-1]
	}
	l.rows = rows
	l.showCount()
	l.list.Refresh()
	l.showSelected()
}

// loadMore reads the next page of All documents.
func (l *annotationList) loadMore() {
	l.loading = false
	if !l.more || l.filter.DocumentID != "" {
		return
	}
	f := l.filter
	f.Offset, f.Limit = len(l.rows), pageSize+1
	rows, err := l.u.p.Annotations(l.u.ctx(), f)
	if err != nil {
		l.u.fail(err)
		l.more = false
		return
	}
	l.more = len(rows) == f.Limit
	if l.more {
		rows = rows[:len(rows)-1]
	}
	l.rows = append(l.rows, rows...)
	l.showCount()
	l.list.Refresh()
}

// showCount says how many rows there are ("200+" while more are unread).
func (l *annotationList) showCount() {
	if l.more {
		l.count.SetText(fmt.Sprintf("%d+ annotations (scroll for more)", len(l.rows)))
		return
	}
	l.count.SetText(count(len(l.rows), "annotation"))
}

// otherDocumentsChanged follows a change in documents other than the open
// one: the All documents list reads again the rows it had loaded.
func (l *annotationList) otherDocumentsChanged() {
	if l.scope.Selected == scopeCorpus {
		l.load(len(l.rows))
	}
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
