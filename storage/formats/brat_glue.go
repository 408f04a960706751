package formats

import (
	"fmt"
	"path/filepath"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/brat"
	"github.com/saywho-app/saywho/storage/internal/regfile"
)

func init() {
	readBrat = readBratFiles
	for _, ext := range []string{".qdpx", ".qde", ".qdc"} {
		archiveReaders[ext] = readREFI
	}
}

// readBratFiles reads a brat text and its annotation files.
func readBratFiles(txt string, anns []string, opts ImportOptions) (*storage.Bundle, []string, error) {
	files := map[string][]byte{}
	for _, f := range append([]string{txt}, anns...) {
		data, err := readLimited(f)
		if err != nil {
			return nil, nil, err
		}
		files[filepath.Base(f)] = data
	}
	var mapping *brat.Mapping
	if opts.BratMapping != "" {
		f, _, err := regfile.Open(opts.BratMapping)
		if err != nil {
			return nil, nil, fmt.Errorf("brat mapping: %w", err)
		}
		m, err := brat.ParseMapping(f)
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("brat mapping %s: %w", opts.BratMapping, err)
		}
		mapping = &m
	}
	return brat.Import(files, brat.ImportOptions{Mapping: mapping, Coder: opts.Coder, KnownText: opts.knownText})
}
