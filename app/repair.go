package app

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// File → Repair project…, and the offer to repair a project that could not
// be opened because its structure was changed outside Saywho or it is
// damaged. Repair writes a new project beside the old one and never
// changes the old one.

// repairDialog chooses the project file to repair.
func (u *UI) repairDialog() { u.chooseProjectFile(u.runRepair) }

// repairable reports whether Repair may recover a project Open refused
// with err.
func repairable(err error) bool {
	return errors.Is(err, storage.ErrSchemaMismatch) || errors.Is(err, storage.ErrCorrupt)
}

// openFailed shows why the project at path was not opened, offering to
// repair it when that can help. note, when not empty, follows the reason.
func (u *UI) openFailed(path string, err error, note string) {
	if !repairable(err) {
		u.fail(err)
		return
	}
	msg := friendly(err) + "\n\nSaywho does not write into such a project. Repair builds a clean copy beside it, " +
		filepath.Base(sqlite.RepairedPath(path)) + ", from everything that can still be read, and leaves this file as it is."
	if note != "" {
		msg += "\n\n" + note
	}
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	u.offer("The project was not opened", "Repair…", "Cancel", l, fyne.NewSize(560, 300), func() { u.runRepair(path) })
}

// runRepair repairs the project at path in the background, then shows
// the report with an offer to open the repaired project.
func (u *UI) runRepair(path string) {
	dst := sqlite.RepairedPath(path)
	var rep sqlite.RepairReport
	u.background("Repairing "+filepath.Base(path), "Repaired into "+dst, func(ctx context.Context) error {
		var err error
		rep, err = sqlite.Repair(ctx, path, dst)
		return err
	}, func() {
		report := widget.NewLabel(rep.String() + "\n" + filepath.Base(path) + " was not changed.")
		report.TextStyle.Monospace = true // the report's columns line up
		u.offer("Project repaired into "+filepath.Base(dst), "Open the repaired project", "Close", container.NewScroll(report),
			fyne.NewSize(720, 460), func() { u.openProjectPath(dst) })
	})
}

// offer shows content in a dialog whose confirm button runs do.
func (u *UI) offer(title, confirm, dismiss string, content fyne.CanvasObject, size fyne.Size, do func()) {
	d := dialog.NewCustomConfirm(title, confirm, dismiss, content, func(ok bool) {
		if ok {
			do()
		}
	}, u.win)
	d.Resize(size)
	d.Show()
	u.lastDialog = d
}
