package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// pickItem is one choice of a picker.
type pickItem struct {
	Label  string   // first line
	Detail string   // second, quieter line
	Match  []string // texts the filter is matched against (Label when empty)
	Pick   func()
}

// picker is a type-ahead chooser in a dialog: type to filter, Up/Down to
// move, Enter to choose, Escape to close. It can offer to create a new
// item from the typed text.
type picker struct {
	dlg      dialog.Dialog
	entry    *pickerEntry
	list     *widget.List
	items    []pickItem
	shown    []pickItem
	cur      int
	onCreate func(text string) // nil: no "new" row
	newLabel string            // e.g. "New speaker"
}

// showPicker opens a picker over items; onCreate, when not nil, adds a
// first row "newLabel “typed text”" that calls it.
func (u *UI) showPicker(title string, items []pickItem, newLabel string, onCreate func(string)) *picker {
	pk := &picker{items: items, onCreate: onCreate, newLabel: newLabel}
	pk.entry = &pickerEntry{pk: pk}
	pk.entry.ExtendBaseWidget(pk.entry)
	pk.entry.SetPlaceHolder("Type to filter")
	pk.entry.OnChanged = func(string) { pk.filter() }
	pk.entry.OnSubmitted = func(string) { pk.choose(pk.cur) }
	pk.list = twoLineList(func() int { return len(pk.shown) },
		func(i int) (string, string) { return pk.shown[i].Label, pk.shown[i].Detail })
	pk.list.OnSelected = func(i widget.ListItemID) { pk.choose(i) }
	hint := "Enter chooses the highlighted row; Up and Down move; Esc closes."
	if onCreate != nil {
		hint += " A name that is not listed is offered as “" + newLabel + "”."
	}
	content := container.NewBorder(pk.entry, smallLabel(hint), nil, nil, pk.list)
	pk.dlg = dialog.NewCustom(title, "Cancel", content, u.win)
	pk.dlg.Resize(fyne.NewSize(520, 460))
	pk.filter()
	pk.dlg.Show()
	u.win.Canvas().Focus(pk.entry)
	u.lastPicker = pk
	return pk
}

// filter shows the items matching the typed text, best first: those
// starting with it, then those containing it.
func (pk *picker) filter() {
	q := strings.ToLower(strings.TrimSpace(pk.entry.Text))
	var starts, contains []pickItem
	for _, it := range pk.items {
		texts := it.Match
		if len(texts) == 0 {
			texts = []string{it.Label}
		}
		best := -1
		for _, t := range texts {
			t = strings.ToLower(t)
			switch {
			case q == "" || strings.HasPrefix(t, q):
				best = 0
			case best < 0 && strings.Contains(t, q):
				best = 1
			}
		}
		switch best {
		case 0:
			starts = append(starts, it)
		case 1:
			contains = append(contains, it)
		}
	}
	pk.shown = append(starts, contains...)
	if pk.onCreate != nil && q != "" && !pk.exact(q) {
		text := strings.TrimSpace(pk.entry.Text)
		pk.shown = append(pk.shown, pickItem{Label: pk.newLabel + " “" + text + "”", Detail: "adds it to the registry", Pick: func() { pk.onCreate(text) }})
	}
	pk.cur = 0
	pk.list.UnselectAll()
	pk.list.Refresh()
	pk.highlight()
}

// exact reports whether an item matches q exactly.
func (pk *picker) exact(q string) bool {
	for _, it := range pk.items {
		for _, t := range append([]string{it.Label}, it.Match...) {
			if strings.ToLower(t) == q {
				return true
			}
		}
	}
	return false
}

// highlight marks the current row without choosing it.
func (pk *picker) highlight() {
	if pk.cur < len(pk.shown) {
		pk.list.ScrollTo(pk.cur)
		on := pk.list.OnSelected
		pk.list.OnSelected = nil
		pk.list.Select(pk.cur)
		pk.list.OnSelected = on
	}
}

// move changes the current row by delta.
func (pk *picker) move(delta int) {
	if n := len(pk.shown); n > 0 {
		pk.cur = (pk.cur + delta + n) % n
		pk.highlight()
	}
}

// choose runs row i and closes the picker.
func (pk *picker) choose(i int) {
	if i < 0 || i >= len(pk.shown) {
		return
	}
	pk.dlg.Hide()
	pk.shown[i].Pick()
}

// pickerEntry is the picker's filter field; it passes Up, Down and Escape
// to the picker.
type pickerEntry struct {
	widget.Entry
	pk *picker
}

// TypedKey moves through the list or closes the picker.
func (e *pickerEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.pk.move(1)
	case fyne.KeyUp:
		e.pk.move(-1)
	case fyne.KeyEscape:
		e.pk.dlg.Hide()
	default:
		e.Entry.TypedKey(k)
	}
}
