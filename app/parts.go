package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Small building blocks shared by the panes.

// heading is a bold section title.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// wrapLabel is a label that wraps at word boundaries.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// smallLabel is a smaller, wrapping line of detail.
func smallLabel(text string) *widget.Label {
	l := wrapLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// labelled puts a caption left of a field.
func labelled(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(caption), nil, field)
}

// captioned puts a quiet caption above a field.
func captioned(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(caption)
	l.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(l, field)
}

// swatch is a small square of colour.
func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSize(14, 14))
	return container.NewCenter(r)
}

// count writes n with its noun, singular or plural ("1 quote", "2 quotes").
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	switch {
	case strings.HasSuffix(noun, "ch"):
		noun += "es"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// twoLineList is a list whose rows show a bold line and a smaller line of
// detail, given by row.
func twoLineList(length func() int, row func(i int) (title, detail string)) *widget.List {
	return widget.NewList(length,
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateClip
			detail := widget.NewLabel("")
			detail.SizeName = theme.SizeNameCaptionText
			detail.Truncation = fyne.TextTruncateClip
			return container.NewVBox(title, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			title, detail := row(i)
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(title)
			box.Objects[1].(*widget.Label).SetText(detail)
		})
}

// variant is the theme variant the window is drawn in.
func (u *UI) variant() fyne.ThemeVariant {
	return u.theme.variant(u.app.Settings().ThemeVariant())
}

// spanText shows the text of a span or selection, in italics, shortened
// when very long.
func spanText(s string) *widget.Label {
	l := wrapLabel(excerpt(strings.TrimSpace(s), 400))
	l.TextStyle.Italic = true
	return l
}
