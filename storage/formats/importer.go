// Package formats picks the right reader or writer for a file and moves
// data between files and a project: the one place the command line and the
// GUI call to import and export. The format packages below it each convert
// between one file format and a storage.Bundle.
package formats

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/doc"
	"github.com/saywho-app/saywho/storage/formats/native"
	"github.com/saywho-app/saywho/storage/formats/qdpx"
	"github.com/saywho-app/saywho/storage/internal/regfile"
	"github.com/saywho-app/saywho/storage/textutil"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ImportOptions change how files are read.
type ImportOptions struct {
	// Coder names the annotator recorded for annotations of formats that
	// carry no coder of their own.
	Coder string
	// BratMapping is a file mapping brat labels to Saywho kinds; "" means
	// the PolNeAR/PARC attribution scheme.
	BratMapping string

	// knownText finds the file name of the project's document with a text
	// (by SHA-256), so that brat keeps another file's annotations apart.
	knownText func(sha256 string) (fileName string, ok bool)
}

// FileResult is what became of one input file.
type FileResult struct {
	Path        string
	Documents   int                // documents added
	Duplicates  int                // documents already in the project (same text or same id), not added again
	Annotations int                // annotations added
	Unchanged   int                // annotations already in the project, not added again
	Conflicts   []storage.Conflict // items that clashed with the project or within the file; nothing was overwritten
	Notices     []string           // what was guessed, mapped or left out
	Err         error              // why the file was refused, if it was

	Coders, Codes, Speakers, Sets int // added with the file, even when Err says why its documents were not
}

// Summary is the outcome of an import.
type Summary struct {
	Files []FileResult
}

// Failed counts the files that were refused.
func (s Summary) Failed() int {
	n := 0
	for _, f := range s.Files {
		if f.Err != nil {
			n++
		}
	}
	return n
}

// Added reports whether the import added anything to the project.
func (s Summary) Added() bool {
	for _, f := range s.Files {
		if f.Documents+f.Annotations+f.Coders+f.Codes+f.Speakers+f.Sets > 0 {
			return true
		}
	}
	return false
}

// Conflicts counts the items that clashed, in all files.
func (s Summary) Conflicts() int {
	n := 0
	for _, f := range s.Files {
		n += len(f.Conflicts)
	}
	return n
}

// String renders a short human summary that says exactly what was added
// (and what was already in the project), then one line per problem:
// refusals, notices and every conflict. File names and messages are
// escaped (see textutil.Printable), so each line is one file's.
func (s Summary) String() string {
	var docs, dups, anns, same, coders, codes, speakers, sets int
	var lines []string
	for _, f := range s.Files {
		docs, dups, anns, same = docs+f.Documents, dups+f.Duplicates, anns+f.Annotations, same+f.Unchanged
		coders, codes, speakers, sets = coders+f.Coders, codes+f.Codes, speakers+f.Speakers, sets+f.Sets
		base := filepath.Base(f.Path)
		name := textutil.Name(base) // escaped: a name cannot fake lines
		if f.Err != nil {
			msg := f.Err.Error()
			switch {
			case strings.HasPrefix(msg, base):
				msg = name + msg[len(base):]
			case !strings.Contains(msg, f.Path):
				msg = name + ": " + msg
			}
			lines = append(lines, textutil.Printable(msg))
		}
		for _, n := range f.Notices {
			lines = append(lines, name+": "+textutil.Printable(n))
		}
		for _, c := range f.Conflicts {
			lines = append(lines, name+": "+textutil.Printable(c.String()))
		}
	}
	head := fmt.Sprintf("Imported %d document(s) and %d annotation(s) from %d file(s)", docs, anns, len(s.Files))
	var added []string
	for _, c := range []struct {
		n    int
		what string
	}{{coders, "coder(s)"}, {codes, "code(s)"}, {speakers, "speaker(s)"}, {sets, "set(s)"}} {
		if c.n > 0 {
			added = append(added, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	if len(added) > 0 {
		last := len(added) - 1
		list := added[last]
		if last > 0 {
			list = strings.Join(added[:last], ", ") + " and " + list
		}
		head += "; " + list + " added"
	}
	if dups > 0 || same > 0 {
		head += fmt.Sprintf("; already in the project: %d document(s) and %d annotation(s), not added again", dups, same)
	}
	if n := s.Conflicts(); n > 0 {
		head += fmt.Sprintf("; %d conflict(s) with the project or within a file, listed below (nothing in the project was overwritten)", n)
	}
	if n := s.Failed(); n > 0 {
		head += fmt.Sprintf("; %d file(s) failed", n)
	}
	return strings.Join(append([]string{head + "."}, lines...), "\n")
}

// Progress reports how many of the files are done and which comes next.
type Progress func(done, total int, name string)

// Import reads every path (files, or folders whose supported files are all
// read) and merges what it finds into p, each document in a transaction of
// its own. A file that cannot be read is reported in the Summary and
// changes nothing; the others are still imported. It stops between files
// when ctx is cancelled.
func Import(ctx context.Context, p storage.Project, paths []string, opts ImportOptions, progress Progress) (Summary, error) {
	var sum Summary
	units, err := collect(paths)
	if err != nil {
		return sum, err
	}
	for i, u := range units {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if progress != nil {
			progress(i, len(units), filepath.Base(u.path))
		}
		sum.Files = append(sum.Files, importUnit(ctx, p, u, opts))
	}
	if progress != nil {
		progress(len(units), len(units), "")
	}
	return sum, nil
}

// unit is one thing to import: a file, or a group of files read together
// (a brat text with its annotation files), or a path refused before
// reading (err set).
type unit struct {
	path  string
	extra []string
	kind  string
	err   error
}

// collect expands folders and groups files into units. A path that is
// neither a regular file nor a folder (a named pipe, a device such as
// /dev/zero, a socket), given or met in a folder under a name Saywho
// imports, becomes a unit refused with what it is: nothing opens it, since
// opening a named pipe waits for a writer and a device never ends.
// Symbolic links in a folder are followed to what they name.
func collect(paths []string) ([]unit, error) {
	var files []string
	var refused []unit
	add := func(path string, mode fs.FileMode) {
		if err := regfile.Check(path, mode); err != nil {
			refused = append(refused, unit{path: path, err: err})
			return
		}
		files = append(files, path)
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, regfile.Cause(err))
		}
		if !st.IsDir() {
			add(p, st.Mode())
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != p {
				return filepath.SkipDir
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") || !supportedInFolder(d.Name()) {
				return nil
			}
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				st, err := os.Stat(path)
				if err != nil {
					refused = append(refused, unit{path: path, err: fmt.Errorf("%s: cannot read: %w", filepath.Base(path), regfile.Cause(err))})
					return nil
				}
				mode = st.Mode()
			}
			add(path, mode)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading folder %s: %w", p, err)
		}
	}
	sort.Strings(files)
	units := append(groupUnits(files), refused...)
	sort.SliceStable(units, func(i, j int) bool { return units[i].path < units[j].path })
	return units, nil
}

// importUnit reads one unit and merges it.
func importUnit(ctx context.Context, p storage.Project, u unit, opts ImportOptions) FileResult {
	res := FileResult{Path: u.path}
	opts.knownText = func(sha string) (string, bool) {
		d, err := p.DocumentByHash(ctx, sha)
		return d.FileName, err == nil
	}
	b, notices, err := readUnit(u, opts)
	res.Notices = notices
	noSources := b != nil && errors.Is(err, ErrNoSources) // the rest of the file is still imported
	if err != nil && !noSources {
		res.Err = err
		return res
	}
	if err := attachCoder(p, b, opts); err != nil {
		res.Err = err
		return res
	}
	rep, mergeErr := p.Merge(ctx, b, nil)
	res.Documents, res.Duplicates, res.Annotations = rep.Documents, rep.Duplicates+rep.ExistingDocuments, rep.Annotations
	res.Unchanged, res.Conflicts = rep.UnchangedAnnotations, rep.Conflicts
	res.Coders, res.Codes, res.Speakers, res.Sets = rep.Annotators, rep.Codes, rep.Speakers, rep.Sets
	res.Notices = append(res.Notices, rep.Notices...)
	res.Err = mergeErr
	if res.Err == nil && noSources {
		res.Err = err
	}
	return res
}

// attachCoder gives annotations without a known coder the importing coder.
func attachCoder(p storage.Project, b *storage.Bundle, opts ImportOptions) error {
	missing := false
	for _, a := range b.Annotations {
		if a.AnnotatorID == "" {
			missing = true
			break
		}
	}
	if !missing {
		return nil
	}
	name := opts.Coder
	if name == "" {
		name = DefaultCoder()
	}
	who, err := p.EnsureAnnotator(context.Background(), name)
	if err != nil {
		return err
	}
	for i := range b.Annotations {
		if b.Annotations[i].AnnotatorID == "" {
			b.Annotations[i].AnnotatorID = who.ID
		}
	}
	for i := range b.Relations {
		if b.Relations[i].AnnotatorID == "" {
			b.Relations[i].AnnotatorID = who.ID
		}
	}
	return nil
}

// DefaultCoder is the OS user's name, the coder recorded when none is given.
func DefaultCoder() string {
	for _, k := range []string{"SAYWHO_CODER", "USER", "USERNAME", "LOGNAME"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	return "coder"
}

// readSingle reads one file of any single-file format into a bundle.
func readSingle(path string) (*storage.Bundle, []string, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, nil, err
	}
	if js, notices, ok := nativeJSON(data); ok {
		b, err := native.Import(js)
		return b, notices, err
	}
	if r, ok := archiveReaders[strings.ToLower(filepath.Ext(path))]; ok {
		return r(data)
	}
	if qdpx.Sniff(data) {
		return readREFI(data)
	}
	res, err := doc.Read(filepath.Base(path), data)
	if err != nil {
		return nil, nil, err
	}
	return &storage.Bundle{Documents: []storage.Document{res.Doc}}, res.Notices, nil
}

// nativeJSON reports whether data is a Saywho JSON export, and returns it
// as UTF-8 without a byte-order mark: Windows tools and some editors save
// JSON with a UTF-8 byte-order mark, or in UTF-16 with one. Other data is
// left to the other readers as it is (the article readers decode text
// themselves).
func nativeJSON(data []byte) ([]byte, []string, bool) {
	var notices []string
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		if !bytes.HasPrefix(data, bom) {
			continue
		}
		text, _, err := transform.Bytes(unicode.BOMOverride(encoding.Nop.NewDecoder()), data)
		if err != nil {
			return nil, nil, false
		}
		if len(bom) == 2 {
			notices = append(notices, "decoded from UTF-16 (it starts with a byte-order mark)")
		}
		data = text
		break
	}
	return data, notices, native.Sniff(data)
}

// readLimited reads a whole input file through doc.ReadBytes: a file that
// is not a regular file, or is too large, is refused before it is read.
func readLimited(path string) ([]byte, error) {
	return doc.ReadBytes(path)
}
