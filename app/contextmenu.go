package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// showContextMenu is the article's right-click menu: mark the selection,
// or select, link or delete an annotation under the pointer.
func (u *UI) showContextMenu(_ int, spanIDs []string, pos fyne.Position) {
	if items := u.contextItems(spanIDs); len(items) > 0 {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), u.win.Canvas(), pos)
	}
}

// contextItems are the context menu's items for the spans under the
// pointer.
func (u *UI) contextItems(spanIDs []string) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	if start, end := u.view.Selection(); start < end {
		for _, id := range []string{"quote", "mention", "claim", "cue"} {
			c := u.command(id)
			it := fyne.NewMenuItem(c.label, c.run)
			it.Shortcut = c.short
			items = append(items, it)
		}
	}
	seen := map[string]bool{}
	for _, sid := range spanIDs {
		id := annotationOfSpan(sid)
		a := u.annotation(id)
		if a == nil || seen[id] {
			continue
		}
		seen[id] = true
		if len(items) > 0 {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		label := kindName(a.Kind) + " " + quoted(a.Text, 30)
		items = append(items,
			fyne.NewMenuItem("Select "+label, func() { u.selectAnnotation(id, false) }),
		)
		if a.Kind != storage.KindCode {
			items = append(items, fyne.NewMenuItem("Link…", func() { u.selectAnnotation(id, false); u.linkSelected() }))
		}
		items = append(items, fyne.NewMenuItem("Delete", func() { u.selectAnnotation(id, false); u.deleteSelected() }))
	}
	return items
}
