package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// searchPanel searches every document (SQLite full-text search) and shows
// each hit as keyword in context; choosing one opens the document at it.
type searchPanel struct {
	u     *UI
	entry *widget.Entry
	list  *widget.List
	hits  []storage.Hit
	count *widget.Label
	box   fyne.CanvasObject
}

func newSearchPanel(u *UI) *searchPanel {
	s := &searchPanel{u: u, entry: widget.NewEntry(), count: widget.NewLabel("")}
	s.entry.SetPlaceHolder("Search all documents, then Enter")
	s.entry.OnSubmitted = func(string) { s.run() }
	s.count.Importance = widget.LowImportance
	s.count.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.hits) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			kwic := widget.NewRichText()
			kwic.Wrapping = fyne.TextWrapWord
			return container.NewVBox(title, kwic)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := s.hits[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(h.DocumentTitle)
			rt := box.Objects[1].(*widget.RichText)
			rt.Segments = []widget.RichTextSegment{
				&widget.TextSegment{Text: "…" + h.Before + " ", Style: widget.RichTextStyleInline},
				&widget.TextSegment{Text: h.Match, Style: widget.RichTextStyleStrong},
				&widget.TextSegment{Text: " " + h.After + "…", Style: widget.RichTextStyleInline},
			}
			rt.Refresh()
			s.list.SetItemHeight(i, box.MinSize().Height)
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.open(s.hits[i]) }
	s.box = container.NewBorder(container.NewVBox(s.entry, s.count), nil, nil, nil, s.list)
	return s
}

func (s *searchPanel) object() fyne.CanvasObject { return s.box }

// run searches for the entry's text.
func (s *searchPanel) run() {
	hits, err := s.u.p.Search(context.Background(), s.entry.Text)
	if err != nil {
		s.u.fail(err)
		return
	}
	s.hits = hits
	docs := map[string]bool{}
	for _, h := range hits {
		docs[h.DocumentID] = true
	}
	switch {
	case s.entry.Text == "":
		s.count.SetText("")
	case len(hits) == 0:
		s.count.SetText("Not found in any document.")
	default:
		s.count.SetText(count(len(hits), "match") + " in " + count(len(docs), "document"))
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

// open shows the document of a hit with the match selected.
func (s *searchPanel) open(h storage.Hit) {
	u := s.u
	u.openDocument(h.DocumentID)
	u.selID = ""
	u.view.SetSelectedSpan("")
	u.view.Select(h.Start, h.End)
	u.view.ScrollTo(h.Start)
	u.insp.refresh()
	u.focusArticle()
	u.status.info(fmt.Sprintf("Found in “%s” at character %d", excerpt(h.DocumentTitle, 50), h.Start))
}

// openSearch shows the search tab with the keyboard in its box.
func (u *UI) openSearch() {
	if !u.showSide {
		u.togglePanel(false)
	}
	u.tabs.SelectIndex(3)
	if sel := u.view.SelectedText(); sel != "" && len([]rune(sel)) <= 80 {
		u.search.entry.SetText(sel)
	}
	u.win.Canvas().Focus(u.search.entry)
}
