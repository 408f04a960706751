package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// saveAs asks for the folder and name of a file to write (an export, a
// backup) and hands the path to chosen, which writes it. It never opens
// the file itself: Fyne's save dialog opens the file it returns for
// writing, emptying it, before the caller sees its name, so picking the
// open project there destroyed it before any check could run. Here the
// name is checked first: one of the project's own files is refused
// (storage.CheckOutput), and an existing file is replaced only when
// replace is set and the user confirms.
func (u *UI) saveAs(title, confirm, name string, replace bool, chosen func(path string)) {
	folder := filepath.Dir(u.p.Path())
	entry := widget.NewEntry()
	entry.SetText(name)
	items := append(u.folderItems(&folder), widget.NewFormItem("File name", entry))
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		path, exists, err := u.savePath(folder, entry.Text)
		switch {
		case err != nil:
			u.fail(err)
		case exists && !replace:
			u.fail(fmt.Errorf("%s already exists; choose another name", path))
		case exists:
			dialog.ShowConfirm("Replace "+filepath.Base(path)+"?", path+" exists. Replace it?", func(ok bool) {
				if ok {
					chosen(path)
				}
			}, u.win)
		default:
			chosen(path)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	u.win.Canvas().Focus(entry)
	u.lastDialog = d
}

// savePath checks the name typed in saveAs and returns the path it names
// in folder and whether something is there already.
func (u *UI) savePath(folder, name string) (path string, exists bool, err error) {
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/`+string(filepath.Separator)) {
		return "", false, errors.New("give a file name (without folders; choose the folder with Choose folder…)")
	}
	path = filepath.Join(folder, name)
	if err := storage.CheckOutput(u.p.Path(), path); err != nil {
		return "", false, err
	}
	fi, err := os.Lstat(path)
	if err == nil && fi.IsDir() {
		return "", false, fmt.Errorf("%s is a folder; give a file name", path)
	}
	return path, err == nil, nil
}
