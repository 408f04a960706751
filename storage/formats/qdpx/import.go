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
var ErrNotREFI = errors.New("not a REFI-QDA project (.qdpx or .qde)")

// Import reads a .qdpx archive or a bare project.qde. It returns the bundle
// and a report of everything that could not be mapped (picture, audio and
// video sources, sets, graphs, source-level codings, notes attached to
// nothing, unknown code references, ...): nothing is dropped silently.
// Text positions count code points of each source file as shipped; they
// are moved onto the normalised text Saywho stores.
func Import(data []byte) (*storage.Bundle, []string, error) {
	var read func(name string) ([]byte, error)
	qde := data
	if safezip.IsZip(data) {
		a, err := safezip.FromBytes(data, safezip.DefaultLimits)
		if err != nil {
			return nil, nil, err
		}
		name, err := projectEntry(a)
		if err != nil {
			return nil, nil, err
		}
		if qde, err = a.ReadFile(name); err != nil {
			return nil, nil, err
		}
		read = func(file string) ([]byte, error) {
			b, err := a.ReadFile("sources/" + file)
			if errors.Is(err, safezip.ErrNotFound) {
				b, err = a.ReadFile(file)
			}
			return b, err
		}
	}
	p, err := decode(qde)
	if err != nil {
		return nil, nil, err
	}
	im := newImporter(p, read)
	im.run()
	return im.b, im.report, nil
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

func decode(data []byte) (*qdeProject, error) {
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
	var p qdeProject
	if err := d.Decode(&p); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotREFI, err)
	}
	if p.XMLName.Local != "Project" {
		return nil, fmt.Errorf("%w: the root element is <%s>, not <Project>", ErrNotREFI, p.XMLName.Local)
	}
	return &p, nil
}

// importer turns a decoded project into a bundle.
type importer struct {
	p      *qdeProject
	read   func(name string) ([]byte, error) // files of sources/; nil for a bare .qde
	b      *storage.Bundle
	report []string
	now    time.Time

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
