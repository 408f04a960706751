package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"

	fynestorage "fyne.io/fyne/v2/storage"
)

// File › New project…, Open project…, Open recent, Change coder…, and
// Edit › Delete document….

// newProjectDialog asks for a name and a folder and creates the project.
func (u *UI) newProjectDialog() {
	name := widget.NewEntry()
	name.SetPlaceHolder("e.g. Election coverage 2026")
	folder := filepath.Dir(u.p.Path())
	items := append([]*widget.FormItem{widget.NewFormItem("Name", name)}, u.folderItems(&folder)...)
	d := dialog.NewForm("New project", "Create", "Cancel", items, func(ok bool) {
		n := strings.TrimSpace(name.Text)
		if !ok || n == "" {
			return
		}
		path := filepath.Join(folder, safeFileName(n)+sqlite.Extension)
		p, err := createProject(path, n, nil)
		if err != nil {
			u.fail(err)
			return
		}
		u.switchTo(p)
	}, u.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	u.win.Canvas().Focus(name)
	u.lastDialog = d
}

// safeFileName replaces characters that file systems refuse.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

// folderItems are the form rows that show *folder and let the user choose
// another: its path, and a Choose folder… button.
func (u *UI) folderItems(folder *string) []*widget.FormItem {
	where := widget.NewLabel(*folder)
	where.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton("Choose folder…", func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				*folder = l.Path()
				where.SetText(*folder)
			}
		}, u.win)
		setLocation(d, *folder)
		d.Show()
	})
	return []*widget.FormItem{widget.NewFormItem("Folder", where), widget.NewFormItem("", choose)}
}

// setLocation starts a file dialog in dir when it exists.
func setLocation(d *dialog.FileDialog, dir string) {
	if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// openProjectDialog chooses a .saywho file to open.
func (u *UI) openProjectDialog() { u.chooseProjectFile(u.openProjectPath) }

// chooseProjectFile asks for a .saywho file, starting in the open
// project's folder, and hands its path to then.
func (u *UI) chooseProjectFile(then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.fail(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, u.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{sqlite.Extension}))
	setLocation(d, filepath.Dir(u.p.Path()))
	d.Show()
}

// openProjectPath opens the project at path in this window. On failure the
// current project stays open.
func (u *UI) openProjectPath(path string) {
	if abs, _ := filepath.Abs(path); abs == u.p.Path() {
		return
	}
	if _, err := os.Stat(path); err != nil {
		u.fail(fmt.Errorf("the project %s is not there any more", path))
		return
	}
	p, err := sqlite.Open(path, sqlite.OpenOptions{})
	if err != nil {
		u.openFailed(path, err, "")
		return
	}
	u.switchTo(p)
}

// switchTo closes the current project and shows p instead.
func (u *UI) switchTo(p storage.Project) {
	s := u.sess
	if s == nil {
		s = &session{app: u.app, win: u.win, opts: Options{Formats: u.formats}}
		u.sess = s
	}
	if u.jobs.editingBlocked() {
		p.Close()
		u.status.failed("Opening another project: not now — " + lowerFirst(u.jobs.title()) + " is running (Cancel stops it)")
		return
	}
	old := u.p
	u.close()
	nu, err := s.show(p, u.coder.Name)
	if err != nil {
		p.Close()
		if back, err2 := s.show(old, u.coder.Name); err2 == nil {
			back.fail(err)
		} else {
			u.fail(errors.Join(err, err2))
		}
		return
	}
	old.Close()
	nu.status.info("Opened " + p.Path())
	if p.ReadOnly() {
		nu.refuseReadOnlyNotice()
	}
}

// refuseReadOnlyNotice tells, once, that the project opened read-only.
func (u *UI) refuseReadOnlyNotice() {
	dialog.ShowInformation("Opened read-only", "This project file cannot be written, so it is open read-only: you can read, search and export, but not annotate.", u.win)
}

// changeCoderDialog changes the name recorded with new annotations.
func (u *UI) changeCoderDialog() {
	e := widget.NewEntry()
	e.SetText(u.coder.Name)
	dialog.ShowForm("Change coder", "Change", "Cancel", []*widget.FormItem{widget.NewFormItem("Your name", e)}, func(ok bool) {
		name := strings.TrimSpace(e.Text)
		if !ok || name == "" || name == u.coder.Name {
			return
		}
		coder, err := coderFor(u.p, name)
		if err != nil {
			u.fail(err)
			return
		}
		u.coder = coder
		u.app.Preferences().SetString(prefCoder, name)
		u.applyChanges()
		u.reloadDocument() // "only my annotations" now means the new coder's
		u.menus.refreshUndo()
		u.status.info("New annotations are now recorded as " + name + "'s")
	}, u.win)
}

// deleteDocumentDialog deletes the open document after confirmation.
func (u *UI) deleteDocumentDialog() {
	s := u.docSummary(u.doc.ID)
	if s == nil {
		u.status.info("No document is open")
		return
	}
	id := s.ID
	msg := fmt.Sprintf("Delete “%s” and its %s from the project?\n\nEdit › Undo brings it back.", excerpt(s.Title, 60), count(s.Annotations, "annotation"))
	dialog.ShowConfirm("Delete document", msg, func(ok bool) {
		if ok {
			u.do("Deleted document", func(ctx context.Context) error { return u.p.DeleteDocument(ctx, id) })
		}
	}, u.win)
}
