package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// speakerPanel is the speaker registry: every speaker with counts, to
// add, edit, merge, delete, and to list a speaker's quotes.
type speakerPanel struct {
	u      *UI
	filter *widget.Entry
	list   *widget.List
	shown  []storage.SpeakerStats
	empty  *widget.Label
	cur    string // the chosen speaker
	box    fyne.CanvasObject
}

func newSpeakerPanel(u *UI) *speakerPanel {
	s := &speakerPanel{u: u, filter: widget.NewEntry()}
	s.filter.SetPlaceHolder("Filter speakers (names, aliases, roles)")
	s.filter.OnChanged = func(string) { s.refresh() }
	s.list = twoLineList(func() int { return len(s.shown) },
		func(i int) (string, string) { return s.shown[i].Name, speakerDetail(s.shown[i]) })
	s.list.OnSelected = func(i widget.ListItemID) { s.cur = s.shown[i].ID }
	s.list.OnUnselected = func(widget.ListItemID) { s.cur = "" }
	buttons := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { s.edit(storage.Speaker{}) }),
		widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { s.withCurrent(s.edit) }),
		widget.NewButtonWithIcon("Quotes", theme.SearchIcon(), func() { s.withCurrent(func(sp storage.Speaker) { u.annList.showSpeaker(sp.ID) }) }),
		widget.NewButtonWithIcon("Merge…", theme.ContentPasteIcon(), func() { s.withCurrent(s.merge) }),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { s.withCurrent(s.confirmDelete) }),
	)
	s.empty = wrapLabel("No speakers yet. Mark a name in the article with S and choose “New speaker”, or add one here.")
	s.box = container.NewBorder(container.NewVBox(s.filter), buttons, nil, nil, container.NewStack(s.list, container.NewVBox(s.empty)))
	return s
}

func (s *speakerPanel) object() fyne.CanvasObject { return s.box }

// speakerDetail is a speaker's second line: role, affiliation, counts.
func speakerDetail(sp storage.SpeakerStats) string {
	parts := nonEmpty(sp.Role, sp.Affiliation)
	parts = append(parts, count(sp.Quotes, "quote")+" · "+count(sp.Claims, "claim")+" · "+count(sp.Mentions, "mention"))
	if len(sp.Aliases) > 0 {
		parts = append(parts, "also "+strings.Join(sp.Aliases, ", "))
	}
	return strings.Join(parts, " · ")
}

// refresh filters the registry.
func (s *speakerPanel) refresh() {
	q := strings.ToLower(strings.TrimSpace(s.filter.Text))
	s.shown = s.shown[:0]
	for _, sp := range s.u.speakers {
		hay := strings.ToLower(strings.Join(append(sp.Names(), sp.Role, sp.Affiliation, sp.Wikidata), " "))
		if q == "" || strings.Contains(hay, q) {
			s.shown = append(s.shown, sp)
		}
	}
	s.empty.Hidden = len(s.u.speakers) > 0
	s.empty.Refresh()
	s.list.UnselectAll()
	for i, sp := range s.shown {
		if sp.ID == s.cur {
			s.list.Select(i)
		}
	}
	s.list.Refresh()
}

// withCurrent runs fn on the chosen speaker, or says to choose one.
func (s *speakerPanel) withCurrent(fn func(storage.Speaker)) {
	sp := s.u.speaker(s.cur)
	if sp == nil {
		s.u.status.info("Choose a speaker in the list first")
		return
	}
	fn(sp.Speaker)
}

// edit shows a form for a speaker; an empty ID adds a new one.
func (s *speakerPanel) edit(sp storage.Speaker) {
	u := s.u
	name, aliases := widget.NewEntry(), widget.NewEntry()
	role, affil, qid, note := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewMultiLineEntry()
	name.SetText(sp.Name)
	aliases.SetText(strings.Join(sp.Aliases, "; "))
	aliases.SetPlaceHolder("other names, separated by ;")
	role.SetText(sp.Role)
	affil.SetText(sp.Affiliation)
	qid.SetText(sp.Wikidata)
	qid.SetPlaceHolder("Q42")
	note.SetText(sp.Note)
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("Aliases", aliases), widget.NewFormItem("Role", role),
		widget.NewFormItem("Affiliation", affil), widget.NewFormItem("Wikidata", qid), widget.NewFormItem("Note", note),
	}
	title := "Edit speaker"
	if sp.ID == "" {
		title = "New speaker"
	}
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		sp.Name, sp.Aliases = name.Text, splitAliases(aliases.Text)
		sp.Role, sp.Affiliation, sp.Wikidata, sp.Note = strings.TrimSpace(role.Text), strings.TrimSpace(affil.Text), strings.TrimSpace(qid.Text), note.Text
		if sp.ID == "" {
			u.do("Added speaker "+sp.Name, func(ctx context.Context) error { _, err := u.p.AddSpeaker(ctx, sp); return err })
		} else {
			u.do("Edited speaker "+sp.Name, func(ctx context.Context) error { _, err := u.p.UpdateSpeaker(ctx, sp); return err })
		}
	}, u.win)
	d.Resize(fyne.NewSize(480, 420))
	d.Show()
	u.win.Canvas().Focus(name)
	u.lastDialog = d
}

// splitAliases reads "A; B, C" into names.
func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// merge asks which speaker sp should be merged into.
func (s *speakerPanel) merge(sp storage.Speaker) {
	u := s.u
	var items []pickItem
	for _, other := range u.speakers {
		if other.ID != sp.ID {
			items = append(items, u.speakerItem(other.ID, "", func(keep string) { s.confirmMerge(keep, sp) }))
		}
	}
	if len(items) == 0 {
		u.status.info("There is no other speaker to merge with")
		return
	}
	u.showPicker("Merge "+sp.Name+" into…", items, "", nil)
}

func (s *speakerPanel) confirmMerge(keep string, drop storage.Speaker) {
	u := s.u
	k := u.speaker(keep)
	msg := fmt.Sprintf("Merge “%s” into “%s”?\n\nIts mentions and links move to %s, and its name becomes an alias.", drop.Name, k.Name, k.Name)
	dialog.ShowConfirm("Merge speakers", msg, func(ok bool) {
		if ok {
			s.cur = keep
			u.do("Merged "+drop.Name+" into "+k.Name, func(ctx context.Context) error { return u.p.MergeSpeakers(ctx, keep, drop.ID) })
		}
	}, u.win)
}

// confirmDelete deletes a speaker after saying what uses it.
func (s *speakerPanel) confirmDelete(sp storage.Speaker) {
	u := s.u
	st := u.speaker(sp.ID)
	msg := fmt.Sprintf("Delete “%s” from the registry?", sp.Name)
	if n := st.Mentions + st.Quotes + st.Claims; n > 0 {
		msg += fmt.Sprintf("\n\n%d mentions will lose their speaker and %d quotes and %d claims their link.", st.Mentions, st.Quotes, st.Claims)
	}
	dialog.ShowConfirm("Delete speaker", msg, func(ok bool) {
		if ok {
			s.cur = ""
			u.do("Deleted speaker "+sp.Name, func(ctx context.Context) error { return u.p.DeleteSpeaker(ctx, sp.ID) })
		}
	}, u.win)
}
