package doc

import (
	"regexp"
	"strings"

	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// noText lists elements whose content is never article text.
var noText = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Canvas: true, atom.Form: true,
}

// pageChrome lists the elements dropped too when a whole page, rather
// than an extracted article, is turned into text.
var pageChrome = map[atom.Atom]bool{atom.Header: true, atom.Footer: true, atom.Aside: true}

// htmlText returns the visible text of n with blocks (paragraphs,
// headings, list items, table rows) on lines of their own and paragraphs
// separated by a blank line, the layout of a browser's innerText: it is
// readability's renderer, run after elements that hold no article text
// (scripts, styles, navigation, forms; with chrome, also page headers,
// footers and asides) are removed from n.
func htmlText(n *html.Node, chrome bool) string {
	prune(n, chrome)
	return tidy(render.InnerText(n))
}

// prune removes the elements of noText (and pageChrome if chrome) and
// hidden elements below n.
func prune(n *html.Node, chrome bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (noText[c.DataAtom] || (chrome && pageChrome[c.DataAtom]) || hidden(c)) {
			n.RemoveChild(c)
		} else {
			prune(c, chrome)
		}
		c = next
	}
}

// hidden reports whether an element is hidden by its attributes.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			return a.Val == "" || a.Val == "true"
		case "style":
			if strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
				return true
			}
		}
	}
	return false
}

// blankLines matches runs of lines that are empty or hold only spaces.
var blankLines = regexp.MustCompile(`\n[ \t\x{00A0}]*(\n[ \t\x{00A0}]*)+`)

// tidy trims trailing spaces off lines and turns runs of blank lines into
// one.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s = blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	return strings.TrimSpace(s)
}

// findElement returns the first element below n (depth first) of kind a.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := findElement(c, a); found != nil {
			return found
		}
	}
	return nil
}

// attr returns the value of n's attribute key.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
