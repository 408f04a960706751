package qdpx

import (
	"path"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/textmap"
	"github.com/saywho-app/saywho/storage/textutil"
)

// namedSource is a text source with the name to show: a TextSource, or a
// PDFSource's plain-text Representation under the PDF's name.
type namedSource struct {
	qdeTextSource
	title  string
	format string
}

func (im *importer) allTextSources() []namedSource {
	s := im.p.Sources
	if s == nil {
		return nil
	}
	var out []namedSource
	for _, t := range s.Text {
		out = append(out, namedSource{qdeTextSource: t, title: t.Name})
	}
	for _, p := range s.PDF {
		if p.Representation != nil {
			out = append(out, namedSource{qdeTextSource: *p.Representation, title: p.Name, format: "pdf"})
		}
	}
	return out
}

func (im *importer) importSources() {
	s := im.p.Sources
	if s == nil {
		return
	}
	im.sources = len(s.Text) + len(s.PDF) + len(s.Picture) + len(s.Audio) + len(s.Video)
	for _, src := range im.allTextSources() {
		im.importSource(src)
	}
	skipped := map[string]int{"picture": len(s.Picture), "audio": len(s.Audio), "video": len(s.Video)}
	for _, p := range s.PDF {
		if p.Representation == nil {
			skipped["PDF (without a plain-text representation)"]++
		}
		if len(p.Selections) > 0 {
			im.notef("PDF %q: %d area selections (page coordinates) not imported", p.Name, len(p.Selections))
		}
		if len(p.Codings) > 0 {
			im.notef("PDF %q: %d codings of the whole source not imported", p.Name, len(p.Codings))
		}
	}
	for what, n := range skipped {
		if n > 0 {
			im.refused += n
			im.notef("%d %s source(s) not imported: Saywho works on text", n, what)
		}
	}
}

func (im *importer) importSource(src namedSource) {
	raw, ok := im.sourceText(src.qdeTextSource, "source")
	if !ok {
		im.refused++
		if n := len(src.Selections); n > 0 {
			im.notef("source %q: its %d selections were not imported with it", src.title, n)
		}
		return
	}
	text, tm := textmap.Normalize(raw)
	vals := im.values(src.Values)
	title := strings.TrimSpace(src.title)
	d := storage.Document{ID: guid.For(src.GUID), Title: title, Text: text,
		SHA256: textutil.SHA256(text), Length: len([]rune(text)), Status: storage.StatusNew,
		Outlet: vals[varOutlet], Byline: vals[varByline], Published: vals[varPublished], URL: vals[varURL],
		FileName: vals[varFileName], Format: vals[varFormat]}
	if _, dup := im.docs[d.ID]; dup {
		im.notef("source %q appears twice; kept once", title)
		return
	}
	if d.FileName == "" && isDocName(title) {
		d.FileName, d.Title = title, strings.TrimSuffix(title, path.Ext(title))
	}
	if d.Title == "" {
		d.Title = d.FileName
	}
	if d.Format == "" {
		d.Format = src.format
	}
	if d.Format == "" {
		d.Format = "txt"
	}
	if st := vals[varStatus]; st == storage.StatusNew || st == storage.StatusInProgress || st == storage.StatusDone {
		d.Status = st
	}
	if d.Imported = parseStamp(src.CreationDateTime); d.Imported.IsZero() {
		d.Imported = im.now
	}
	for name := range vals {
		switch name {
		case varOutlet, varByline, varPublished, varURL, varFileName, varFormat, varStatus:
		default:
			im.notef("source %q: variable %q not imported (Saywho documents have no such field)", d.Title, name)
		}
	}
	if !tm.Identity() {
		im.notef("source %q: text normalised (line ends, Unicode NFC); positions moved accordingly", d.Title)
	}
	if len(src.Codings) > 0 {
		im.notef("source %q: %d codings of the whole source not imported", d.Title, len(src.Codings))
	}
	im.docs[guid.For(src.GUID)] = d.ID
	im.b.Documents = append(im.b.Documents, d)
	ix := textutil.NewIndex(text)
	for _, sel := range src.Selections {
		im.importSelection(&d, ix, tm, sel)
	}
}

// isDocName reports whether a source name looks like a file name.
func isDocName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".docx", ".doc", ".rtf", ".pdf", ".odt", ".html", ".htm", ".md":
		return true
	}
	return false
}
