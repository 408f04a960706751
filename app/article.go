package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/widgets"
)

// Text sizes of the article (View → Zoom).
const (
	defaultTextSize = 15
	minTextSize     = 9
	maxTextSize     = 40
)

// newArticleView makes the article pane and connects it to the window.
func (u *UI) newArticleView() *widgets.ArticleView {
	v := widgets.NewArticleView()
	v.SetTextSize(float32(u.app.Preferences().FloatWithFallback(prefTextSize, defaultTextSize)))
	v.SetSnapToWords(u.app.Preferences().BoolWithFallback(prefSnap, true))
	v.OnSelectionChanged = u.selectionChanged
	v.OnSpanTapped = u.spanTapped
	v.OnSecondaryTapped = u.showContextMenu
	v.OnTypedRune = u.typedRune
	v.OnTypedKey = u.typedKey
	v.CaptureTab = true
	return v
}

// focusArticle gives the keyboard to the article, so Q, S, C, … work.
func (u *UI) focusArticle() { u.win.Canvas().Focus(u.view) }

// selectionChanged follows the user's text selection: a new selection
// leaves the selected annotation, so the inspector offers to mark it.
// A click (or caret move) outside the selected annotation leaves it too.
func (u *UI) selectionChanged(start, end int) {
	if a := u.annotation(u.selID); a != nil {
		inside := start == end && start >= a.Start && start <= a.End
		if !inside && (a.Start != start || a.End != end) {
			u.selID = ""
			u.view.SetSelectedSpan("")
			u.annList.showSelected()
		}
	}
	u.insp.refresh()
}

// spanTapped selects the annotation under a click.
func (u *UI) spanTapped(spanID string) {
	if id := annotationOfSpan(spanID); id != "" {
		u.selectAnnotation(id, false)
	}
}

// annotationOfSpan maps a drawn span back to its annotation ("" for find
// matches). Code stripes are drawn as "ANNOTATION/CODE".
func annotationOfSpan(spanID string) string {
	if strings.HasPrefix(spanID, findSpanPrefix) {
		return ""
	}
	id, _, _ := strings.Cut(spanID, "/")
	return id
}

// selectAnnotation makes id the selected annotation (and opens its
// document if needed); scroll brings it into view.
func (u *UI) selectAnnotation(id string, scroll bool) {
	defer u.insp.hold()() // selecting the text below refreshes it too
	a := u.annotation(id)
	if a == nil {
		ann, err := u.p.Annotation(context.Background(), id)
		if err != nil {
			u.fail(err)
			return
		}
		u.openDocument(ann.DocumentID)
		if a = u.annotation(id); a == nil {
			return
		}
		scroll = true
	}
	u.selID = id
	u.view.Select(a.Start, a.Start)
	u.view.SetSelectedSpan(id)
	if scroll {
		u.view.ScrollTo(a.Start)
	}
	u.insp.refresh()
	u.annList.showSelected()
}

// clearSelection drops both the selected annotation and the text selection.
func (u *UI) clearSelection() {
	u.selID = ""
	u.view.SetSelectedSpan("")
	start, _ := u.view.Selection()
	u.view.Select(start, start)
	u.insp.refresh()
}

// refreshSpans draws the visible annotations (and find matches) on the
// article: each in its kind's colour, with a stripe per code in the code's
// colour.
func (u *UI) refreshSpans() {
	v := u.theme.variant(u.app.Settings().ThemeVariant())
	var spans []widgets.Span
	for _, a := range u.visible() {
		col := kindColor(a.Kind, v)
		codes := a.Codes
		if a.Kind == storage.KindCode && len(codes) > 0 {
			if c := u.code(codes[0]); c != nil {
				col = codeColor(*c, v)
			}
			codes = codes[1:]
		}
		style := widgets.SpanNormal
		if a.State == storage.StateSuggested {
			style = widgets.SpanSuggested
		}
		spans = append(spans, widgets.Span{ID: a.ID, Start: a.Start, End: a.End, Color: col, Label: u.spanLabel(a), Style: style})
		for _, cid := range codes {
			if c := u.code(cid); c != nil {
				spans = append(spans, widgets.Span{ID: a.ID + "/" + cid, Start: a.Start, End: a.End, Color: codeColor(*c, v), Label: "Code: " + c.Name})
			}
		}
	}
	spans = append(spans, u.find.spans()...)
	u.view.SetSpans(spans)
	u.view.SetSelectedSpan(u.selID)
}

// spanLabel is the tooltip of an annotation.
func (u *UI) spanLabel(a storage.Annotation) string {
	parts := []string{kindName(a.Kind)}
	if t := a.Attrs[storage.AttrQuoteType]; t != "" && a.Kind == storage.KindQuote {
		parts[0] += " (" + t + ")"
	}
	if t := a.Attrs[storage.AttrCheckWorthiness]; t != "" && a.Kind == storage.KindClaim {
		parts[0] += " (" + t + ")"
	}
	if s := u.speakerOf(a); s != "" {
		parts = append(parts, u.speakerName(s, "unknown speaker"))
	}
	for _, cid := range a.Codes {
		if c := u.code(cid); c != nil {
			parts = append(parts, c.Name)
		}
	}
	if len(u.coders) > 1 {
		parts = append(parts, fmt.Sprintf("by %s", u.coderName(a.AnnotatorID)))
	}
	return strings.Join(parts, " · ")
}

// zoom changes the article's text size by delta points (0 resets it).
func (u *UI) zoom(delta float32) {
	size := u.view.TextSize() + delta
	if delta == 0 {
		size = defaultTextSize
	}
	size = max(minTextSize, min(maxTextSize, size))
	u.view.SetTextSize(size)
	u.app.Preferences().SetFloat(prefTextSize, float64(size))
	u.status.info(fmt.Sprintf("Text size %.0f", size))
}
