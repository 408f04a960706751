package formats

import (
	"path/filepath"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/doc"
)

// archiveReaders read archive formats that carry annotations, by
// extension.
var archiveReaders = map[string]func([]byte) (*storage.Bundle, []string, error){}

// supportedInFolder says whether a file found while walking a folder is
// imported.
func supportedInFolder(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".json" || ext == ".ann" {
		return true
	}
	if _, ok := archiveReaders[ext]; ok {
		return true
	}
	return doc.Supported(name)
}

// stem is a file name without folder and extension.
func stem(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// groupUnits pairs brat annotation files with their texts: NAME.ann and
// NAME_CODER.ann belong to NAME.txt, in any of the given folders. Other
// files are units of their own.
func groupUnits(files []string) []unit {
	texts := map[string]int{}
	var units []unit
	var anns []string
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".ann":
			anns = append(anns, f)
		default:
			if strings.EqualFold(filepath.Ext(f), ".txt") {
				texts[stem(f)] = len(units)
			}
			units = append(units, unit{path: f})
		}
	}
	for _, a := range anns {
		s := stem(a)
		i, ok := texts[s]
		for j := strings.LastIndexByte(s, '_'); !ok && j > 0; j = strings.LastIndexByte(s[:j], '_') {
			i, ok = texts[s[:j]]
		}
		if !ok {
			units = append(units, unit{path: a, kind: "orphan-ann"})
			continue
		}
		units[i].extra = append(units[i].extra, a)
		units[i].kind = "brat"
	}
	return units
}
