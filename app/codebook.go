package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// codebookPanel is the hierarchical codebook: add, rename, recolour, nest,
// describe, give shortcut digits, delete.
type codebookPanel struct {
	u     *UI
	tree  *widget.Tree
	empty *widget.Label
	cur   string
	box   fyne.CanvasObject
}

func newCodebookPanel(u *UI) *codebookPanel {
	c := &codebookPanel{u: u}
	c.tree = widget.NewTree(c.children, c.isBranch,
		func(bool) fyne.CanvasObject {
			r := canvas.NewRectangle(color.Transparent)
			r.CornerRadius = 3
			r.SetMinSize(fyne.NewSize(14, 14))
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(r), nil, l)
		},
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			code := u.code(id)
			if code == nil {
				return
			}
			box := o.(*fyne.Container)
			for _, obj := range box.Objects {
				switch x := obj.(type) {
				case *widget.Label:
					x.SetText(codeLabel(*code))
				case *fyne.Container:
					r := x.Objects[0].(*canvas.Rectangle)
					r.FillColor = codeColor(*code, u.variant())
					r.Refresh()
				}
			}
		})
	c.tree.OnSelected = func(id widget.TreeNodeID) { c.cur = id }
	c.tree.OnUnselected = func(widget.TreeNodeID) { c.cur = "" }
	buttons := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { c.edit(storage.Code{}) }),
		widget.NewButtonWithIcon("Subcode", theme.ContentAddIcon(), func() { c.withCurrent(func(p storage.Code) { c.edit(storage.Code{ParentID: p.ID}) }) }),
		widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { c.withCurrent(c.edit) }),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { c.withCurrent(c.confirmDelete) }),
		widget.NewButtonWithIcon("Passages", theme.SearchIcon(), func() { c.withCurrent(c.showUses) }),
	)
	hint := smallLabel("Shortcut digits 1–9 apply a code to the selection or the selected annotation.")
	c.empty = wrapLabel("No codes yet. Add your codebook's codes here, give them colours and shortcut digits, and nest them under one another.")
	c.box = container.NewBorder(nil, container.NewVBox(hint, buttons), nil, nil, container.NewStack(c.tree, container.NewVBox(c.empty)))
	return c
}

func (c *codebookPanel) object() fyne.CanvasObject { return c.box }

// codeLabel is a code's row: shortcut, name, description.
func codeLabel(code storage.Code) string {
	s := code.Name
	if code.Shortcut != "" {
		s = code.Shortcut + "  " + s
	}
	if code.Description != "" {
		s += " — " + excerpt(code.Description, 60)
	}
	return s
}

func (c *codebookPanel) children(id widget.TreeNodeID) []widget.TreeNodeID {
	var out []string
	for _, code := range c.u.codes {
		if code.ParentID == id || (id == "" && c.u.code(code.ParentID) == nil && code.ParentID != "") {
			out = append(out, code.ID)
		}
	}
	return out
}

func (c *codebookPanel) isBranch(id widget.TreeNodeID) bool {
	if id == "" {
		return true
	}
	for _, code := range c.u.codes {
		if code.ParentID == id {
			return true
		}
	}
	return false
}

// refresh redraws the tree with every branch open.
func (c *codebookPanel) refresh() {
	c.empty.Hidden = len(c.u.codes) > 0
	c.empty.Refresh()
	c.tree.Refresh()
	c.tree.OpenAllBranches()
}

func (c *codebookPanel) withCurrent(fn func(storage.Code)) {
	code := c.u.code(c.cur)
	if code == nil {
		c.u.status.info("Choose a code in the codebook first")
		return
	}
	fn(*code)
}

// edit shows a form for a code; an empty ID adds a new one.
func (c *codebookPanel) edit(code storage.Code) {
	u := c.u
	if code.ID == "" {
		code.Color = codePalette[len(u.codes)%len(codePalette)]
		code.Shortcut = c.freeDigit()
	}
	name, desc, col := widget.NewEntry(), widget.NewMultiLineEntry(), widget.NewEntry()
	name.SetText(code.Name)
	desc.SetText(code.Description)
	col.SetText(code.Color)
	col.SetPlaceHolder("#1F77B4")
	preview := canvas.NewRectangle(codeColor(code, u.variant()))
	preview.SetMinSize(fyne.NewSize(24, 24))
	col.OnChanged = func(s string) {
		if cc, ok := parseHexColor(s); ok {
			preview.FillColor = cc
			preview.Refresh()
		}
	}
	pickColour := widget.NewButton("Choose…", func() {
		dialog.ShowColorPicker("Code colour", "", func(cc color.Color) { col.SetText(hexColor(cc)) }, u.win)
	})
	shortcut := widget.NewSelect(append([]string{"none"}, strings.Split("123456789", "")...), nil)
	shortcut.SetSelected(code.Shortcut)
	if code.Shortcut == "" {
		shortcut.SetSelected("none")
	}
	parentNames, parentIDs := []string{"(top level)"}, []string{""}
	for _, p := range u.codes {
		if p.ID != code.ID && !c.isDescendant(p.ID, code.ID) {
			parentNames, parentIDs = append(parentNames, p.Name), append(parentIDs, p.ID)
		}
	}
	parent := widget.NewSelect(parentNames, nil)
	parent.SetSelectedIndex(max(indexOf(parentIDs, code.ParentID), 0))
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Colour", container.NewBorder(nil, nil, preview, pickColour, col)),
		widget.NewFormItem("Shortcut", shortcut),
		widget.NewFormItem("Under", parent),
		widget.NewFormItem("Description", desc),
	}
	title := "Edit code"
	if code.ID == "" {
		title = "New code"
	}
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		code.Name, code.Description, code.Color = name.Text, desc.Text, strings.ToUpper(strings.TrimSpace(col.Text))
		code.Shortcut = strings.TrimPrefix(shortcut.Selected, "none")
		code.ParentID = parentIDs[max(parent.SelectedIndex(), 0)]
		if code.ID == "" {
			code.Position = len(u.codes)
			u.do("Added code "+code.Name, func(ctx context.Context) error { _, err := u.p.AddCode(ctx, code); return err })
		} else {
			u.do("Edited code "+code.Name, func(ctx context.Context) error { _, err := u.p.UpdateCode(ctx, code); return err })
		}
	}, u.win)
	d.Resize(fyne.NewSize(460, 420))
	d.Show()
	u.win.Canvas().Focus(name)
	u.lastDialog = d
}

// freeDigit is the lowest shortcut digit no code has, or "".
func (c *codebookPanel) freeDigit() string {
	for d := '1'; d <= '9'; d++ {
		taken := false
		for _, code := range c.u.codes {
			taken = taken || code.Shortcut == string(d)
		}
		if !taken {
			return string(d)
		}
	}
	return ""
}

// isDescendant reports whether code id lies under ancestor.
func (c *codebookPanel) isDescendant(id, ancestor string) bool {
	for seen := 0; id != "" && seen <= len(c.u.codes); seen++ {
		code := c.u.code(id)
		if code == nil {
			return false
		}
		if code.ParentID == ancestor && ancestor != "" {
			return true
		}
		id = code.ParentID
	}
	return false
}

// confirmDelete deletes a code after saying how much uses it.
func (c *codebookPanel) confirmDelete(code storage.Code) {
	u := c.u
	anns, subs, err := u.p.CodeUsage(context.Background(), code.ID)
	if err != nil {
		u.fail(err)
		return
	}
	msg := fmt.Sprintf("Delete the code “%s”?", code.Name)
	if subs > 0 {
		msg += fmt.Sprintf("\n\nIts %d subcode(s) are deleted with it.", subs)
	}
	if anns > 0 {
		msg += fmt.Sprintf("\n\n%d annotation(s) use it: they lose the code, and passages coded only with it are removed.", anns)
	}
	dialog.ShowConfirm("Delete code", msg, func(ok bool) {
		if ok {
			c.cur = ""
			u.do("Deleted code "+code.Name, func(ctx context.Context) error { return u.p.DeleteCode(ctx, code.ID) })
		}
	}, u.win)
}

// showUses lists the passages coded with a code across the corpus.
func (c *codebookPanel) showUses(code storage.Code) {
	l := c.u.annList
	l.syncing = true
	l.scope.SetSelected(scopeCorpus)
	l.kind.SetSelectedIndex(0)
	l.speaker.SetSelectedIndex(0)
	l.code.SetSelectedIndex(indexOf(l.codeIDs, code.ID) + 1)
	l.syncing = false
	l.refresh()
	c.u.tabs.SelectIndex(0)
}
