package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices stored in Preferences under prefTheme.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// appTheme is Fyne's default theme with the variant forced to light or dark
// when the user chose one in View → Theme.
type appTheme struct {
	fyne.Theme
	forced *fyne.ThemeVariant
}

// newAppTheme returns the theme for a choice (themeSystem, themeLight or
// themeDark).
func newAppTheme(choice string) *appTheme {
	t := &appTheme{Theme: theme.DefaultTheme()}
	switch choice {
	case themeLight:
		v := theme.VariantLight
		t.forced = &v
	case themeDark:
		v := theme.VariantDark
		t.forced = &v
	}
	return t
}

// Color applies the forced variant, if any.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced != nil {
		v = *t.forced
	}
	return t.Theme.Color(n, v)
}

// variant is the variant the theme draws with, given the system's.
func (t *appTheme) variant(system fyne.ThemeVariant) fyne.ThemeVariant {
	if t.forced != nil {
		return *t.forced
	}
	return system
}
