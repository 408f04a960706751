package doc

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/safezip"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// epubContainer is META-INF/container.xml.
type epubContainer struct {
	Rootfiles []struct {
		Path string `xml:"full-path,attr"`
		Type string `xml:"media-type,attr"`
	} `xml:"rootfiles>rootfile"`
}

// epubPackage is the OPF package document.
type epubPackage struct {
	Title   []string `xml:"metadata>title"`
	Creator []string `xml:"metadata>creator"`
	Date    []string `xml:"metadata>date"`
	Items   []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		Type       string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef  string `xml:"idref,attr"`
		Linear string `xml:"linear,attr"`
	} `xml:"spine>itemref"`
}

// readEPUB reads an e-book: META-INF/container.xml names the OPF package,
// whose spine lists the XHTML chapters in reading order; each chapter's
// body text is taken as a browser lays it out, without readability (a
// chapter is all content). Title, author and date come from the OPF's
// Dublin Core metadata.
func readEPUB(a *safezip.Archive) (*Result, error) {
	opfPath, err := epubRoot(a)
	if err != nil {
		return nil, err
	}
	data, err := readPart(a, opfPath)
	if err != nil {
		return nil, err
	}
	var pkg epubPackage
	if err := unmarshalXML(opfPath, data, &pkg); err != nil {
		return nil, err
	}
	res := &Result{}
	d := &res.Doc
	d.Format = FormatEPUB
	d.Title, d.Published = firstSet(pkg.Title...), firstSet(pkg.Date...)
	d.Byline = strings.Join(pkg.Creator, ", ")
	chapters, repeated := epubChapters(&pkg, path.Dir(opfPath))
	if repeated > 0 {
		res.Notices = append(res.Notices, fmt.Sprintf("the spine lists chapters more than once (%d repeats): each chapter is read once", repeated))
	}
	if err := checkSpineSize(a, chapters); err != nil {
		return nil, err
	}
	var p paragraphs
	for _, ch := range chapters {
		text, err := epubChapter(a, ch)
		if errors.Is(err, safezip.ErrNotFound) {
			res.Notices = append(res.Notices, fmt.Sprintf("chapter %s is missing from the archive: skipped", ch))
			continue
		}
		if err != nil {
			return nil, err
		}
		p.WriteString(text)
		p.Break(paraGap)
	}
	d.Text = p.String()
	return res, nil
}

// epubRoot returns the path of the OPF package named by container.xml.
func epubRoot(a *safezip.Archive) (string, error) {
	const name = "META-INF/container.xml"
	data, err := readPart(a, name)
	if err != nil {
		return "", err
	}
	var c epubContainer
	if err := unmarshalXML(name, data, &c); err != nil {
		return "", err
	}
	for _, r := range c.Rootfiles {
		if r.Path != "" && (r.Type == "" || r.Type == "application/oebps-package+xml") {
			return r.Path, nil
		}
	}
	return "", fmt.Errorf("%w: %s names no OPF package", ErrCorrupt, name)
}

// epubChapters returns the archive paths of the spine's linear XHTML
// documents in reading order (the navigation document excluded), each
// once, and how many repeats of a chapter already listed were left out
// (EPUB forbids them; a spine repeating one chapter many times would make
// a small file read it many times).
func epubChapters(pkg *epubPackage, dir string) (chapters []string, repeated int) {
	items := map[string]int{}
	for i, it := range pkg.Items {
		items[it.ID] = i
	}
	seen := map[string]bool{}
	for _, ref := range pkg.Spine {
		i, ok := items[ref.IDRef]
		if !ok || ref.Linear == "no" {
			continue
		}
		it := pkg.Items[i]
		if strings.Contains(" "+it.Properties+" ", " nav ") || (it.Type != "application/xhtml+xml" && it.Type != "text/html") {
			continue
		}
		href, _, _ := strings.Cut(it.Href, "#")
		if u, err := url.PathUnescape(href); err == nil {
			href = u
		}
		ch := path.Join(dir, href)
		if seen[ch] {
			repeated++
			continue
		}
		seen[ch] = true
		chapters = append(chapters, ch)
	}
	return chapters, repeated
}

// maxEPUBSpine bounds the XHTML of an e-book's chapters together: as much
// as a text file may hold, since their text is gathered into one document.
const maxEPUBSpine = MaxFileSize

// checkSpineSize refuses an e-book whose chapters add up to more than
// maxEPUBSpine, from the sizes the archive declares for them (safezip
// stops an entry that inflates beyond its declared size), before any
// chapter is read.
func checkSpineSize(a *safezip.Archive, chapters []string) error {
	var total int64 // safezip refuses an entry declaring more than 128 MiB, so this cannot overflow
	for _, ch := range chapters {
		if e, ok := a.Find(ch); ok { // a missing one is reported when read
			total += e.Size
		}
	}
	if total > maxEPUBSpine {
		return fmt.Errorf("%w: its %d chapters hold %.1f MiB of XHTML together, more than the %d MiB Saywho reads from an e-book",
			ErrTooLarge, len(chapters), float64(total)/(1<<20), maxEPUBSpine>>20)
	}
	return nil
}

// selfClosing matches XML-style empty elements that an HTML parser would
// take for start tags swallowing the rest of the document as raw text.
var selfClosing = regexp.MustCompile(`(?i)<(title|script|style|textarea|iframe|noscript|xmp|noembed|noframes)(\s[^<>]*?)?/>`)

// epubChapter returns the body text of one XHTML chapter, parsed as HTML
// once XML-style empty elements are written out in full.
func epubChapter(a *safezip.Archive, name string) (string, error) {
	data, err := a.ReadFile(name)
	if err != nil {
		return "", err
	}
	dec, err := decode(data, func([]byte) bool { return true })
	if err != nil {
		return "", fmt.Errorf("chapter %s: %w", name, err)
	}
	root, err := html.Parse(strings.NewReader(selfClosing.ReplaceAllString(string(dec.text), "<$1$2></$1>")))
	if err != nil {
		return "", fmt.Errorf("%w: chapter %s: %v", ErrCorrupt, name, err)
	}
	body := findElement(root, atom.Body)
	if body == nil {
		return "", nil
	}
	return htmlText(body, false), nil
}
