package app

import (
	"os/user"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// firstStart shows the welcome before the first session in w: it asks for
// the coder's name, recorded with every annotation so that several
// coders' work stays apart. done gets the name.
func firstStart(w fyne.Window, done func(name string)) {
	name := widget.NewEntry()
	name.SetText(osUserName())
	name.SetPlaceHolder("Your name")
	start := widget.NewButton("Start annotating", nil)
	start.Importance = widget.HighImportance
	submit := func() {
		if n := strings.TrimSpace(name.Text); n != "" {
			done(n)
		}
	}
	start.OnTapped = submit
	name.OnSubmitted = func(string) { submit() }
	title := widget.NewLabel("Welcome to Saywho")
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	intro := wrapLabel("Saywho helps you mark who said what in news articles: quotes, their speakers, claims, cues and your own codes. " +
		"Everything you do is saved at once and can be undone.\n\n" +
		"Your name is recorded with each annotation you make, so that several coders can work on the same articles and compare. " +
		"You can change it later with File › Change coder.")
	form := container.NewVBox(title, intro, widget.NewForm(widget.NewFormItem("Your name", name)), container.NewHBox(start))
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 360), form)))
	w.Canvas().Focus(name)
}

// osUserName is the OS account's full name, or its login name.
func osUserName() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	return accountName(u.Name, u.Username)
}

// accountName picks the name to suggest from an account's full name (its
// first comma-separated field: the GECOS convention) and login name, less
// the Windows domain or computer name ("LAPTOP-1\zoe" is "zoe").
func accountName(full, login string) string {
	n := strings.TrimSpace(strings.Split(full, ",")[0])
	if n == "" {
		n = login
	}
	if i := strings.LastIndex(n, `\`); i >= 0 {
		n = n[i+1:]
	}
	return n
}
