package doc

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown parses CommonMark with GitHub tables and strikethrough.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// readMarkdown removes the markup of a Markdown text: paragraphs and
// headings become blocks separated by a blank line, list items and table
// rows one a line, links keep their text, code keeps its text, images and
// raw HTML go. The title is the YAML front matter's, else the first
// heading's (else finish takes the first line). A text goldmark would
// take too long or too much memory on (see mdTooHard) is kept as plain
// text, with a notice.
func readMarkdown(src []byte) *Result {
	res := &Result{}
	src = frontMatter(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), &res.Doc)
	if why := mdTooHard(src); why != "" {
		res.Doc.Format, res.Doc.Text = FormatMarkdown, string(src)
		res.Notices = append(res.Notices, why+": imported as plain text")
		return res
	}
	root := markdown.Parser().Parse(gtext.NewReader(src))
	w := mdWalker{src: src}
	_ = ast.Walk(root, w.visit)
	res.Doc.Format, res.Doc.Text = FormatMarkdown, w.p.String()
	if res.Doc.Title == "" {
		res.Doc.Title = w.heading
	}
	return res
}

// mdWalker writes the text of a Markdown tree.
type mdWalker struct {
	src     []byte
	p       paragraphs
	heading string // the first heading's text
}

// visit is the ast.Walker.
func (w *mdWalker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	switch n := n.(type) {
	case *ast.Heading:
		if !entering && w.heading == "" {
			w.heading = w.p.cur.String()
		}
		w.p.Break(paraGap)
	case *ast.Paragraph, *ast.ThematicBreak, *ast.Blockquote, *east.Table:
		w.p.Break(blockGap(n))
	case *ast.List:
		w.p.Break(blockGap(n))
	case *ast.ListItem, *ast.TextBlock, *east.TableRow, *east.TableHeader:
		w.p.Break(lineGap)
	case *east.TableCell:
		if !entering && n.NextSibling() != nil {
			w.p.WriteRune('\t')
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.p.Break(paraGap)
		if entering {
			w.lines(n)
		}
	case *ast.HTMLBlock, *ast.RawHTML, *ast.Image:
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		if entering {
			w.text(n)
		}
	case *ast.String:
		if entering {
			w.p.cur.Write(n.Value)
		}
	case *ast.AutoLink:
		if entering {
			w.p.cur.Write(n.Label(w.src))
		}
	}
	return ast.WalkContinue, nil
}

// blockGap is a blank line, or a line break inside a list item.
func blockGap(n ast.Node) string {
	if _, inItem := n.Parent().(*ast.ListItem); inItem {
		return lineGap
	}
	return paraGap
}

// lines writes the lines of a code block as they are.
func (w *mdWalker) lines(n ast.Node) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		w.p.cur.Write(seg.Value(w.src))
	}
}

// text writes a text node: escapes and entities resolved (raw text, as in
// code spans, as is), a soft line break as a space, a hard one as "\n".
func (w *mdWalker) text(n *ast.Text) {
	v := n.Segment.Value(w.src)
	if !n.IsRaw() {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
	}
	w.p.cur.Write(v)
	switch {
	case n.HardLineBreak():
		w.p.WriteRune('\n')
	case n.SoftLineBreak():
		last, _ := utf8.DecodeLastRune(v)
		var next rune
		if t, ok := n.NextSibling().(*ast.Text); ok {
			next, _ = utf8.DecodeRune(t.Segment.Value(w.src))
		}
		w.p.WriteString(joiner(last, next))
	}
}
