package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/app/version"
)

// setTheme switches between the light, dark and system theme and
// remembers the choice.
func (u *UI) setTheme(choice string) {
	u.app.Preferences().SetString(prefTheme, choice)
	u.theme = newAppTheme(choice)
	u.app.Settings().SetTheme(u.theme)
	u.refreshSpans()
	u.insp.refresh()
	u.codebook.refresh()
	u.menus.refreshChecks()
}

// toggleOnlyMine switches between the current coder's annotations and
// every coder's.
func (u *UI) toggleOnlyMine() {
	u.onlyMine = !u.onlyMine
	u.app.Preferences().SetBool(prefOnlyMine, u.onlyMine)
	if u.onlyMine {
		u.status.info(fmt.Sprintf("Showing only %s's annotations", u.coder.Name))
	} else {
		u.status.info("Showing every coder's annotations")
	}
	u.reloadDocument()
	u.menus.refreshChecks()
}

// toggleSnap switches snapping of selections to whole words.
func (u *UI) toggleSnap() {
	on := !u.app.Preferences().BoolWithFallback(prefSnap, true)
	u.app.Preferences().SetBool(prefSnap, on)
	u.view.SetSnapToWords(on)
	u.menus.refreshChecks()
}

// showAbout names the program, the project and the coder.
func (u *UI) showAbout() {
	text := widget.NewLabel(aboutText(u.p.Path(), u.coder.Name))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Saywho", "Close", container.NewPadded(text), u.win)
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
}

// aboutText is the body of Help → About: the version of this build (see
// package version), the project and the coder.
func aboutText(project, coder string) string {
	return fmt.Sprintf("Saywho %s\nMark who said what in news articles.\n\nProject: %s\nCoder: %s",
		version.String(), project, coder)
}

// quit closes the window, which closes the project and ends the app.
func (u *UI) quit() { u.win.Close() }
