package widgets_test

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/widgets"
)

// An article pane: the view fills a Border's centre, spans come from the
// app's data, and the callbacks drive the rest of the window.
func ExampleArticleView() {
	view := widgets.NewArticleView()
	view.SetText("The minister said on Tuesday that \"the door remains open\".")
	view.SetSpans([]widgets.Span{
		{ID: "quote-1", Start: 34, End: 58, Color: color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}, Label: "quote (direct)"},
		{ID: "cue-1", Start: 13, End: 17, Color: color.NRGBA{R: 0x2e, G: 0x9d, B: 0x4f, A: 0xff}, Label: "cue"},
		{ID: "sugg-7", Start: 4, End: 12, Color: color.NRGBA{R: 0xe0, G: 0x7b, A: 0xff}, Label: "speaker?", Style: widgets.SpanSuggested},
	})
	status := widget.NewLabel("")
	view.OnSelectionChanged = func(start, end int) { status.SetText(fmt.Sprintf("[%d,%d)", start, end)) }
	view.OnSpanTapped = func(id string) { view.SetSelectedSpan(id) }
	view.OnSecondaryTapped = func(offset int, ids []string, pos fyne.Position) {
		// build a context menu for ids and show it at pos
	}
	view.OnTypedRune = func(r rune) {
		if r == 'q' {
			start, end := view.Selection()
			_, _ = start, end // create a quote from the selection
		}
	}
	pane := container.NewBorder(nil, status, nil, nil, view)
	_ = pane // window.SetContent(pane)
}
