// Package widgets holds Saywho's custom Fyne widgets. It draws what it is
// given and reports what the user does; it never imports storage.
//
// ArticleView is the article pane: a read-only, selectable, virtualised text
// view with coloured, overlapping spans. Offsets everywhere are Unicode code
// points, [start, end), as in the rest of Saywho.
package widgets
