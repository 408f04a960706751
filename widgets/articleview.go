package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ArticleView shows a long text wrapped to its width, with coloured spans,
// and lets the user select code-point ranges [start, end) with mouse and
// keyboard. It scrolls by itself and draws only the visible lines, so its
// cost does not grow with the text. It knows nothing about storage: it draws
// what it is given and reports what the user does through the On* callbacks
// (all optional, called on the Fyne UI goroutine).
//
// Keys it uses: arrows, Shift+arrows, Home/End, Page Up/Down, Ctrl+arrows
// (word-wise), Ctrl+Home/End, Ctrl+A, Ctrl+C. Everything else goes to
// OnTypedRune, OnTypedKey and OnTypedShortcut so the app can map its own.
type ArticleView struct {
	widget.BaseWidget

	// OnSelectionChanged is called whenever the selection changes, by the
	// user or by Select/SetText; start == end is a caret without selection.
	OnSelectionChanged func(start, end int)
	// OnSpanTapped is called with the ID of the innermost (shortest) span
	// under a primary click.
	OnSpanTapped func(id string)
	// OnSecondaryTapped is called on a right click with the code point under
	// the pointer (or the nearest caret offset between characters), the IDs
	// of the spans there (innermost first) and the absolute position of the
	// click, ready for widget.ShowPopUpMenuAtPosition.
	OnSecondaryTapped func(offset int, spanIDs []string, pos fyne.Position)
	// OnTypedRune receives the characters typed while the view has focus.
	OnTypedRune func(r rune)
	// OnTypedKey receives the keys the view does not use itself.
	OnTypedKey func(ev *fyne.KeyEvent)
	// OnTypedShortcut receives the shortcuts the view does not use itself.
	// When nil they are passed on to the window's canvas shortcuts, which a
	// focused widget would otherwise swallow.
	OnTypedShortcut func(s fyne.Shortcut)
	// CaptureTab makes Tab and Shift+Tab go to OnTypedKey instead of moving
	// the focus to the next widget.
	CaptureTab bool

	lay        textLayout
	spans      spanIndex
	selectedID string
	textSize   float32 // 0: the theme's text size
	snapWords  bool

	anchor, caret int
	scrollY       float32
	pendingScroll int // offset to bring into view once laid out, or -1

	vm             viewMetrics
	focused, shift bool
	goalX          float32 // x kept by up/down moves; <0 when unset
	ptr            pointerState
	tip            tipState
}

var (
	_ fyne.Widget            = (*ArticleView)(nil)
	_ fyne.Focusable         = (*ArticleView)(nil)
	_ fyne.Tabbable          = (*ArticleView)(nil)
	_ fyne.Shortcutable      = (*ArticleView)(nil)
	_ fyne.Scrollable        = (*ArticleView)(nil)
	_ fyne.Draggable         = (*ArticleView)(nil)
	_ fyne.Tappable          = (*ArticleView)(nil)
	_ fyne.DoubleTappable    = (*ArticleView)(nil)
	_ fyne.SecondaryTappable = (*ArticleView)(nil)
	_ desktop.Mouseable      = (*ArticleView)(nil)
	_ desktop.Hoverable      = (*ArticleView)(nil)
	_ desktop.Cursorable     = (*ArticleView)(nil)
	_ desktop.Keyable        = (*ArticleView)(nil)
)

// NewArticleView returns an empty view. It has a small minimum size and
// fills whatever space its container gives it (e.g. a Border's centre).
func NewArticleView() *ArticleView {
	v := &ArticleView{pendingScroll: -1, goalX: -1}
	v.lay.setText("")
	v.spans = newSpanIndex(nil, 0)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer is part of fyne.Widget.
func (v *ArticleView) CreateRenderer() fyne.WidgetRenderer {
	return newArticleRenderer(v)
}

// SetText shows text, resetting selection, scroll position and tooltip.
// The spans set so far are kept (clamped to the new text), so SetText and
// SetSpans may be called in either order.
func (v *ArticleView) SetText(text string) {
	v.lay.setText(text)
	v.spans.clamp(len(v.lay.runes))
	v.scrollY, v.pendingScroll, v.goalX = 0, -1, -1
	v.tip = tipState{}
	v.setSelection(0, 0)
	v.Refresh()
}

// Text returns the text shown.
func (v *ArticleView) Text() string { return v.lay.text }

// Len returns the text's length in code points.
func (v *ArticleView) Len() int { return len(v.lay.runes) }

// SetSpans replaces all spans. The slice is copied; spans may overlap and
// nest, and each stays visible: translucent fills blend where spans
// overlap and every span gets its own bar row under the text (up to three
// rows; deeper nesting shares the last row).
func (v *ArticleView) SetSpans(spans []Span) {
	v.spans = newSpanIndex(spans, len(v.lay.runes))
	v.tip = tipState{}
	v.Refresh()
}

// SetSelectedSpan outlines the span with this ID; "" clears the outline.
func (v *ArticleView) SetSelectedSpan(id string) {
	if id == v.selectedID {
		return
	}
	v.selectedID = id
	v.Refresh()
}

// SelectedSpan returns the ID of the outlined span, or "".
func (v *ArticleView) SelectedSpan() string { return v.selectedID }

// SpansAt returns the IDs of the spans containing code point offset,
// innermost (shortest) first.
func (v *ArticleView) SpansAt(offset int) []string {
	var ids []string
	for _, i := range v.spans.at(offset) {
		ids = append(ids, v.spans.spans[i].ID)
	}
	return ids
}

// SetTextSize sets the font size in points (zoom); 0 follows the theme.
// Sizes are kept between 6 and 96.
func (v *ArticleView) SetTextSize(size float32) {
	if size != 0 {
		size = max(min(size, 96), 6)
	}
	if size == v.textSize {
		return
	}
	v.textSize = size
	v.Refresh()
}

// TextSize returns the font size in use.
func (v *ArticleView) TextSize() float32 {
	if v.textSize > 0 {
		return v.textSize
	}
	return v.Theme().Size(theme.SizeNameText)
}

// SetSnapToWords makes mouse selections (drag, shift-click) grow to whole
// words and drop white space at their ends.
func (v *ArticleView) SetSnapToWords(snap bool) { v.snapWords = snap }

// SnapToWords reports whether mouse selections snap to words.
func (v *ArticleView) SnapToWords() bool { return v.snapWords }
