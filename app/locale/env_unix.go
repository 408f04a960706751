//go:build !windows && !darwin && !js && !android && !ios

package locale

import (
	"os"

	golocale "github.com/jeandeaual/go-locale"
)

// On these systems Fyne takes the locale from the environment (through
// go-locale, read here the same way); elsewhere it asks the system, which
// answers with tags it can parse.
func init() {
	all, err := golocale.GetLocales()
	if err != nil {
		return
	}
	if v := languageValue(all); v != "" {
		os.Setenv("LANGUAGE", v)
	}
}
