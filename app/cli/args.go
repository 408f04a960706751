package cli

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/saywho-app/saywho/storage/sqlite"
)

// projectArg parses a command line that names exactly one project and
// returns it.
func projectArg(fs *flags, args []string) (string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usageError{"give exactly one project"}
	}
	return pos[0], nil
}

// documentsFlag adds the repeatable --document flag.
func documentsFlag(fs *flags) *multiFlag {
	var docs multiFlag
	fs.Var(&docs, "document", "only this document id (repeatable)")
	return &docs
}

// coderIDs resolves a comma-separated list of coder names or ids, in
// order; empty items are skipped.
func coderIDs(p *sqlite.Project, list string) ([]string, error) {
	var ids []string
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			a, err := findCoder(p, name)
			if err != nil {
				return nil, err
			}
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
