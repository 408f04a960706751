package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// editMemo opens the current coder's memo on the open document: free text
// about the article as a whole (saved with SetMemo; an empty memo is
// deleted). Memos travel in the JSON, JSON Lines and REFI-QDA exports.
func (u *UI) editMemo() {
	if u.doc.ID == "" {
		return
	}
	current := ""
	if memos, err := u.p.Memos(context.Background(), u.doc.ID); err == nil {
		for _, m := range memos {
			if m.AnnotatorID == u.coder.ID {
				current = m.Text
			}
		}
	}
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(current)
	entry.SetMinRowsVisible(8)
	if u.p.ReadOnly() {
		entry.Disable()
	}
	items := []*widget.FormItem{widget.NewFormItem("Memo", entry)}
	d := dialog.NewForm("Memo on “"+u.doc.Title+"” by "+u.coder.Name, "Save", "Cancel", items, func(ok bool) {
		if !ok || entry.Text == current {
			return
		}
		docID := u.doc.ID
		u.do("Saved memo", func(ctx context.Context) error { return u.p.SetMemo(ctx, docID, u.coder.ID, entry.Text) })
	}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	u.win.Canvas().Focus(entry)
}
