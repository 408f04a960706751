package formats

import (
	"fmt"

	"github.com/saywho-app/saywho/storage"
)

// readBrat reads a brat text with its annotation files; set by brat.go.
var readBrat func(txt string, anns []string, opts ImportOptions) (*storage.Bundle, []string, error)

// readUnit reads one unit into a bundle.
func readUnit(u unit, opts ImportOptions) (*storage.Bundle, []string, error) {
	if u.err != nil {
		return nil, nil, u.err
	}
	switch u.kind {
	case "brat":
		if readBrat == nil {
			return nil, nil, fmt.Errorf("brat standoff import is not available")
		}
		return readBrat(u.path, u.extra, opts)
	case "orphan-ann":
		return nil, nil, fmt.Errorf("a brat annotation file needs its text: put NAME.txt beside NAME.ann or import both")
	}
	return readSingle(u.path)
}
