package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// command is an action of the window with its keys. The menus, the key
// handlers and Help → Keyboard shortcuts are all built from the one table
// returned by commands, so they cannot disagree.
type command struct {
	id    string
	label string
	keys  string        // as written in Help, e.g. "Ctrl+Z"
	short fyne.Shortcut // shown in the menu; triggers it when it has a modifier
	run   func()
}

const (
	ctrl      = fyne.KeyModifierShortcutDefault
	ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
)

func key(k fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: mod}
}

// commands lists every command of the window.
func (u *UI) commands() []command {
	mk := func(k storage.Kind) func() { return func() { u.mark(k) } }
	return []command{
		{"new", "New project…", "Ctrl+N", key(fyne.KeyN, ctrl), u.newProjectDialog},
		{"open", "Open project…", "Ctrl+O", key(fyne.KeyO, ctrl), u.openProjectDialog},
		{"import", "Import files…", "Ctrl+I", key(fyne.KeyI, ctrl), u.importFilesDialog},
		{"importdir", "Import folder…", "", nil, u.importFolderDialog},
		{"importqdc", "Import codebook…", "", nil, u.importCodebookDialog},
		{"export", "Export…", "Ctrl+E", key(fyne.KeyE, ctrl), u.exportDialog},
		{"exportqdc", "Export codebook…", "", nil, u.exportCodebookDialog},
		{"backup", "Back up project…", "", nil, u.backupDialog},
		{"coder", "Change coder…", "", nil, u.changeCoderDialog},
		{"quit", "Quit", "Ctrl+Q", key(fyne.KeyQ, ctrl), u.quit},

		{"undo", "Undo", "Ctrl+Z", &fyne.ShortcutUndo{}, u.undo},
		{"redo", "Redo", "Ctrl+Y or Ctrl+Shift+Z", &fyne.ShortcutRedo{}, u.redo},
		{"find", "Find in document…", "Ctrl+F", key(fyne.KeyF, ctrl), u.find.open},
		{"findnext", "Find next", "Ctrl+G or Enter in the find box", key(fyne.KeyG, ctrl), func() { u.find.step(1) }},
		{"findprev", "Find previous", "Ctrl+Shift+G or Shift+Enter in the find box", key(fyne.KeyG, ctrlShift), func() { u.find.step(-1) }},
		{"search", "Search all documents…", "Ctrl+Shift+F", key(fyne.KeyF, ctrlShift), u.openSearch},
		{"deldoc", "Delete document…", "", nil, u.deleteDocumentDialog},
		{"docsets", "Sets of this document…", "", nil, u.documentSetsDialog},
		{"newset", "New set from the listed documents…", "", nil, u.newSetDialog},
		{"renameset", "Rename the set shown…", "", nil, u.renameSetDialog},
		{"delset", "Delete the set shown…", "", nil, u.deleteSetDialog},

		{"quote", "Mark as quote", "Q", key(fyne.KeyQ, 0), mk(storage.KindQuote)},
		{"mention", "Mark as speaker mention", "S", key(fyne.KeyS, 0), mk(storage.KindSpeakerMention)},
		{"claim", "Mark as claim", "C", key(fyne.KeyC, 0), mk(storage.KindClaim)},
		{"cue", "Mark as cue", "U", key(fyne.KeyU, 0), mk(storage.KindCue)},
		{"code", "Apply code 1–9 (toggle on an annotation)", "1 … 9", nil, nil},
		{"link", "Link to speaker, mention or quote…", "L", key(fyne.KeyL, 0), u.linkSelected},
		{"accept", "Link a new mention to the quote next to it", "Enter", key(fyne.KeyReturn, 0), u.acceptOffer},
		{"delete", "Delete annotation", "Delete or Backspace", key(fyne.KeyDelete, 0), u.deleteSelected},
		{"deselect", "Deselect", "Escape", key(fyne.KeyEscape, 0), u.clearSelection},
		{"nextann", "Next annotation", "Tab or Alt+↓", key(fyne.KeyDown, fyne.KeyModifierAlt), func() { u.stepAnnotation(1) }},
		{"prevann", "Previous annotation", "Shift+Tab or Alt+↑", key(fyne.KeyUp, fyne.KeyModifierAlt), func() { u.stepAnnotation(-1) }},
		{"nextdoc", "Next document", "Ctrl+↓", key(fyne.KeyDown, ctrl), func() { u.stepDocument(1) }},
		{"prevdoc", "Previous document", "Ctrl+↑", key(fyne.KeyUp, ctrl), func() { u.stepDocument(-1) }},

		{"zoomin", "Zoom in", "Ctrl+= or Ctrl++", key(fyne.KeyEqual, ctrl), func() { u.zoom(1) }},
		{"zoomout", "Zoom out", "Ctrl+-", key(fyne.KeyMinus, ctrl), func() { u.zoom(-1) }},
		{"zoomreset", "Actual size", "Ctrl+0", key(fyne.Key0, ctrl), func() { u.zoom(0) }},
		{"docs", "Documents panel", "Ctrl+1", key(fyne.Key1, ctrl), func() { u.togglePanel(true) }},
		{"side", "Inspector panel", "Ctrl+2", key(fyne.Key2, ctrl), func() { u.togglePanel(false) }},
		{"mine", "Only my annotations", "Ctrl+M", key(fyne.KeyM, ctrl), u.toggleOnlyMine},
		{"snap", "Snap selections to whole words", "", nil, u.toggleSnap},

		{"help", "Keyboard shortcuts", "F1 or ?", key(fyne.KeyF1, 0), u.showShortcuts},
		{"about", "About Saywho", "", nil, u.showAbout},
	}
}

// extraShortcuts are second keys for commands already in the menus.
func (u *UI) extraShortcuts() map[fyne.Shortcut]func() {
	return map[fyne.Shortcut]func(){
		key(fyne.KeyZ, ctrlShift):     u.redo,
		key(fyne.KeyEqual, ctrlShift): func() { u.zoom(1) },
		key(fyne.KeyPlus, ctrl):       func() { u.zoom(1) },
	}
}

// command finds a command by id.
func (u *UI) command(id string) command {
	for _, c := range u.commands() {
		if c.id == id {
			return c
		}
	}
	panic("app: no command " + id)
}

// showShortcuts lists every key of the window.
func (u *UI) showShortcuts() {
	var rows []fyne.CanvasObject
	for _, c := range u.commands() {
		if c.keys == "" {
			continue
		}
		k := widget.NewLabel(c.keys)
		k.TextStyle.Monospace = true
		rows = append(rows, k, widget.NewLabel(c.label))
	}
	grid := container.New(&twoColumns{}, rows...)
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), u.win)
	d.Resize(fyne.NewSize(620, 640))
	d.Show()
}

// ShortcutTable returns the keyboard shortcuts as a Markdown table, for
// the README.
func ShortcutTable() string {
	u := &UI{find: &findBar{}}
	var b strings.Builder
	b.WriteString("| Keys | Action |\n| --- | --- |\n")
	for _, c := range u.commands() {
		if c.keys != "" {
			b.WriteString("| " + c.keys + " | " + c.label + " |\n")
		}
	}
	return b.String()
}

// twoColumns lays out pairs of objects as rows of a two-column table, the
// first column as wide as its widest cell.
type twoColumns struct{}

func (twoColumns) widths(objs []fyne.CanvasObject) (float32, float32) {
	var a, b float32
	for i, o := range objs {
		if i%2 == 0 {
			a = max(a, o.MinSize().Width)
		} else {
			b = max(b, o.MinSize().Width)
		}
	}
	return a, b
}

// Layout places the pairs.
func (t twoColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, _ := t.widths(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(a, h))
		objs[i+1].Move(fyne.NewPos(a, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-a, h))
		y += h
	}
}

// MinSize is the size of all rows.
func (t twoColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := t.widths(objs)
	h := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(a+b, h)
}
