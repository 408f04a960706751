// Package assets bundles the files Saywho ships inside its binary: the
// application icon and the sample article of the default project. Its
// folders hold what releases ship beside the binary (see docs/install.md):
// linux/ the file type and install script, windows/ the installer script,
// iconsizes the command that writes the icon at desktop sizes.
package assets

import _ "embed"

// IconPNG is the application icon, 512×512 PNG.
//
//go:embed icon.png
var IconPNG []byte

// SampleArticle is the invented news article that a new default project
// starts with: direct and reported speech, named speakers and claims. Its
// first line is the headline.
//
//go:embed sample-article.txt
var SampleArticle string

// The sample article's file name and metadata (all invented).
const (
	SampleName      = "sample-article.txt"
	SampleOutlet    = "Northshore Gazette"
	SampleByline    = "Mira Castellanos"
	SamplePublished = "2026-03-14"
)
