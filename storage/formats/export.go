package formats

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/atomicfile"
	"github.com/saywho-app/saywho/storage/formats/brat"
	"github.com/saywho-app/saywho/storage/formats/native"
	"github.com/saywho-app/saywho/storage/formats/qdpx"
	"github.com/saywho-app/saywho/storage/formats/tabular"
	"github.com/saywho-app/saywho/storage/formats/w3c"
	"github.com/saywho-app/saywho/storage/textutil"
)

// ExportOptions are the export switches of every format; each format uses
// those that apply to it.
type ExportOptions struct {
	NoText     bool                // json: leave document texts out
	JSONL      bool                // w3c: JSON Lines instead of one collection
	OffsetUnit textutil.OffsetUnit // w3c, jsonl: unit of offsets
	CRLF       bool                // qdpx: CRLF sources (MAXQDA)
	BOM        bool                // csv: UTF-8 byte-order mark (Excel)
	Excel      bool                // csv: also defuse cells that a spreadsheet would run as formulas
	Snapshot   storage.SnapshotOptions
}

// exporter writes a bundle: to a stream, or (folder formats) into a folder
// that it writes atomically itself, returning what it could not represent.
type exporter struct {
	describe string
	ext      string
	folder   bool
	toWriter func(b *storage.Bundle, w io.Writer, o ExportOptions) error
	toDir    func(b *storage.Bundle, dir string, o ExportOptions) ([]string, error)
}

var exporters = map[string]exporter{
	"json": {describe: "Saywho JSON (lossless, re-importable)", ext: ".json", toWriter: func(b *storage.Bundle, w io.Writer, o ExportOptions) error {
		return native.Export(b, w, native.Options{NoText: o.NoText})
	}},
	"w3c": {describe: "W3C Web Annotation JSON-LD (collection, or JSON Lines with --jsonl)", ext: ".jsonld", toWriter: func(b *storage.Bundle, w io.Writer, o ExportOptions) error {
		return w3c.Export(b, w, w3c.Options{JSONL: o.JSONL, OffsetUnit: o.OffsetUnit})
	}},
	"jsonl": {describe: "JSON Lines, one document a line with its spans (pandas, ML)", ext: ".jsonl", toWriter: func(b *storage.Bundle, w io.Writer, o ExportOptions) error {
		return tabular.ExportJSONL(b, w, tabular.JSONLOptions{OffsetUnit: o.OffsetUnit})
	}},
	"qdpx": {describe: "REFI-QDA project (QualCoder, ATLAS.ti, MAXQDA, NVivo; --crlf for MAXQDA)", ext: ".qdpx", toWriter: func(b *storage.Bundle, w io.Writer, o ExportOptions) error {
		return qdpx.Export(b, w, qdpx.Options{CRLF: o.CRLF})
	}},
	"qdc": {describe: "REFI-QDA codebook: the code tree only (ATLAS.ti, MAXQDA, NVivo, QualCoder)", ext: ".qdc", toWriter: func(b *storage.Bundle, w io.Writer, o ExportOptions) error {
		return qdpx.ExportCodebook(b, w)
	}},
	"brat": {describe: "brat standoff folder (NAME.txt + NAME.ann, annotation.conf)", folder: true, toDir: func(b *storage.Bundle, dir string, o ExportOptions) ([]string, error) {
		return brat.Export(b, dir, brat.Options{})
	}},
	"csv": {describe: "CSV, one row per quote with its speaker (pandas, R, Excel with --bom)", ext: ".csv", toWriter: func(b *storage.Bundle, w io.Writer, o ExportOptions) error {
		return tabular.ExportCSV(b, w, tabular.CSVOptions{BOM: o.BOM, EscapeFormulas: o.Excel})
	}},
}

// ExportFormats lists the export format names, sorted.
func ExportFormats() []string {
	var out []string
	for k := range exporters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// DescribeFormat returns a one-line description and the usual file
// extension of an export format ("" for folder formats).
func DescribeFormat(name string) (describe, ext string, folder bool) {
	e := exporters[name]
	return e.describe, e.ext, e.folder
}

// Export writes the project to path in the named format and returns what
// the format could not represent. Files and folders are written atomically
// (built aside, then renamed into place), so a failed export never leaves a
// half-written file; path "-" writes to stdout. A path that is, or leads
// to, one of the project's own files is refused (see storage.CheckOutput).
// Cancelling ctx stops the export; the target is then left as it was.
func Export(ctx context.Context, p storage.Project, format, path string, stdout io.Writer, opts ExportOptions) ([]string, error) {
	if _, ok := exporters[format]; !ok {
		return nil, unknownFormat(format)
	}
	if err := storage.CheckOutput(p.Path(), path); err != nil {
		return nil, err
	}
	snap := opts.Snapshot
	snap.NoText = snap.NoText || (opts.NoText && format == "json")
	b, err := p.Snapshot(ctx, snap)
	if err != nil {
		return nil, err
	}
	return WriteBundle(ctx, b, format, path, stdout, opts)
}

// WriteBundle writes a bundle in the named format; see Export.
func WriteBundle(ctx context.Context, b *storage.Bundle, format, path string, stdout io.Writer, opts ExportOptions) ([]string, error) {
	e, ok := exporters[format]
	if !ok {
		return nil, unknownFormat(format)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.folder {
		if path == "-" {
			return nil, fmt.Errorf("%s export writes a folder: give a folder name with -o", format)
		}
		lost, err := e.toDir(b, path, opts)
		return lost, storage.DiskFull(path, err)
	}
	if path == "-" {
		return nil, e.toWriter(b, stdout, opts)
	}
	err := atomicfile.WriteFileAtomic(path, func(w io.Writer) error { return e.toWriter(b, ctxWriter{ctx, w}, opts) })
	return nil, storage.DiskFull(path, err)
}

// ctxWriter fails its writes once ctx is cancelled, which makes an atomic
// export give up and remove its temporary file.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(b)
}

func unknownFormat(format string) error {
	return fmt.Errorf("unknown export format %q (choose from %s)", format, strings.Join(ExportFormats(), ", "))
}
