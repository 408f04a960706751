package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/widgets"
)

// findSpanPrefix marks the spans of find matches.
const findSpanPrefix = "find:"

// findBar is Ctrl+F: find text in the open document, every match
// highlighted, Enter / Ctrl+G for the next, Shift+Enter / Ctrl+Shift+G for
// the previous, Escape to close.
type findBar struct {
	u       *UI
	entry   *findEntry
	count   *widget.Label
	box     *fyne.Container
	matches []storage.Range
	cur     int
}

func newFindBar(u *UI) *findBar {
	f := &findBar{u: u, count: widget.NewLabel("")}
	f.entry = &findEntry{f: f}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.SetPlaceHolder("Find in this document")
	f.entry.OnChanged = func(string) { f.search() }
	f.entry.OnSubmitted = func(string) {
		if shiftHeld() {
			f.step(-1)
		} else {
			f.step(1)
		}
	}
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(-1) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(1) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	f.box = container.NewBorder(nil, nil, nil, container.NewHBox(f.count, prev, next, closeBtn), f.entry)
	f.box.Hide()
	return f
}

func (f *findBar) object() fyne.CanvasObject { return f.box }

func (f *findBar) visible() bool { return f.box.Visible() }

// open shows the bar with the selected text (if short) as the query.
func (f *findBar) open() {
	if sel := f.u.view.SelectedText(); sel != "" && len([]rune(sel)) <= 80 {
		f.entry.SetText(sel)
	}
	f.box.Show()
	f.u.win.Canvas().Focus(f.entry)
	f.search()
}

// close hides the bar and its highlights and gives the keyboard back to
// the article, keeping the current match selected.
func (f *findBar) close() {
	f.box.Hide()
	f.matches = nil
	f.count.SetText("")
	f.u.refreshSpans()
	f.u.focusArticle()
}

// search finds every match of the query.
func (f *findBar) search() {
	f.matches, f.cur = nil, -1
	if f.visible() && f.u.doc.ID != "" {
		f.matches = storage.FindAll(f.u.doc.Text, f.entry.Text)
	}
	f.showCount()
	f.u.refreshSpans()
	if len(f.matches) > 0 {
		f.step(1)
	}
}

func (f *findBar) showCount() {
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText("no matches")
	case f.cur < 0:
		f.count.SetText(strconv.Itoa(len(f.matches)) + " matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.cur+1, len(f.matches)))
	}
}

// step selects the next (delta 1) or previous match after the cursor.
func (f *findBar) step(delta int) {
	if !f.visible() {
		f.open()
		return
	}
	if len(f.matches) == 0 {
		return
	}
	if f.cur < 0 {
		pos, _ := f.u.view.Selection()
		f.cur = 0
		for i, m := range f.matches {
			if m.Start >= pos {
				f.cur = i
				break
			}
		}
	} else {
		f.cur = (f.cur + delta + len(f.matches)) % len(f.matches)
	}
	m := f.matches[f.cur]
	f.u.selID = ""
	f.u.view.SetSelectedSpan("")
	f.u.view.Select(m.Start, m.End)
	f.u.view.ScrollTo(m.Start)
	f.showCount()
	f.u.insp.refresh()
}

// documentChanged runs the search again in a newly opened document.
func (f *findBar) documentChanged() {
	if f.visible() {
		f.search()
	}
}

// spans are the match highlights for the article.
func (f *findBar) spans() []widgets.Span {
	var out []widgets.Span
	col := f.u.theme.Color(theme.ColorNameFocus, f.u.variant())
	for i, m := range f.matches {
		out = append(out, widgets.Span{ID: findSpanPrefix + strconv.Itoa(i), Start: m.Start, End: m.End, Color: col, Style: widgets.SpanMatch})
	}
	return out
}

// findEntry is the find box; Escape closes the bar and Down/Up step.
type findEntry struct {
	widget.Entry
	f *findBar
}

// TypedKey closes on Escape and steps on Up and Down.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.f.close()
	case fyne.KeyDown:
		e.f.step(1)
	case fyne.KeyUp:
		e.f.step(-1)
	default:
		e.Entry.TypedKey(k)
	}
}
