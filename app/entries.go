package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an entry whose text is saved when the user presses Enter
// (single-line entries) or leaves the field, not at every keystroke, so one
// edit is one undoable change.
type commitEntry struct {
	widget.Entry
	committed string
	onCommit  func(string)
}

// newCommitEntry makes an entry showing text that calls commit with the new
// text once the user is done editing it.
func newCommitEntry(text string, multiLine bool, commit func(string)) *commitEntry {
	e := &commitEntry{committed: text, onCommit: commit}
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrapWord
	if !multiLine {
		e.Wrapping = fyne.TextWrapOff
		e.OnSubmitted = func(string) { e.commit() }
	}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	return e
}

// FocusLost saves the text when the user leaves the field.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

// TypedKey lets Escape restore the saved text.
func (e *commitEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.SetText(e.committed)
		return
	}
	e.Entry.TypedKey(k)
}

func (e *commitEntry) commit() {
	if e.Text == e.committed || e.onCommit == nil {
		return
	}
	e.committed = e.Text
	e.onCommit(e.Text)
}
