package doc

import (
	"encoding/xml"

	"github.com/saywho-app/saywho/storage/formats/safezip"
)

// docxBody is the main part of a Word document.
const docxBody = "word/document.xml"

// readDOCX reads a Word document: each w:p of the body is a paragraph,
// w:t its text, w:tab a tab and w:br a line break; title, author and
// creation date come from docProps/core.xml.
func readDOCX(a *safezip.Archive) (*Result, error) {
	body, err := readPart(a, docxBody)
	if err != nil {
		return nil, err
	}
	var w docxWalker
	if err := walkXML(docxBody, body, &w); err != nil {
		return nil, err
	}
	res := &Result{}
	res.Doc.Format, res.Doc.Text = FormatDOCX, w.p.String()
	if core, err := a.ReadFile("docProps/core.xml"); err == nil {
		var m struct {
			Title   string `xml:"title"`
			Creator string `xml:"creator"`
			Created string `xml:"created"`
		}
		if unmarshalXML("docProps/core.xml", core, &m) == nil {
			res.Doc.Title, res.Doc.Byline, res.Doc.Published = m.Title, m.Creator, m.Created
		}
	}
	return res, nil
}

// docxWalker collects the paragraphs of word/document.xml.
type docxWalker struct {
	p   paragraphs
	run int  // depth of w:r elements
	inT bool // inside w:t
}

// docxSkipped are elements whose content is not text of the document:
// paragraph, run and section properties (which hold w:tab stops), and the
// fallback copy of alternate content (which repeats text boxes).
var docxSkipped = map[string]bool{"pPr": true, "rPr": true, "sectPr": true, "tblPr": true, "Fallback": true}

func (w *docxWalker) start(d *xml.Decoder, el xml.StartElement) error {
	switch el.Name.Local {
	case "p":
		w.p.Break(paraGap)
	case "r":
		w.run++
	case "t":
		w.inT = w.run > 0
	case "tab":
		if w.run > 0 {
			w.p.WriteRune('\t')
		}
	case "br", "cr":
		if w.run > 0 {
			w.p.WriteRune('\n')
		}
	case "noBreakHyphen":
		w.p.WriteRune('-')
	default:
		if docxSkipped[el.Name.Local] {
			return d.Skip()
		}
	}
	return nil
}

func (w *docxWalker) end(el xml.EndElement) {
	switch el.Name.Local {
	case "p":
		w.p.Break(paraGap)
	case "r":
		w.run = max(w.run-1, 0)
	case "t":
		w.inT = false
	}
}

func (w *docxWalker) text(b []byte) {
	if w.inT {
		w.p.WriteString(string(b))
	}
}
