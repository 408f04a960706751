package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// File → Import files…, Import folder…, Import codebook…, Export…, Export
// codebook…, Back up project…, and files dropped on the window. The work runs off the UI goroutine with a
// progress dialog that can cancel it; the window stays responsive.

// importFilesDialog chooses one file to import.
func (u *UI) importFilesDialog() { u.chooseImport(nil) }

// importCodebookDialog chooses a REFI-QDA codebook (.qdc) whose codes are
// added to the codebook.
func (u *UI) importCodebookDialog() { u.chooseImport([]string{".qdc", ".QDC"}) }

// chooseImport chooses one file to import, with one of the extensions
// (any file when there are none).
func (u *UI) chooseImport(exts []string) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.fail(err)
			return
		}
		if r != nil {
			path := r.URI().Path()
			r.Close()
			u.runImport([]string{path})
		}
	}, u.win)
	if len(exts) > 0 {
		d.SetFilter(fstorage.NewExtensionFileFilter(exts))
	}
	d.Show()
}

// exportCodebookDialog asks where to write the codebook as a REFI-QDA
// codebook (.qdc).
func (u *UI) exportCodebookDialog() {
	for _, f := range u.formats.ExportFormats() {
		if f.Name == "qdc" {
			u.chooseExportTarget(f)
			return
		}
	}
	u.fail(errors.New("the codebook export is not available"))
}

// importFolderDialog chooses a folder whose supported files are imported.
func (u *UI) importFolderDialog() {
	dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.fail(err)
			return
		}
		if l != nil {
			u.runImport([]string{l.Path()})
		}
	}, u.win)
}

// bindDrop imports files and folders dropped on the window.
func (u *UI) bindDrop() {
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.dropped(uris) })
}

// dropped imports the local files among uris.
func (u *UI) dropped(uris []fyne.URI) {
	var paths []string
	for _, x := range uris {
		if x.Scheme() == "file" {
			paths = append(paths, x.Path())
		}
	}
	if len(paths) > 0 {
		u.runImport(paths)
	}
}

// runImport imports paths as the window's job and reports the outcome.
func (u *UI) runImport(paths []string) {
	if u.p.ReadOnly() {
		u.refuseReadOnly("Import")
		return
	}
	p, f, coder := u.p, u.formats, u.coder.Name
	var summary string
	var failed int
	u.startJob("Importing", true, true, func(ctx context.Context, progress progressFunc) error {
		var err error
		summary, failed, err = f.Import(ctx, p, paths, coder, progress)
		return err
	}, func(err error) { u.importDone(summary, failed, err) })
}

// importDone shows what an import did.
func (u *UI) importDone(summary string, failed int, err error) {
	first := u.doc.ID == ""
	u.applyChanges()
	u.menus.refreshUndo()
	if first {
		u.openDocument(u.startDocument())
	}
	switch {
	case errors.Is(err, context.Canceled):
		u.status.info("Import cancelled; the documents imported before stay in the project")
		if summary != "" {
			dialog.ShowInformation("Import cancelled", summary, u.win)
		}
	case err != nil:
		u.fail(err)
	default:
		u.status.done(firstLine(summary))
		if failed > 0 || strings.Contains(summary, "\n") {
			title := "Import finished"
			if failed > 0 {
				title = fmt.Sprintf("Import finished: %d file(s) failed", failed)
			}
			u.showText(title, summary)
		}
	}
}

// showText shows a long message in a scrolling dialog.
func (u *UI) showText(title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "Close", container.NewVScroll(l), u.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// exportDialog asks for a format, then where to write it.
func (u *UI) exportDialog() {
	formats := u.formats.ExportFormats()
	if len(formats) == 0 {
		u.fail(errors.New("no export formats are available"))
		return
	}
	var labels []string
	for _, f := range formats {
		labels = append(labels, fmt.Sprintf("%s — %s", f.Name, f.Description))
	}
	choice := widget.NewRadioGroup(labels, nil)
	choice.SetSelected(labels[0])
	for i, f := range formats {
		if f.Name == "json" {
			choice.SetSelected(labels[i])
		}
	}
	dialog.ShowCustomConfirm("Export the project", "Next…", "Cancel", container.NewVScroll(choice), func(ok bool) {
		if i := indexOf(labels, choice.Selected); ok && i >= 0 {
			u.chooseExportTarget(formats[i])
		}
	}, u.win)
}

// chooseExportTarget asks for the file (or folder) to export to.
func (u *UI) chooseExportTarget(f ExportFormat) {
	if f.Folder {
		dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				u.fail(err)
			} else if l != nil {
				u.runExport(f, l.Path())
			}
		}, u.win)
		return
	}
	base := strings.TrimSuffix(filepath.Base(u.p.Path()), filepath.Ext(u.p.Path()))
	u.saveAs("Export as "+f.Name, "Export", base+f.Ext, true, func(path string) { u.runExport(f, path) })
}

// runExport writes the export in the background, then lists what the
// format could not hold, if anything.
func (u *UI) runExport(f ExportFormat, path string) {
	if err := storage.CheckOutput(u.p.Path(), path); err != nil {
		u.fail(err)
		return
	}
	var notices []string
	u.background("Exporting "+f.Name, "Exported to "+textutil.Name(path), func(ctx context.Context) error {
		var err error
		notices, err = u.formats.Export(ctx, u.p, f.Name, path)
		return err
	}, func() {
		if len(notices) > 0 {
			u.showText("Exported, with notes", "Exported to "+textutil.Name(path)+".\n\n"+textutil.Lines(strings.Join(notices, "\n")))
		}
	})
}

// backupDialog writes a copy of the project file under a new name.
func (u *UI) backupDialog() {
	base := strings.TrimSuffix(filepath.Base(u.p.Path()), filepath.Ext(u.p.Path()))
	u.saveAs("Back up the project", "Back up", base+" backup"+filepath.Ext(u.p.Path()), false, func(path string) {
		u.background("Backing up", "Backed up to "+textutil.Name(path), func(context.Context) error { return u.p.Backup(context.Background(), path) }, nil)
	})
}

// backgroundDone runs the test hook after background work has finished.
func (u *UI) backgroundDone() {
	if u.onBackgroundDone != nil {
		u.onBackgroundDone()
	}
}
