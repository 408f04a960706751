package widgets

import "fyne.io/fyne/v2"

// Select sets the selection to code points [start, end) (clamped to the
// text; start > end selects backwards, the caret ending at end). The view
// does not scroll; call ScrollTo for that.
func (v *ArticleView) Select(start, end int) {
	v.setSelection(start, end)
	v.Refresh()
}

// Selection returns the selected code points [start, end), start <= end.
func (v *ArticleView) Selection() (start, end int) {
	return min(v.anchor, v.caret), max(v.anchor, v.caret)
}

// SelectedText returns the selected text.
func (v *ArticleView) SelectedText() string {
	s, e := v.Selection()
	return string(v.lay.runes[s:e])
}

// SelectAll selects the whole text.
func (v *ArticleView) SelectAll() { v.Select(0, v.Len()) }

// setSelection moves anchor and caret (clamped) and reports a change.
func (v *ArticleView) setSelection(anchor, caret int) {
	n := len(v.lay.runes)
	anchor, caret = max(min(anchor, n), 0), max(min(caret, n), 0)
	os, oe := v.Selection()
	v.anchor, v.caret = anchor, caret
	if s, e := v.Selection(); (s != os || e != oe) && v.OnSelectionChanged != nil {
		v.OnSelectionChanged(s, e)
	}
}

// selectByMouse sets a selection made with the mouse from anchor to caret,
// snapped to whole words when that is on.
func (v *ArticleView) selectByMouse(anchor, caret int) {
	if v.snapWords && anchor != caret {
		s, e := snapToWords(v.lay.runes, min(anchor, caret), max(anchor, caret))
		if caret < anchor {
			s, e = e, s
		}
		anchor, caret = s, e
	}
	v.goalX = -1
	v.setSelection(anchor, caret)
	v.Refresh()
}

// copySelection puts the selected text on the clipboard (the shortcut's, or
// the app's when the shortcut carries none).
func (v *ArticleView) copySelection(cb fyne.Clipboard) {
	text := v.SelectedText()
	if text == "" {
		return
	}
	if cb == nil {
		if app := fyne.CurrentApp(); app != nil {
			cb = app.Clipboard()
		}
	}
	if cb != nil {
		cb.SetContent(text)
	}
}
