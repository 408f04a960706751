package doc

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML extracts the main article of an HTML page (already UTF-8)
// with go-readability, a port of Firefox's Reader View: title, byline,
// site name, publication date, and the article's text; the canonical URL
// comes from <link rel="canonical"> or og:url. Nothing is fetched: the
// page is parsed from memory, with no base URL, and images, scripts and
// style sheets are only ever seen as markup. When readability finds no
// article, the text of the whole body without page chrome is used.
func readHTML(src []byte) (*Result, error) {
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	res := &Result{}
	d := &res.Doc
	d.Format, d.URL = FormatHTML, canonicalURL(root)
	parser := readability.NewParser()
	art, err := parser.ParseDocument(root, nil)
	if err == nil {
		d.Title, d.Byline, d.Outlet = trimSiteName(art.Title(), art.SiteName()), art.Byline(), art.SiteName()
		if t, err := art.PublishedTime(); err == nil {
			d.Published = t.Format(time.DateOnly)
		}
		if art.Node != nil {
			d.Text = htmlText(art.Node, false)
		}
	}
	if strings.TrimSpace(d.Text) == "" {
		body := findElement(root, atom.Body)
		if body == nil {
			body = root
		}
		d.Text = htmlText(body, true)
		if d.Text != "" {
			res.Notices = append(res.Notices, "no main article found: imported the text of the whole page")
		}
	}
	return res, nil
}

// canonicalURL returns the page's <link rel="canonical"> address, else its
// og:url, else "".
func canonicalURL(n *html.Node) string {
	var canonical, og string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Link && canonical == "" &&
				slices.Contains(strings.Fields(strings.ToLower(attr(n, "rel"))), "canonical"):
				canonical = attr(n, "href")
			case n.DataAtom == atom.Meta && og == "" && attr(n, "property") == "og:url":
				og = attr(n, "content")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if canonical != "" {
		return canonical
	}
	return og
}

// trimSiteName removes the site's name from the end or start of a page
// title ("Talks resume – The Daily"), which readability keeps when the rest
// is short.
func trimSiteName(title, site string) string {
	site = strings.TrimSpace(site)
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " – ", " — ", " - ", " · ", " :: "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return t
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
			return t
		}
	}
	return title
}
