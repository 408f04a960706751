// Package app is Saywho's Fyne application: the window in which a coder
// reads articles and marks quotes, speakers, claims, cues and codes. It
// wires the widgets package (which draws) to the storage package (which
// keeps); every change is one storage transaction, saved at once.
package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/widgets"
)

// UI is the main window on one open project. Build it with NewUI.
type UI struct {
	app     fyne.App
	win     fyne.Window
	p       storage.Project
	coder   storage.Annotator
	formats Formats
	theme   *appTheme

	// What is loaded from the project: the lists (documents, codes,
	// speakers, coders) and the open document, each kept up to date by
	// the changes the project publishes (see apply).
	*projectLists
	*docState
	onlyMine bool // show only the current coder's annotations

	// How changes are made and followed.
	pending     changeQueue     // changes published, not yet applied
	unsubscribe func()          // stops following the project's changes
	jobs        jobSlot         // the one long job (import, export, …)
	waiting     string          // a change waiting for the write lock, "" when none
	life        context.Context // ends when the window leaves the project
	endLife     context.CancelFunc
	closed      bool // the window has left this project

	// Parts of the window.
	view     *widgets.ArticleView
	docList  *docList
	meta     *metaRow
	find     *findBar
	insp     *inspector
	annList  *annotationList
	spk      *speakerPanel
	codebook *codebookPanel
	search   *searchPanel
	status   *statusBar
	menus    *menus
	tabs     *container.AppTabs
	body     *fyne.Container // holds the panels; rebuilt when panels are toggled
	banner   *fyne.Container // the read-only notice

	sess       *session      // the Run that made the window; nil in tests
	lastPicker *picker       // the last picker opened, for tests
	lastDialog dialog.Dialog // the last form opened, for tests
	// onBackgroundDone is called on the UI goroutine when an import,
	// export or backup has finished; for tests.
	onBackgroundDone func()

	showDocs, showSide bool
	split              *container.Split // documents | rest
	sideSplit          *container.Split // article | side panel
}

// NewUI builds the whole window content and menus for project p, with
// coder as the annotator of new annotations, and opens the last document
// seen (or the first). p should have undo enabled (Project.EnableUndo).
func NewUI(a fyne.App, w fyne.Window, p storage.Project, coder storage.Annotator) *UI {
	u := &UI{app: a, win: w, p: p, coder: coder, formats: DefaultFormats(), showDocs: true, showSide: true,
		projectLists: &projectLists{}, docState: &docState{}}
	u.life, u.endLife = context.WithCancel(context.Background())
	u.theme = newAppTheme(a.Preferences().StringWithFallback(prefTheme, themeSystem))
	a.Settings().SetTheme(u.theme)
	u.onlyMine = a.Preferences().Bool(prefOnlyMine)

	u.status = newStatusBar()
	u.view = u.newArticleView()
	u.docList = newDocList(u)
	u.meta = newMetaRow(u)
	u.find = newFindBar(u)
	u.insp = newInspector(u)
	u.annList = newAnnotationList(u)
	u.spk = newSpeakerPanel(u)
	u.codebook = newCodebookPanel(u)
	u.search = newSearchPanel(u)
	u.banner = u.newReadOnlyBanner()

	u.tabs = container.NewAppTabs(
		container.NewTabItem("Annotations", u.annList.object()),
		container.NewTabItem("Speakers", u.spk.object()),
		container.NewTabItem("Codes", u.codebook.object()),
		container.NewTabItem("Search", u.search.object()),
	)
	u.body = container.NewStack()
	u.layoutPanels()
	w.SetContent(container.NewBorder(u.banner, u.status.object(), nil, nil, u.body))
	u.menus = newMenus(u)
	w.SetMainMenu(u.menus.main)
	u.bindKeys()
	u.bindDrop()

	u.docState.observe(u.refreshSpans)
	u.docState.observe(u.insp.refresh)
	u.docState.observe(u.annList.refresh)
	u.docState.observe(u.meta.refresh)
	u.subscribe()
	u.reloadAll()
	u.openDocument(u.startDocument())
	u.updateTitle()
	return u
}

// close leaves the project: the running job is cancelled and awaited, the
// window stops following the project's changes, and nothing it still had
// queued reaches the views. The project itself is closed by the caller.
func (u *UI) close() {
	if u.closed {
		return
	}
	u.jobs.stop()
	u.closed = true
	u.endLife()
	if u.unsubscribe != nil {
		u.unsubscribe()
	}
}

// SetFormats replaces the import and export formats (DefaultFormats when
// not called).
func (u *UI) SetFormats(f Formats) {
	if f != nil {
		u.formats = f
	}
}

// Project returns the open project.
func (u *UI) Project() storage.Project { return u.p }

// layoutPanels puts the document list, the article and the side panel
// side by side, leaving out the panels the user hid.
func (u *UI) layoutPanels() {
	centre := container.NewBorder(container.NewVBox(u.meta.object(), u.find.object()), nil, nil, nil, u.view)
	side := container.NewVSplit(u.insp.object(), u.tabs)
	side.Offset = 0.6
	main := fyne.CanvasObject(centre)
	if u.showSide {
		off := 0.64
		if u.sideSplit != nil {
			off = u.sideSplit.Offset
		}
		u.sideSplit = container.NewHSplit(centre, side)
		u.sideSplit.Offset = off
		main = u.sideSplit
	}
	if u.showDocs {
		off := 0.2
		if u.split != nil {
			off = u.split.Offset
		}
		u.split = container.NewHSplit(u.docList.object(), main)
		u.split.Offset = off
		main = u.split
	}
	u.body.Objects = []fyne.CanvasObject{main}
	u.body.Refresh()
}

// togglePanel shows or hides the documents panel (docs true) or the side
// panel.
func (u *UI) togglePanel(docs bool) {
	if docs {
		u.showDocs = !u.showDocs
	} else {
		u.showSide = !u.showSide
	}
	u.layoutPanels()
	u.menus.refreshChecks()
}

// newReadOnlyBanner is the notice shown above everything when the project
// cannot be written.
func (u *UI) newReadOnlyBanner() *fyne.Container {
	msg := widget.NewLabel("Read-only: this project file cannot be changed here (it is write-protected or opened read-only). " +
		"You can read, search and export; to annotate, open a writable copy (File › Back up project… makes one).")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	c := container.NewVBox(msg, widget.NewSeparator())
	if !u.p.ReadOnly() {
		c.Hide()
	}
	return c
}
