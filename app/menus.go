package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
)

// menus is the window's main menu. Items that change (Undo/Redo labels,
// check marks, recent projects) are kept to be updated.
type menus struct {
	u      *UI
	main   *fyne.MainMenu
	items  map[string]*fyne.MenuItem
	recent *fyne.MenuItem
	themes map[string]*fyne.MenuItem
}

func newMenus(u *UI) *menus {
	m := &menus{u: u, items: map[string]*fyne.MenuItem{}, themes: map[string]*fyne.MenuItem{}}
	for _, c := range u.commands() {
		if c.run == nil {
			continue
		}
		it := fyne.NewMenuItem(c.label, c.run)
		it.Shortcut = c.short
		m.items[c.id] = it
	}
	m.items["quit"].IsQuit = true
	m.items["agree"] = fyne.NewMenuItem("Agreement between coders…", u.agreementDialog)
	m.items["repair"] = fyne.NewMenuItem("Repair project…", u.repairDialog)
	m.recent = fyne.NewMenuItem("Open recent", nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	themeMenu := fyne.NewMenu("")
	for _, t := range []struct{ id, label string }{{themeSystem, "Follow the system"}, {themeLight, "Light"}, {themeDark, "Dark"}} {
		t := t
		it := fyne.NewMenuItem(t.label, func() { u.setTheme(t.id) })
		m.themes[t.id] = it
		themeMenu.Items = append(themeMenu.Items, it)
	}
	themeItem := fyne.NewMenuItem("Theme", nil)
	themeItem.ChildMenu = themeMenu

	sep := fyne.NewMenuItemSeparator
	pick := func(ids ...string) []*fyne.MenuItem {
		var out []*fyne.MenuItem
		for _, id := range ids {
			if id == "-" {
				out = append(out, sep())
			} else {
				out = append(out, m.items[id])
			}
		}
		return out
	}
	file := fyne.NewMenu("File", append(append(pick("new", "open"), m.recent), pick("-", "import", "importdir", "importqdc", "export", "exportqdc", "backup", "repair", "-", "coder", "agree", "-", "quit")...)...)
	edit := fyne.NewMenu("Edit", pick("undo", "redo", "-", "find", "findnext", "findprev", "search", "-", "deldoc", "-", "docsets", "newset", "renameset", "delset")...)
	annotate := fyne.NewMenu("Annotate", pick("quote", "mention", "claim", "cue", "link", "accept", "-", "delete", "deselect", "-", "nextann", "prevann", "nextdoc", "prevdoc")...)
	view := fyne.NewMenu("View", append(pick("zoomin", "zoomout", "zoomreset", "-"), append([]*fyne.MenuItem{themeItem}, pick("-", "docs", "side", "-", "mine", "snap")...)...)...)
	help := fyne.NewMenu("Help", pick("help", "about")...)
	m.main = fyne.NewMainMenu(file, edit, annotate, view, help)
	m.refreshRecent()
	m.refreshChecks()
	m.refreshUndo()
	return m
}

// refreshUndo names what Undo and Redo would do and greys them out when
// there is nothing.
func (m *menus) refreshUndo() {
	for _, x := range []struct {
		id, verb, label string
	}{{"undo", "Undo", m.u.p.UndoLabel()}, {"redo", "Redo", m.u.p.RedoLabel()}} {
		it := m.items[x.id]
		it.Label = x.verb
		if x.label != "" {
			it.Label += " " + lowerFirst(x.label)
		}
		it.Disabled = x.label == "" || m.u.jobs.editingBlocked()
	}
	m.main.Refresh()
}

// changesProject are the commands refused while a job writes the project
// (an import): they would change it, or switch to another.
var changesProject = []string{"new", "open", "import", "importdir", "importqdc", "coder", "undo", "redo", "deldoc",
	"docsets", "newset", "renameset", "delset", "quote", "mention", "claim", "cue", "link", "accept", "delete"}

// startsJob are the commands that run a job of their own: refused while
// another job runs.
var startsJob = []string{"import", "importdir", "importqdc", "export", "exportqdc", "backup", "repair", "agree"}

// refreshEnabled greys out what cannot be done while a job runs.
func (m *menus) refreshEnabled() {
	u := m.u
	for _, id := range startsJob {
		m.items[id].Disabled = u.jobs.running()
	}
	for _, id := range changesProject {
		m.items[id].Disabled = u.jobs.editingBlocked()
	}
	m.recent.Disabled = u.jobs.editingBlocked()
	if !u.jobs.running() {
		m.refreshUndo()
		return
	}
	m.main.Refresh()
}

// refreshChecks ticks the view options that are on.
func (m *menus) refreshChecks() {
	u := m.u
	m.items["docs"].Checked = u.showDocs
	m.items["side"].Checked = u.showSide
	m.items["mine"].Checked = u.onlyMine
	m.items["snap"].Checked = u.app.Preferences().BoolWithFallback(prefSnap, true)
	cur := u.app.Preferences().StringWithFallback(prefTheme, themeSystem)
	for id, it := range m.themes {
		it.Checked = id == cur
	}
	m.main.Refresh()
}

// refreshRecent lists the recently opened projects.
func (m *menus) refreshRecent() {
	var items []*fyne.MenuItem
	for _, path := range m.u.app.Preferences().StringList(prefRecent) {
		path := path
		it := fyne.NewMenuItem(filepath.Base(path)+"  —  "+filepath.Dir(path), func() { m.u.openProjectPath(path) })
		it.Checked = path == m.u.p.Path()
		items = append(items, it)
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none yet)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym
	}
	return string(append([]rune{toLower(r[0])}, r[1:]...))
}

func toLower(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}
