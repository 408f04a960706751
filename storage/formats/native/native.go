// Package native reads and writes Saywho's own JSON export: the whole
// project in one versioned, lossless file described by the JSON Schema
// saywho-export.schema.json beside this file.
package native

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// FormatName and Version identify the format in every file. Version 2
// added document sets ("sets"); version 1 files are read as they are.
const (
	FormatName = "saywho"
	Version    = 2
)

// ErrNewerFormat is returned for files written by a newer Saywho.
var ErrNewerFormat = errors.New("the file was written by a newer version of Saywho")

// File is the JSON document: a Bundle with a header.
type File struct {
	Format       string    `json:"format"`
	Version      int       `json:"version"`
	Exported     time.Time `json:"exported"`
	OffsetUnit   string    `json:"offset_unit"`
	IncludesText bool      `json:"includes_text"`
	storage.Bundle
}

// Options change what Export writes.
type Options struct {
	NoText bool      // leave document texts out
	Now    time.Time // export time; zero means now
}

// Export writes b as an indented, deterministic JSON document.
func Export(b *storage.Bundle, w io.Writer, opts Options) error {
	f := File{Format: FormatName, Version: Version, Exported: opts.Now, OffsetUnit: "codepoint", IncludesText: !opts.NoText, Bundle: *b}
	if f.Exported.IsZero() {
		f.Exported = time.Now()
	}
	f.Exported = f.Exported.UTC().Truncate(time.Millisecond)
	if opts.NoText {
		f.Documents = make([]storage.Document, len(b.Documents))
		for i, d := range b.Documents {
			d.Text = ""
			f.Documents[i] = d
		}
	}
	f.Bundle.Normalise()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// Sniff reports whether data looks like a Saywho JSON export (cheaply, for
// picking an importer).
func Sniff(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")) && bytes.Contains(head, []byte(`"format"`)) && bytes.Contains(head, []byte(`"saywho"`))
}

// Import parses and validates an export: its header, the JSON Schema, and
// that every annotation's offsets and text agree with its document.
func Import(data []byte) (*storage.Bundle, error) {
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not a Saywho JSON export: %v", err)
	}
	if head.Format != FormatName {
		return nil, fmt.Errorf("not a Saywho JSON export (format %q)", head.Format)
	}
	if head.Version > Version {
		return nil, fmt.Errorf("format version %d, this Saywho reads up to %d: %w", head.Version, Version, ErrNewerFormat)
	}
	if err := Validate(data); err != nil {
		return nil, err
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("reading the export: %v", err)
	}
	b := f.Bundle
	if err := checkOffsets(&b); err != nil {
		return nil, err
	}
	return &b, nil
}
