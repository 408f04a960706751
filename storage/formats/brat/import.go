package brat

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
	"github.com/saywho-app/saywho/storage/formats/internal/textmap"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Attribute keys and brat names Saywho uses to keep what has no field of
// its own.
const (
	// AttrEvent on an event trigger's annotation keeps its brat events, one
	// a line: "Type Role:annotationID Role:annotationID ...".
	AttrEvent = "brat_event"
	// attrCode is the brat attribute name carrying a code (by name).
	attrCode = "Code"
	// attrOrigin and attrState carry a detector suggestion's origin and state.
	attrOrigin = "Saywho_origin"
	attrState  = "Saywho_state"
)

// ErrNoDocuments is returned when the files hold no brat document.
var ErrNoDocuments = errors.New("no brat documents (NAME.txt with NAME.ann or NAME_CODER.ann)")

// ImportOptions control Import.
type ImportOptions struct {
	// Mapping from brat labels to Saywho kinds and relations; nil means
	// DefaultMapping.
	Mapping *Mapping
	// Coder names the annotator of NAME.ann files, which carry no coder in
	// their name; "" means "brat".
	Coder string
	// KnownText, when set, returns the file name of the project's document
	// with this text (by SHA-256 of the stored text), if there is one.
	KnownText func(sha256 string) (fileName string, ok bool)
}

// Import reads brat standoff files, keyed by file name (folders in the key
// are ignored): each NAME.txt with its NAME.ann and NAME_CODER.ann files.
// Every .ann file is one coder's work on its text and becomes that coder's
// annotations (annotator CODER, or opts.Coder). A text already read under
// another file name (earlier in files, or in the project per
// opts.KnownText) becomes the same document, so each of its .ann files
// gets a coder of its own named after the file (NAME or NAME_CODER) and
// the two files' work stays apart. The returned report lists what could
// not be mapped.
func Import(files map[string][]byte, opts ImportOptions) (*storage.Bundle, []string, error) {
	m := DefaultMapping()
	if opts.Mapping != nil {
		m = *opts.Mapping
	}
	coder := opts.Coder
	if coder == "" {
		coder = "brat"
	}
	texts, anns, other := sortFiles(files)
	if len(texts) == 0 {
		return nil, nil, ErrNoDocuments
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	im := &importer{m: m, b: &storage.Bundle{Project: storage.ProjectInfo{Created: now}}, now: now, known: opts.KnownText,
		coders: map[string]string{}, codes: map[string]string{}, speakers: map[string]string{}, tally: map[string]int{}, texts: map[string]string{}}
	byText := matchAnns(texts, anns, im)
	for _, name := range sortedKeys(texts) {
		im.importDocument(name, texts[name], byText[name], coder)
	}
	for _, name := range other {
		if !isConfig(name) {
			im.notef("%s: not a brat file; ignored", name)
		}
	}
	im.flushTally()
	lookup.SortAnnotations(im.b)
	return im.b, im.report, nil
}

// annFile is an .ann file with the coder its name gives.
type annFile struct {
	name, coder string
	data        []byte
}

func sortFiles(files map[string][]byte) (texts, anns map[string][]byte, other []string) {
	texts, anns = map[string][]byte{}, map[string][]byte{}
	for k, v := range files {
		base := path.Base(strings.ReplaceAll(k, "\\", "/"))
		switch strings.ToLower(path.Ext(base)) {
		case ".txt":
			texts[strings.TrimSuffix(base, path.Ext(base))] = v
		case ".ann":
			anns[strings.TrimSuffix(base, path.Ext(base))] = v
		default:
			other = append(other, base)
		}
	}
	sort.Strings(other)
	return texts, anns, other
}

// matchAnns pairs each NAME.ann or NAME_CODER.ann with the longest text
// stem NAME it extends.
func matchAnns(texts, anns map[string][]byte, im *importer) map[string][]annFile {
	out := map[string][]annFile{}
	for _, stem := range sortedKeys(anns) {
		best, ok := stem, false
		for {
			if _, ok = texts[best]; ok {
				break
			}
			i := strings.LastIndexByte(best, '_')
			if i <= 0 {
				break
			}
			best = best[:i]
		}
		if !ok {
			im.notef("%s.ann: no %s.txt (or NAME.txt for NAME_CODER.ann) among the files; not imported", stem, stem)
			continue
		}
		out[best] = append(out[best], annFile{name: stem + ".ann", coder: strings.TrimPrefix(strings.TrimPrefix(stem, best), "_"), data: anns[stem]})
	}
	return out
}

func isConfig(name string) bool {
	switch name {
	case "annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf", ".saywho-export", "mapping.txt":
		return true
	}
	return strings.HasPrefix(name, ".")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// importer accumulates the bundle.
type importer struct {
	m        Mapping
	b        *storage.Bundle
	report   []string
	tally    map[string]int
	now      time.Time
	known    func(sha256 string) (string, bool)
	texts    map[string]string // SHA-256 of a text read → its file name
	coders   map[string]string // coder name → annotator id
	codes    map[string]string // code name → code id
	speakers map[string]string // reference key → speaker id
}

func (im *importer) notef(format string, args ...any) {
	im.report = append(im.report, fmt.Sprintf(format, args...))
}

// count records a problem that may repeat; flushTally reports it once
// with its count.
func (im *importer) count(format string, args ...any) { im.tally[fmt.Sprintf(format, args...)]++ }

func (im *importer) flushTally() {
	for _, k := range sortedKeys(im.tally) {
		if n := im.tally[k]; n > 1 {
			im.notef("%s (%d times)", k, n)
		} else {
			im.notef("%s", k)
		}
	}
}

func (im *importer) importDocument(stem string, data []byte, anns []annFile, defaultCoder string) {
	if !utf8.Valid(data) {
		im.notef("%s.txt is not UTF-8 text; not imported", stem)
		return
	}
	orig := string(data)
	text, tm := textmap.Normalize(orig)
	d := storage.Document{ID: storage.NewID(), Title: title(text, stem), FileName: stem + ".txt", Format: "txt",
		Imported: im.now, Status: storage.StatusNew, SHA256: textutil.SHA256(text), Length: len([]rune(text)), Text: text}
	im.b.Documents = append(im.b.Documents, d)
	if !tm.Identity() && len(anns) > 0 {
		im.notef("%s.txt: text normalised (line ends, Unicode NFC); offsets moved accordingly", stem)
	}
	doc := &docContext{id: d.ID, name: stem, orig: []rune(orig), tm: tm, ix: textutil.NewIndex(text)}
	first := im.sameText(d)
	for _, a := range anns {
		coder := a.coder
		if coder == "" {
			coder = defaultCoder
		}
		if first != "" {
			coder = strings.TrimSuffix(a.name, ".ann")
			im.notef("%s has the same text as %s: %s is kept apart as coder %q", d.FileName, first, a.name, coder)
		}
		if !utf8.Valid(a.data) {
			im.notef("%s is not UTF-8 text; not imported", a.name)
			continue
		}
		im.importAnn(doc, a.name, im.coder(coder), Parse(a.data))
	}
}

// sameText returns the file name under which d's text was read before,
// in this import or into the project, when that is another file; else "".
func (im *importer) sameText(d storage.Document) string {
	first, ok := im.texts[d.SHA256]
	if !ok {
		im.texts[d.SHA256] = d.FileName
		if im.known != nil {
			first, ok = im.known(d.SHA256)
		}
	}
	if !ok || first == d.FileName {
		return ""
	}
	if first == "" {
		return "a document without a file name"
	}
	return first
}

// title is the first non-empty line of the text, shortened.
func title(text, fallback string) string {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if r := []rune(line); len(r) > 200 {
				return string(r[:199]) + "…"
			}
			return line
		}
	}
	return fallback
}

func (im *importer) coder(name string) string {
	if id, ok := im.coders[name]; ok {
		return id
	}
	id := storage.NewID()
	im.coders[name] = id
	im.b.Annotators = append(im.b.Annotators, storage.Annotator{ID: id, Name: name, Created: im.now})
	return id
}
