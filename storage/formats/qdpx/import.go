package qdpx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/safezip"
)

// ErrNotREFI is returned (wrapped) for data that is neither a .qdpx archive
// nor a REFI-QDA project document.
var ErrNotREFI = errors.New("not a REFI-QDA project or codebook (.qdpx, .qde or .qdc)")

// Result is what Read makes of a REFI-QDA file.
type Result struct {
	Bundle  *storage.Bundle
	Notices []string // everything that could not be mapped, and why
	Sources int      // sources the project lists: text, PDF, picture, audio, video
	Refused int      // of those, the ones that did not become a document
}

// Read reads a .qdpx archive, a bare project.qde or a .qdc codebook (told
// apart by their content). It returns the bundle and a report of
// everything that could not be mapped (picture, audio and video sources,
// sources whose text cannot be read, sets of codes, graphs, source-level
// codings, notes attached to nothing, unknown code references, ...):
// nothing is dropped silently. Text positions count code points of each
// source file as shipped; they are moved onto the normalised text Saywho
// stores.
func Read(data []byte) (Result, error) {
	var read func(name string) ([]byte, error)
	qde := data
	if safezip.IsZip(data) {
		a, err := safezip.FromBytes(data, safezip.DefaultLimits)
		if err != nil {
			return Result{}, err
		}
		name, err := projectEntry(a)
		if err != nil {
			return Result{}, err
		}
		if qde, err = a.ReadFile(name); err != nil {
			return Result{}, err
		}
		read = func(file string) ([]byte, error) {
			b, err := a.ReadFile("sources/" + file)
			if errors.Is(err, safezip.ErrNotFound) {
				b, err = a.ReadFile(file)
			}
			return b, err
		}
	}
	root, err := rootElement(qde)
	if err != nil {
		return Result{}, err
	}
	var p *qdeProject
	var report []string
	switch {
	case root == "CodeBook" && read == nil:
		p, report, err = decodeCodebook(qde)
	case root == "Project":
		p = &qdeProject{}
		err = decode(qde, p)
	default:
		err = fmt.Errorf("%w: the root element is <%s>, not <Project> or <CodeBook>", ErrNotREFI, root)
	}
	if err != nil {
		return Result{}, err
	}
	im := newImporter(p, read)
	im.report = report
	im.run()
	return Result{Bundle: im.b, Notices: im.report, Sources: im.sources, Refused: im.refused}, nil
}

// Import is Read for callers that need only the bundle and the report.
func Import(data []byte) (*storage.Bundle, []string, error) {
	r, err := Read(data)
	return r.Bundle, r.Notices, err
}

// projectEntry finds project.qde in an archive (any case; or the only .qde
// file at the top level).
func projectEntry(a *safezip.Archive) (string, error) {
	if e, ok := a.Find("project.qde"); ok {
		return e.Name, nil
	}
	var found []string
	for _, e := range a.Entries() {
		if !e.IsDir && !strings.Contains(e.Name, "/") && strings.EqualFold(path.Ext(e.Name), ".qde") {
			found = append(found, e.Name)
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("%w: the archive has no project.qde", ErrNotREFI)
	}
	return found[0], nil
}

// xmlDecoder reads REFI-QDA XML, which is UTF-8 (a byte-order mark and
// leading blanks are skipped).
func xmlDecoder(data []byte) (*xml.Decoder, error) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if !bytes.HasPrefix(trimmed, []byte("<")) {
		return nil, ErrNotREFI
	}
	d := xml.NewDecoder(bytes.NewReader(trimmed))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8":
			return in, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported (REFI-QDA files are UTF-8)", label)
	}
	return d, nil
}

// rootElement returns the local name of the document's root element.
func rootElement(data []byte) (string, error) {
	d, err := xmlDecoder(data)
	if err != nil {
		return "", err
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrNotREFI, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, nil
		}
	}
}

// decode reads a whole document into v.
func decode(data []byte, v any) error {
	d, err := xmlDecoder(data)
	if err != nil {
		return err
	}
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrNotREFI, err)
	}
	return nil
}

// importer turns a decoded project into a bundle.
type importer struct {
	p      *qdeProject
	read   func(name string) ([]byte, error) // files of sources/; nil for a bare .qde
	b      *storage.Bundle
	report []string
	now    time.Time

	sources int // sources listed
	refused int // sources not imported

	users       map[string]string       // user GUID → annotator id
	defaultUser string                  // annotator for things without a user
	codes       map[string]string       // code GUID → code id
	kinds       map[string]storage.Kind // code GUID → annotation kind
	vars        map[string]string       // variable GUID → name
	notes       map[string]*note        // note GUID → note
	sels        map[string]string       // selection GUID → annotation id
	anns        map[string]*storage.Annotation
	docs        map[string]string // source GUID → document id
	speakers    map[string]string // case GUID → speaker id
}

func newImporter(p *qdeProject, read func(string) ([]byte, error)) *importer {
	now := parseStamp(p.CreationDateTime)
	if now.IsZero() {
		now = time.Now().UTC().Truncate(time.Millisecond)
	}
	return &importer{p: p, read: read, now: now,
		b:     &storage.Bundle{Project: storage.ProjectInfo{Name: p.Name, Created: now}},
		users: map[string]string{}, codes: map[string]string{}, kinds: map[string]storage.Kind{},
		vars: map[string]string{}, notes: map[string]*note{}, sels: map[string]string{},
		anns: map[string]*storage.Annotation{}, docs: map[string]string{}, speakers: map[string]string{}}
}

func (im *importer) notef(format string, args ...any) {
	im.report = append(im.report, fmt.Sprintf(format, args...))
}

func (im *importer) run() {
	im.importUsers()
	im.importCodebook()
	im.importVariables()
	im.collectNotes()
	im.importSources()
	im.importSets()
	im.indexAnnotations()
	im.importSpeakers()
	im.importLinks()
	im.attributeSelections()
	im.attachSourceNotes()
	im.reportLeftovers()
	im.finish()
}
