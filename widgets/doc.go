// Package widgets holds Saywho's custom Fyne widgets. It draws what it is
// given and reports what the user does; it never imports storage.
package widgets

import "fyne.io/fyne/v2/widget"

var _ = widget.NewLabel
