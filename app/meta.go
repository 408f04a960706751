package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// metaRow is the open document's metadata above the article, editable:
// title, outlet, byline, date, URL and the coder's status.
type metaRow struct {
	u      *UI
	fields map[string]*commitEntry
	status *widget.Select
	memo   *widget.Button
	box    *fyne.Container
}

// metaFields are the editable metadata, in display order, with how each is
// read from and written to a document.
var metaFields = []struct {
	name, hint string
	get        func(d *storage.Document) *string
}{
	{"Title", "Headline", func(d *storage.Document) *string { return &d.Title }},
	{"Outlet", "Outlet", func(d *storage.Document) *string { return &d.Outlet }},
	{"Byline", "Byline", func(d *storage.Document) *string { return &d.Byline }},
	{"Date", "YYYY-MM-DD", func(d *storage.Document) *string { return &d.Published }},
	{"URL", "https://…", func(d *storage.Document) *string { return &d.URL }},
}

var statusOptions = []string{statusName(storage.StatusNew), statusName(storage.StatusInProgress), statusName(storage.StatusDone)}
var statusValues = []string{storage.StatusNew, storage.StatusInProgress, storage.StatusDone}

func newMetaRow(u *UI) *metaRow {
	m := &metaRow{u: u, fields: map[string]*commitEntry{}}
	for _, f := range metaFields {
		f := f
		e := newCommitEntry("", false, func(s string) {
			m.save(f.name, func(d *storage.Document) { *f.get(d) = strings.TrimSpace(s) })
		})
		e.SetPlaceHolder(f.hint)
		m.fields[f.name] = e
	}
	m.status = widget.NewSelect(statusOptions, nil)
	title := m.fields["Title"]
	title.TextStyle.Bold = true
	m.memo = widget.NewButtonWithIcon("Memo", theme.DocumentCreateIcon(), u.editMemo)
	row1 := container.NewBorder(nil, nil, nil, container.NewHBox(m.status, m.memo), title)
	row2 := container.NewGridWithColumns(4, m.fields["Outlet"], m.fields["Byline"], m.fields["Date"], m.fields["URL"])
	m.box = container.NewVBox(row1, row2)
	return m
}

func (m *metaRow) object() fyne.CanvasObject { return m.box }

// refresh shows the open document's metadata.
func (m *metaRow) refresh() {
	d := m.u.doc
	for _, f := range metaFields {
		e := m.fields[f.name]
		v := *f.get(&d)
		e.committed = v
		e.SetText(v)
		if d.ID == "" || m.u.p.ReadOnly() {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	m.status.OnChanged = nil
	m.status.SetSelectedIndex(max(indexOf(statusValues, d.Status), 0))
	m.status.OnChanged = func(string) {
		i := m.status.SelectedIndex()
		m.save("Status", func(d *storage.Document) { d.Status = statusValues[i] })
	}
	if d.ID == "" || m.u.p.ReadOnly() {
		m.status.Disable()
	} else {
		m.status.Enable()
	}
	if d.ID == "" {
		m.memo.Disable()
	} else {
		m.memo.Enable()
	}
}

// save changes one metadata field of the open document.
func (m *metaRow) save(what string, change func(d *storage.Document)) {
	d := m.u.doc
	d.Text = ""
	change(&d)
	m.u.do("Changed "+strings.ToLower(what), func(ctx context.Context) error { return m.u.p.UpdateDocumentMeta(ctx, d) })
}
