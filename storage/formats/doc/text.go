package doc

import (
	"bytes"
	"regexp"
)

// readText reads a text file: HTML when its content says so or its
// extension is an HTML one, Markdown by extension, plain text otherwise.
// The format is the one its extension maps to ("" when it has none).
func readText(data []byte, format string) (*Result, error) {
	isHTML := func(b []byte) bool { return format == FormatHTML || looksHTML(b) }
	d, err := decode(data, isHTML)
	if err != nil {
		return nil, err
	}
	var res *Result
	switch {
	case isHTML(d.text):
		res, err = readHTML(d.text)
	case format == FormatMarkdown:
		res = readMarkdown(d.text)
	default:
		res = &Result{}
		res.Doc.Format, res.Doc.Text = FormatTxt, string(d.text)
	}
	if err != nil {
		return nil, err
	}
	res.Notices = append(d.notices, res.Notices...)
	return res, nil
}

// htmlStart matches what an HTML document starts with, after optional
// whitespace, an XML declaration and comments.
var htmlStart = regexp.MustCompile(`(?is)^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])`)

// looksHTML sniffs the start of text for an HTML document.
func looksHTML(text []byte) bool {
	head := text[:min(len(text), 4096)]
	return htmlStart.Match(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")))
}
