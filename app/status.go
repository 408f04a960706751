package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

// statusBar is the line at the bottom of the window: whether everything is
// saved, what was done last, or what went wrong.
type statusBar struct {
	saved *widget.Label
	msg   *widget.Label
	box   *fyne.Container
}

func newStatusBar() *statusBar {
	s := &statusBar{saved: widget.NewLabel("All changes saved"), msg: widget.NewLabel("")}
	s.msg.Truncation = fyne.TextTruncateEllipsis
	s.box = container.NewBorder(widget.NewSeparator(), nil, nil, s.saved, s.msg)
	return s
}

func (s *statusBar) object() fyne.CanvasObject { return s.box }

// info shows a passing message.
func (s *statusBar) info(msg string) {
	s.msg.Importance = widget.MediumImportance
	s.msg.SetText(msg)
}

// done reports a saved change.
func (s *statusBar) done(msg string) {
	s.saved.Importance = widget.SuccessImportance
	s.saved.SetText("All changes saved")
	s.info(msg)
}

// failed reports an error.
func (s *statusBar) failed(msg string) {
	s.msg.Importance = widget.DangerImportance
	s.msg.SetText(msg)
}

// setReadOnly shows that nothing can be saved.
func (s *statusBar) setReadOnly() {
	s.saved.Importance = widget.WarningImportance
	s.saved.SetText("Read-only")
}

// Text returns what the status bar says, for tests.
func (s *statusBar) Text() string { return s.saved.Text + " | " + s.msg.Text }

// do runs one change of the project (fn calls storage once: one
// transaction), then reloads the views and reports it saved. A read-only
// project refuses it with an explanation. It reports whether the change
// was made.
func (u *UI) do(what string, fn func() error) bool {
	if u.p.ReadOnly() {
		u.refuseReadOnly(what)
		return false
	}
	if err := fn(); err != nil {
		u.fail(err)
		return false
	}
	u.reloadAll()
	u.status.done(what)
	u.menus.refreshUndo()
	u.updateTitle()
	return true
}

// refuseReadOnly explains that a change cannot be made.
func (u *UI) refuseReadOnly(what string) {
	msg := fmt.Sprintf("%s: not possible, the project is open read-only and nothing can be changed.", what)
	u.status.failed(msg)
	dialog.ShowInformation("Read-only project", msg+"\nOpen a writable copy to annotate.", u.win)
}

// fail shows an error in a dialog and in the status bar.
func (u *UI) fail(err error) {
	if err == nil {
		return
	}
	msg := friendly(err)
	u.status.failed("Not saved: " + msg)
	dialog.ShowError(errors.New(msg), u.win)
}

// friendly turns a storage error into a sentence for the user.
func friendly(err error) string {
	msg := textutil.Printable(err.Error()) // a file name in it cannot fake lines
	switch {
	case errors.Is(err, storage.ErrReadOnly):
		return "The project is open read-only; nothing was changed."
	case errors.Is(err, storage.ErrInUse):
		return "The project is in use by another Saywho window. Close it there first. (" + msg + ")"
	}
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}

// updateTitle puts the project, the document and the save state in the
// window title.
func (u *UI) updateTitle() {
	name := u.p.Info().Name
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(u.p.Path()), sqlite.Extension)
	}
	state := "all changes saved"
	if u.p.ReadOnly() {
		state = "read-only"
		u.status.setReadOnly()
	}
	title := "Saywho — " + name
	if u.doc.ID != "" {
		title += " — " + excerpt(u.doc.Title, 60)
	}
	u.win.SetTitle(title + " (" + state + ")")
}
