package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// Document sets in the window: a selector above the document list shows
// all documents or one set's, and Edit → Sets makes a set of the listed
// documents, puts the open document into sets or takes it out, renames and
// deletes the set shown. Every change is one undoable action.

const allDocuments = "All documents"

// setFilter is the set selector of the document list. It keeps the
// project's sets and the members of the chosen one.
type setFilter struct {
	u       *UI
	sel     *widget.Select
	sets    []storage.Set
	id      string          // the chosen set, "" for all documents
	members map[string]bool // the chosen set's documents; nil for all
	changed func()          // called when the user picks another set
	syncing bool            // changing the selection from code
}

func newSetFilter(u *UI, changed func()) *setFilter {
	f := &setFilter{u: u, changed: changed}
	f.sel = widget.NewSelect([]string{allDocuments}, nil)
	f.sel.SetSelectedIndex(0)
	f.sel.OnChanged = func(string) {
		if !f.syncing {
			f.pick(f.sel.SelectedIndex())
			f.changed()
		}
	}
	return f
}

func (f *setFilter) object() fyne.CanvasObject { return f.sel }

// load reads the sets again, keeping the chosen one while it exists.
func (f *setFilter) load() {
	sets, err := f.u.p.Sets(context.Background())
	if err != nil {
		f.u.fail(err)
		return
	}
	f.sets = sets
	options := []string{allDocuments}
	chosen := 0
	for i, s := range sets {
		options = append(options, fmt.Sprintf("%s (%d)", s.Name, len(s.DocumentIDs)))
		if s.ID == f.id {
			chosen = i + 1
		}
	}
	f.syncing = true
	f.sel.Options = options
	f.sel.SetSelectedIndex(chosen)
	f.syncing = false
	f.pick(chosen)
}

// pick makes option i (0: all documents) the filter.
func (f *setFilter) pick(i int) {
	f.id, f.members = "", nil
	if i > 0 && i <= len(f.sets) {
		f.id = f.sets[i-1].ID
		f.members = map[string]bool{}
		for _, d := range f.sets[i-1].DocumentIDs {
			f.members[d] = true
		}
	}
}

// choose shows the set with the given id.
func (f *setFilter) choose(id string) {
	for i, s := range f.sets {
		if s.ID == id {
			f.sel.SetSelectedIndex(i + 1)
		}
	}
}

// holds reports whether the filter lets document id through.
func (f *setFilter) holds(id string) bool { return f.members == nil || f.members[id] }

// current returns the set shown, or nil when all documents are.
func (f *setFilter) current() *storage.Set {
	return byID(f.sets, f.id, func(s *storage.Set) string { return s.ID })
}

// newSetDialog makes a set of the documents the list shows.
func (u *UI) newSetDialog() {
	ids := u.docList.shownIDs()
	name := widget.NewEntry()
	name.SetPlaceHolder("e.g. Pilot sample")
	d := dialog.NewForm("New set", "Create", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("", widget.NewLabel(fmt.Sprintf("It will hold the %s listed now.", count(len(ids), "document")))),
	}, func(ok bool) {
		if !ok {
			return
		}
		var made storage.Set
		if u.do("Created set "+strings.TrimSpace(name.Text), func(ctx context.Context) error {
			var err error
			made, err = u.p.CreateSet(ctx, name.Text, "", ids)
			return err
		}) {
			u.docList.sets.choose(made.ID)
		}
	}, u.win)
	d.Resize(fyne.NewSize(420, 200))
	d.Show()
	u.win.Canvas().Focus(name)
	u.lastDialog = d
}

// documentSetsDialog ticks the sets the open document is in; ticking or
// unticking one puts it in or takes it out at once.
func (u *UI) documentSetsDialog() {
	if u.doc.ID == "" {
		u.status.info("No document is open")
		return
	}
	sets := u.docList.sets.sets
	if len(sets) == 0 {
		u.status.info("The project has no sets yet: Edit › New set from the listed documents… makes one")
		return
	}
	doc := u.doc.ID
	var names, in []string
	for _, s := range sets {
		names = append(names, s.Name)
		if slices.Contains(s.DocumentIDs, doc) {
			in = append(in, s.Name)
		}
	}
	check := widget.NewCheckGroup(names, nil)
	check.SetSelected(in)
	check.OnChanged = func(now []string) {
		for i, name := range names {
			was, is := slices.Contains(in, name), slices.Contains(now, name)
			id := sets[i].ID
			switch {
			case is && !was:
				u.do("Added to set "+name, func(ctx context.Context) error { _, err := u.p.AddToSet(ctx, id, []string{doc}); return err })
			case was && !is:
				u.do("Removed from set "+name, func(ctx context.Context) error { _, err := u.p.RemoveFromSet(ctx, id, []string{doc}); return err })
			}
		}
		in = append([]string(nil), now...)
	}
	d := dialog.NewCustom("Sets of “"+excerpt(u.doc.Title, 40)+"”", "Close", container.NewVScroll(check), u.win)
	d.Resize(fyne.NewSize(420, 320))
	d.Show()
	u.lastDialog = d
}

// shownSet returns the set the document list shows, or tells the user to
// choose one.
func (u *UI) shownSet() *storage.Set {
	s := u.docList.sets.current()
	if s == nil {
		u.status.info("Choose a set above the document list first")
	}
	return s
}

// renameSetDialog renames the set the document list shows.
func (u *UI) renameSetDialog() {
	s := u.shownSet()
	if s == nil {
		return
	}
	id := s.ID
	name := widget.NewEntry()
	name.SetText(s.Name)
	d := dialog.NewForm("Rename set", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
		if ok {
			u.do("Renamed set", func(ctx context.Context) error { return u.p.RenameSet(ctx, id, name.Text) })
		}
	}, u.win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	u.lastDialog = d
}

// deleteSetDialog deletes the set the document list shows; its documents
// stay.
func (u *UI) deleteSetDialog() {
	s := u.shownSet()
	if s == nil {
		return
	}
	id := s.ID
	msg := fmt.Sprintf("Delete the set “%s”? Its %s stay in the project.\n\nEdit › Undo brings the set back.", s.Name, count(len(s.DocumentIDs), "document"))
	dialog.ShowConfirm("Delete set", msg, func(ok bool) {
		if ok {
			u.do("Deleted set", func(ctx context.Context) error { return u.p.DeleteSet(ctx, id) })
		}
	}, u.win)
}
