package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats"
	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

func runExport(e *env, args []string) error {
	var list []string
	for _, f := range formats.ExportFormats() {
		d, _, _ := formats.DescribeFormat(f)
		list = append(list, fmt.Sprintf("  %-6s %s", f, d))
	}
	fs := newFlags(e, "export", "PROJECT -o OUT [--format F] [--set NAME]", "Exports the project. Formats:\n"+strings.Join(list, "\n")+"\nFiles are written atomically; -o - writes to standard output.")
	out := fs.String("o", "", "output file or folder (- for standard output)")
	format := fs.String("format", "json", "export format")
	suggestions := fs.Bool("include-suggestions", false, "also the detector's pending and rejected suggestions (left out by default)")
	noText := fs.Bool("no-text", false, "json: leave the document texts out")
	jsonl := fs.Bool("jsonl", false, "w3c: JSON Lines, one annotation a line")
	unit := fs.String("offset-unit", "codepoint", "w3c, jsonl: count offsets in codepoint, utf16 or byte")
	crlf := fs.Bool("crlf", false, "qdpx: write sources with CRLF line endings (MAXQDA)")
	bom := fs.Bool("bom", false, "csv: for Excel: a UTF-8 byte-order mark, and cells starting with = + - @ defused with a leading '")
	coder := fs.String("coder", "", "only this coder's annotations")
	set := fs.String("set", "", "only the documents of this set (name or id)")
	var docs multiFlag
	fs.Var(&docs, "document", "only this document id (repeatable; with --set, documents of the set)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"give exactly one project"}
	}
	if *out == "" {
		return usageError{"give the output with -o OUT (or -o - for standard output)"}
	}
	u, err := textutil.ParseOffsetUnit(*unit)
	if err != nil {
		return usageError{err.Error()}
	}
	p, err := openProject(pos[0], true)
	if err != nil {
		return err
	}
	defer p.Close()
	opts := formats.ExportOptions{NoText: *noText, JSONL: *jsonl, OffsetUnit: u, CRLF: *crlf, BOM: *bom, Excel: *bom,
		Snapshot: storage.SnapshotOptions{DocumentIDs: docs}}
	opts.Snapshot.IncludeSuggestions = *suggestions
	if *coder != "" {
		ann, err := findCoder(p, *coder)
		if err != nil {
			return err
		}
		opts.Snapshot.AnnotatorID = ann.ID
	}
	if opts.Snapshot.SetID, err = findSet(p, *set); err != nil {
		return err
	}
	if stdoutAliases[*out] {
		*out = "-"
	}
	lost, err := formats.Export(context.Background(), p, *format, *out, e.stdout, opts)
	for _, l := range lost {
		fmt.Fprintln(e.stderr, "not exported:", textutil.Printable(l))
	}
	return err
}

// stdoutAliases name the process's standard output. They are written as
// "-o -" is: the file export would refuse /dev/stdout when the output is
// redirected to a file, as that is a link out of /dev.
var stdoutAliases = map[string]bool{"/dev/stdout": true, "/dev/fd/1": true, "/proc/self/fd/1": true}

func findCoder(p *sqlite.Project, name string) (storage.Annotator, error) {
	all, err := p.Annotators(context.Background())
	if err != nil {
		return storage.Annotator{}, err
	}
	var names []string
	for _, a := range all {
		if a.Name == name || a.ID == name {
			return a, nil
		}
		names = append(names, a.Name)
	}
	return storage.Annotator{}, fmt.Errorf("no coder %q in the project (coders: %s)", name, strings.Join(names, ", "))
}

// findSet returns the id of the set named (or identified by) name, "" for
// no name. A set without documents is refused: the command would have
// nothing to work on.
func findSet(p *sqlite.Project, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	s, err := p.FindSet(context.Background(), name)
	if errors.Is(err, storage.ErrNotFound) {
		all, err := p.Sets(context.Background())
		if err != nil {
			return "", err
		}
		names := []string{}
		for _, s := range all {
			names = append(names, fmt.Sprintf("%q", s.Name))
		}
		if len(names) == 0 {
			return "", fmt.Errorf("no set %q: the project has no sets", name)
		}
		return "", fmt.Errorf("no set %q in the project (sets: %s)", name, strings.Join(names, ", "))
	}
	if err != nil {
		return "", err
	}
	if len(s.DocumentIDs) == 0 {
		return "", fmt.Errorf("the set %q holds no documents", s.Name)
	}
	return s.ID, nil
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
