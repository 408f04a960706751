package app

// Preference keys. Per-project keys are prefixed with the project id by
// prefKey.
const (
	prefCoder    = "coder"     // the coder's name
	prefTheme    = "theme"     // themeSystem, themeLight or themeDark
	prefTextSize = "textSize"  // article text size in points
	prefRecent   = "recent"    // recently opened project paths, newest first
	prefOnlyMine = "onlyMine"  // show only the coder's own annotations
	prefLastDoc  = "lastDoc"   // per project: the document last open
	prefSnap     = "snapWords" // snap selections to word boundaries
)

// maxRecent is how many projects File → Open recent lists.
const maxRecent = 8

// prefKey makes a per-project preference key.
func (u *UI) prefKey(key string) string { return key + ":" + u.p.Info().ID }

// rememberRecent puts path at the top of the recent projects.
func rememberRecent(prefs interface {
	StringList(string) []string
	SetStringList(string, []string)
}, path string) {
	list := []string{path}
	for _, p := range prefs.StringList(prefRecent) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	prefs.SetStringList(prefRecent, list)
}
