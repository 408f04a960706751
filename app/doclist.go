package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// docList is the left pane: the project's documents, filterable and
// sortable.
type docList struct {
	u       *UI
	filter  *widget.Entry
	sort    *widget.Select
	sets    *setFilter
	list    *widget.List
	count   *widget.Label
	shown   []storage.DocumentSummary
	rowOf   map[string]int // document id → row in shown
	box     fyne.CanvasObject
	syncing bool // selecting a row from code, not from the user
}

// Sort orders of the document list.
var docSorts = []string{"Import order", "Title", "Outlet", "Date", "Most annotations", "Status"}

func newDocList(u *UI) *docList {
	l := &docList{u: u, filter: widget.NewEntry(), count: widget.NewLabel("")}
	l.filter.SetPlaceHolder("Filter documents")
	l.filter.OnChanged = func(string) { l.refresh() }
	l.sort = widget.NewSelect(docSorts, nil)
	l.sort.SetSelectedIndex(0)
	l.sort.OnChanged = func(string) { l.refresh() }
	l.sets = newSetFilter(u, l.refresh)
	l.count.Importance = widget.LowImportance
	l.list = twoLineList(func() int { return len(l.shown) },
		func(i int) (string, string) { return l.shown[i].Title, docDetail(l.shown[i]) })
	l.list.OnSelected = func(i widget.ListItemID) {
		if !l.syncing && i < len(l.shown) {
			u.openDocument(l.shown[i].ID)
			u.focusArticle()
		}
	}
	top := container.NewVBox(heading("Documents"), l.filter, l.sets.object(), l.sort)
	l.box = container.NewBorder(top, l.count, nil, nil, l.list)
	return l
}

func (l *docList) object() fyne.CanvasObject { return l.box }

// docDetail is a document's second line: outlet, date, count and status.
func docDetail(d storage.DocumentSummary) string {
	parts := nonEmpty(d.Outlet, d.Published)
	parts = append(parts, count(d.Annotations, "annotation"), statusName(d.Status))
	return strings.Join(parts, " · ")
}

// statusName is how a document status is written.
func statusName(s string) string {
	switch s {
	case storage.StatusInProgress:
		return "In progress"
	case storage.StatusDone:
		return "Done"
	}
	return "New"
}

// refresh filters and sorts the documents and selects the open one.
func (l *docList) refresh() {
	q := strings.ToLower(strings.TrimSpace(l.filter.Text))
	l.shown = l.shown[:0]
	for _, d := range l.u.docs {
		hay := strings.ToLower(strings.Join([]string{d.Title, d.Outlet, d.Byline, d.Published, statusName(d.Status), d.FileName}, " "))
		if (q == "" || strings.Contains(hay, q)) && l.sets.holds(d.ID) {
			l.shown = append(l.shown, d)
		}
	}
	by := map[string]func(a, b storage.DocumentSummary) int{
		"Title": func(a, b storage.DocumentSummary) int {
			return cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
		},
		"Outlet": func(a, b storage.DocumentSummary) int {
			return cmp.Compare(strings.ToLower(a.Outlet), strings.ToLower(b.Outlet))
		},
		"Date":             func(a, b storage.DocumentSummary) int { return cmp.Compare(a.Published, b.Published) },
		"Most annotations": func(a, b storage.DocumentSummary) int { return cmp.Compare(b.Annotations, a.Annotations) },
		"Status":           func(a, b storage.DocumentSummary) int { return cmp.Compare(statusRank(a.Status), statusRank(b.Status)) },
	}
	if f := by[l.sort.Selected]; f != nil {
		slices.SortStableFunc(l.shown, f)
	}
	l.rowOf = make(map[string]int, len(l.shown))
	for i, d := range l.shown {
		l.rowOf[d.ID] = i
	}
	l.count.SetText(fmt.Sprintf("%d of %d documents", len(l.shown), len(l.u.docs)))
	l.showOpen()
	l.list.Refresh()
}

// update puts new details of the listed documents (their counts, after an
// annotation was added or removed) into their rows, leaving the others;
// when the order depends on the counts it sorts again.
func (l *docList) update(ids []string) {
	if l.sort.Selected == "Most annotations" {
		l.refresh()
		return
	}
	for _, id := range ids {
		row, shown := l.rowOf[id]
		d := l.u.docSummary(id)
		if shown && d != nil && row < len(l.shown) {
			l.shown[row] = *d
			l.list.RefreshItem(row)
		}
	}
}

// showOpen selects the open document's row.
func (l *docList) showOpen() {
	l.syncing = true
	defer func() { l.syncing = false }()
	if row, ok := l.rowOf[l.u.doc.ID]; ok {
		l.list.Select(row)
		return
	}
	l.list.UnselectAll()
}

// empty reports whether the project has no documents.
func (l *docList) empty() bool { return len(l.u.docs) == 0 }

func statusRank(s string) int {
	return map[string]int{storage.StatusNew: 0, storage.StatusInProgress: 1, storage.StatusDone: 2}[s]
}

// shownIDs lists the ids of the documents in the order shown.
func (l *docList) shownIDs() []string {
	var ids []string
	for _, d := range l.shown {
		ids = append(ids, d.ID)
	}
	return ids
}
