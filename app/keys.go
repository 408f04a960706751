package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// bindKeys connects the plain keys (Q, S, C, U, L, digits, Tab, Delete, …)
// of the article and of the window when nothing has focus, and the second
// keys of some menu commands.
func (u *UI) bindKeys() {
	c := u.win.Canvas()
	c.SetOnTypedRune(u.typedRune)
	c.SetOnTypedKey(u.typedKey)
	for sc, run := range u.extraShortcuts() {
		run := run
		c.AddShortcut(sc, func(fyne.Shortcut) { run() })
	}
	// Menu shortcuts also work where the main menu is not consulted (the
	// test driver, or a focused widget that takes shortcuts itself).
	for _, cmd := range u.commands() {
		if ks, ok := cmd.short.(fyne.KeyboardShortcut); ok && ks.Mod() != 0 && ks.Mod() != fyne.KeyModifierShift && cmd.run != nil {
			run := cmd.run
			c.AddShortcut(cmd.short, func(fyne.Shortcut) { run() })
		}
	}
}

// dialogOpen reports whether a dialog or pop-up is showing: the article's
// keys must not act behind it.
func (u *UI) dialogOpen() bool { return u.win.Canvas().Overlays().Top() != nil }

// typedRune handles the one-letter commands.
func (u *UI) typedRune(r rune) {
	if u.dialogOpen() {
		return
	}
	switch r {
	case 'q', 'Q':
		u.command("quote").run()
	case 's', 'S':
		u.command("mention").run()
	case 'c', 'C':
		u.command("claim").run()
	case 'u', 'U':
		u.command("cue").run()
	case 'l', 'L':
		u.linkSelected()
	case '?':
		u.showShortcuts()
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		u.applyDigit(r)
	}
}

// typedKey handles the named keys.
func (u *UI) typedKey(e *fyne.KeyEvent) {
	if u.dialogOpen() {
		return
	}
	switch e.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		u.deleteSelected()
	case fyne.KeyEscape:
		if u.find.visible() {
			u.find.close()
			return
		}
		u.clearSelection()
	case fyne.KeyTab:
		if shiftHeld() {
			u.stepAnnotation(-1)
		} else {
			u.stepAnnotation(1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		u.acceptOffer()
	case fyne.KeyF1:
		u.showShortcuts()
	case fyne.KeyF3:
		u.find.step(1)
	}
}

// shiftHeld reports whether Shift is down (for Shift+Tab).
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}
