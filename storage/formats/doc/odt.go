package doc

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/safezip"
)

// readODT reads an OpenDocument text: each text:p and text:h of
// content.xml is a paragraph, with text:s (spaces), text:tab and
// text:line-break; notes, comments and tracked deletions are left out.
// Title, author and date come from meta.xml.
func readODT(a *safezip.Archive) (*Result, error) {
	body, err := readPart(a, "content.xml")
	if err != nil {
		return nil, err
	}
	w := odtWalker{space: true}
	if err := walkXML("content.xml", body, &w); err != nil {
		return nil, err
	}
	res := &Result{}
	res.Doc.Format, res.Doc.Text = FormatODT, w.p.String()
	if meta, err := a.ReadFile("meta.xml"); err == nil {
		var m struct {
			Meta struct {
				Title   string `xml:"title"`
				Initial string `xml:"initial-creator"`
				Creator string `xml:"creator"`
				Date    string `xml:"date"`
				Created string `xml:"creation-date"`
			} `xml:"meta"`
		}
		if unmarshalXML("meta.xml", meta, &m) == nil {
			res.Doc.Title = m.Meta.Title
			res.Doc.Byline = firstSet(m.Meta.Initial, m.Meta.Creator)
			res.Doc.Published = firstSet(m.Meta.Date, m.Meta.Created)
		}
	}
	return res, nil
}

// firstSet returns the first of its arguments that is not blank.
func firstSet(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// odtWalker collects the paragraphs of content.xml. ODF collapses white
// space in text as HTML does: space tracks whether the last character
// written was a collapsible space.
type odtWalker struct {
	p     paragraphs
	space bool
}

// odtSkipped are elements whose content is not body text.
var odtSkipped = map[string]bool{"note": true, "annotation": true, "tracked-changes": true, "automatic-styles": true}

func (w *odtWalker) start(d *xml.Decoder, el xml.StartElement) error {
	switch el.Name.Local {
	case "p", "h":
		w.p.Break(paraGap)
		w.space = true
	case "s":
		n := 1
		for _, at := range el.Attr {
			if at.Name.Local == "c" {
				if c, err := strconv.Atoi(at.Value); err == nil {
					n = min(max(c, 1), 1000)
				}
			}
		}
		w.p.WriteString(strings.Repeat(" ", n))
		w.space = false
	case "tab":
		w.p.WriteRune('\t')
		w.space = false
	case "line-break":
		w.p.WriteRune('\n')
		w.space = true
	default:
		if odtSkipped[el.Name.Local] {
			return d.Skip()
		}
	}
	return nil
}

func (w *odtWalker) end(el xml.EndElement) {
	if el.Name.Local == "p" || el.Name.Local == "h" {
		w.p.Break(paraGap)
		w.space = true
	}
}

func (w *odtWalker) text(b []byte) {
	for _, r := range string(b) {
		switch {
		case r != ' ' && r != '\t' && r != '\n' && r != '\r':
			w.p.WriteRune(r)
			w.space = false
		case !w.space:
			w.p.WriteRune(' ')
			w.space = true
		}
	}
}
