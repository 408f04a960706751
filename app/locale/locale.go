// Package locale makes Fyne fall back to English quietly when the system
// locale is one it cannot parse.
//
// Fyne's lang package reads the locale from the environment while the
// program starts (in its package init, before main runs) and logs three
// "Fyne error: Error parsing user locale C" lines for C.UTF-8, POSIX.UTF-8,
// a locale with a modifier such as de_DE@euro, or LANGUAGE=C: the usual
// settings of containers and servers. Every saywho command would print them.
//
// This package's init runs before Fyne's: Go initialises packages in
// import-path order among those whose imports are ready (the language
// specification, since Go 1.21), this package needs only the standard
// library and go-locale, and Fyne's lang package waits for
// golang.org/x/text/language, whose path sorts after this one. So this
// package must never import golang.org/x/text or Fyne. The order is
// checked by cmd/saywho's TestNoLocaleNoise, which runs the built binary
// under those locales.
//
// When a locale would not parse, init sets LANGUAGE, which takes precedence
// for Fyne (and gettext) over LANG when the locale is not plain C or POSIX, to
// the same list with the unparseable entries mended (the encoding and
// @modifier dropped) or left out, or to "en" when nothing is left. Nothing
// else in the environment changes. A well-formed tag for a language x/text
// does not know (LANG=xx_YY) is left alone: telling it apart would need
// x/text's tables, which this package may not import.
package locale

import "strings"

// mend returns the locales Fyne would read with each one it could not parse
// mended or dropped, and whether anything changed. The entries are as
// go-locale returns them: "en-US", "C", "de-DE@euro".
func mend(locales []string) ([]string, bool) {
	var out []string
	changed := false
	for _, l := range locales {
		m, _, _ := strings.Cut(l, "@")
		m, _, _ = strings.Cut(m, ".")
		if m != l {
			changed = true
		}
		if !wellFormed(m) || strings.EqualFold(m, "POSIX") {
			changed = true
			continue
		}
		out = append(out, m)
	}
	if len(out) == 0 && changed {
		out = []string{"en"}
	}
	return out, changed
}

// wellFormed reports whether tag has the shape of a BCP 47 language tag as
// go-locale hands it on: a language of 2–3 or 5–8 letters, then subtags of
// 1–8 letters or digits separated by hyphens.
func wellFormed(tag string) bool {
	parts := strings.Split(tag, "-")
	if n := len(parts[0]); n < 2 || n == 4 || n > 8 || !allOf(parts[0], false) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) < 1 || len(p) > 8 || !allOf(p, true) {
			return false
		}
	}
	return true
}

// allOf reports whether s is only ASCII letters (and digits, if digits).
func allOf(s string, digits bool) bool {
	for _, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && !(digits && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// languageValue is the LANGUAGE value that makes Fyne read locales, or ""
// when the environment needs no change.
func languageValue(locales []string) string {
	fixed, changed := mend(locales)
	if !changed {
		return ""
	}
	for i, l := range fixed {
		fixed[i] = strings.ReplaceAll(l, "-", "_")
	}
	return strings.Join(fixed, ":")
}
