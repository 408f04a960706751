package doc

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
	"golang.org/x/text/unicode/norm"
)

// fuzzNames are the file names FuzzRead tries each input under.
var fuzzNames = []string{"a.txt", "a.md", "a.html", "a.docx", "a.pdf", "a"}

// checkResult fails t unless Read kept its promises: no panic, and a
// Result whose text is NFC, non-blank, without CR or control characters,
// with a title and a format.
func checkResult(t *testing.T, res *Result, err error) {
	t.Helper()
	if err != nil {
		if strings.Contains(err.Error(), readerFailed) || strings.Contains(err.Error(), "took longer") {
			t.Fatalf("a reader panicked or hung: %v", err)
		}
		return
	}
	d := res.Doc
	switch {
	case !utf8.ValidString(d.Text) || !norm.NFC.IsNormalString(d.Text):
		t.Fatalf("text is not valid NFC UTF-8: %q", d.Text)
	case strings.TrimSpace(d.Text) == "":
		t.Fatalf("blank text accepted")
	case strings.IndexFunc(d.Text, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		t.Fatalf("control character in text %q", d.Text)
	case d.Title == "" || strings.ContainsAny(d.Title, "\n\r"):
		t.Fatalf("bad title %q", d.Title)
	case extFormats["."+d.Format] == "":
		t.Fatalf("bad format %q", d.Format)
	}
}

// fuzzTimeout replaces pdfTimeout while fuzzing, so that a PDF the
// library loops on is reported as a failure.
const fuzzTimeout = 10 * time.Second

// FuzzRead reads arbitrary bytes under several file names.
func FuzzRead(f *testing.F) {
	pdfTimeout = fuzzTimeout
	f.Add(uint8(0), []byte("Talks resume\n\nThe minister said: “We are ready.” 😀\n"))
	f.Add(uint8(0), []byte("Caf\xe9 \x93quoted\x94\r\n"))
	f.Add(uint8(0), utf16("Title\nbody", false, true))
	f.Add(uint8(1), []byte("---\ntitle: T\n---\n# Head\n\n- a\n- b\n\n```\ncode\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	f.Add(uint8(2), []byte(page(`<meta charset="windows-1251"><title>T</title>`, paras)))
	f.Add(uint8(3), buildDOCX(f, wp("Title")+wp("Body", " text"), "<dc:title>T</dc:title>"))
	f.Add(uint8(3), buildODT(f, "<text:p>Body<text:s text:c=\"2\"/>x</text:p>", "<dc:title>T</dc:title>"))
	f.Add(uint8(3), buildEPUB(f, "<dc:title>T</dc:title>", "<p>One</p>", "<p>Two</p>"))
	f.Add(uint8(4), buildPDF("BT /F1 12 Tf 72 700 Td (Title) Tj T* (Body) Tj ET BT /F2 11 Tf 72 600 Td <010203> Tj ET", "/Title (T)"))
	addBoundSeeds(f)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		res, err := Read(fuzzNames[int(which)%len(fuzzNames)], data)
		checkResult(t, res, err)
	})
}

// addBoundSeeds adds the inputs of the bounds on time, memory and text
// (issue 9, items 4 to 6 and 14) to FuzzRead: character maps making one
// code many characters or appending blocks without end, owner-password
// PDFs, a startxref outside the file, Markdown goldmark is quadratic on,
// and an e-book spine repeating a chapter.
func addBoundSeeds(f *testing.F) {
	const x = "BT /F1 12 Tf (x) Tj ET"
	for _, pdf := range [][]byte{
		cmapPDF(glyphMap(300), x),
		cmapPDF(glyphMap(200), "BT /F1 12 Tf ("+strings.Repeat("\x01", 400)+") Tj ET"),
		cmapPDF("10000 beginbfchar"+strings.Repeat(" endbfchar", 30), x),
		cmapPDF("999999 1e9 beginbfchar endbfchar", x),
		cmapPDF(largeMap(300), "BT"+strings.Repeat(" /F1 12 Tf", 300)+" <0001> Tj ET"),
		ownerOnlyPDF(40, false, "x"),
		ownerOnlyPDF(128, true, "Editing restricted"),
		withStartxref(buildPDF(x, ""), "-5"),
	} {
		f.Add(uint8(4), pdf)
	}
	for _, md := range []string{strings.Repeat("*a_", 10000), strings.Repeat("[", 20000), strings.Repeat("[a](", 8000), strings.Repeat("[a]: b\n", 3000)} {
		f.Add(uint8(1), []byte(md))
	}
	f.Add(uint8(3), repeatedSpine(f, 1000))
}

// FuzzDOCX reads fuzzed word/document.xml and docProps/core.xml parts.
func FuzzDOCX(f *testing.F) {
	f.Add([]byte(`<w:document xmlns:w="w"><w:body>`+wp("Title")+`<w:p><w:r><w:t>a</w:t><w:tab/><w:br/></w:r></w:p></w:body></w:document>`), []byte(`<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>`))
	f.Fuzz(func(t *testing.T, body, core []byte) {
		data := ziptest.Build(t, F{Name: "word/document.xml", Body: string(body)}, F{Name: "docProps/core.xml", Body: string(core)})
		res, err := Read("a.docx", data)
		checkResult(t, res, err)
	})
}

// FuzzODT reads fuzzed content.xml and meta.xml parts.
func FuzzODT(f *testing.F) {
	f.Add([]byte(`<office:document-content><office:body><office:text><text:h>T</text:h><text:p>a<text:s text:c="3"/>b<text:tab/><text:line-break/><text:note><text:p>n</text:p></text:note></text:p></office:text></office:body></office:document-content>`), []byte(`<office:document-meta><office:meta><dc:title>T</dc:title><dc:date>2024-01-02</dc:date></office:meta></office:document-meta>`))
	f.Fuzz(func(t *testing.T, content, meta []byte) {
		data := ziptest.Build(t, F{Name: "mimetype", Body: mimeODT, Store: true}, F{Name: "content.xml", Body: string(content)}, F{Name: "meta.xml", Body: string(meta)})
		res, err := Read("a.odt", data)
		checkResult(t, res, err)
	})
}

// FuzzEPUB reads a fuzzed OPF package and chapter.
func FuzzEPUB(f *testing.F) {
	f.Add([]byte(`<package><metadata><dc:title>T</dc:title></metadata><manifest><item id="c" href="c%201.xhtml#x" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/><itemref idref="c"/></spine></package>`),
		[]byte(`<html><body><h1>One</h1><p>Two <b>three</b></p><nav>toc</nav></body></html>`))
	f.Add([]byte(`<package><manifest><item id="c" href="c%201.xhtml" media-type="application/xhtml+xml"/><item id="d" href="c 1.xhtml#end" media-type="text/html"/></manifest><spine>`+
		strings.Repeat(`<itemref idref="c"/><itemref idref="d"/>`, 2000)+`</spine></package>`), []byte(`<html><body><p>Chapter</p></body></html>`))
	f.Fuzz(func(t *testing.T, opf, chapter []byte) {
		data := ziptest.Build(t,
			F{Name: "mimetype", Body: mimeEPUB, Store: true},
			F{Name: "META-INF/container.xml", Body: `<container><rootfiles><rootfile full-path="OPS/p.opf"/></rootfiles></container>`},
			F{Name: "OPS/p.opf", Body: string(opf)}, F{Name: "OPS/c 1.xhtml", Body: string(chapter)})
		res, err := Read("a.epub", data)
		checkResult(t, res, err)
	})
}

// FuzzPDF reads one-page PDFs with a fuzzed content stream and
// information dictionary, inside a well-formed file structure.
func FuzzPDF(f *testing.F) {
	pdfTimeout = fuzzTimeout
	f.Add("BT /F1 18 Tf 72 720 Td (Title) Tj ET BT /F1 11 Tf 14 TL 72 690 Td (a) Tj T* (b) ' 1 2 (c) \" [(d) -250 (e)] TJ 1 0 0 1 72 500 Tm (f) Tj ET", "/Title (T)")
	f.Add("BT /F2 11 Tf 2 Tz 3 Tc 4 Tw 5 Ts 0 Tr 72 600 TD <010203> Tj ET q 1 0 0 1 5 5 cm Q", "/CreationDate (D:2024)")
	f.Add("BT"+strings.Repeat(" /F2 1 Tf <0102030a>Tj [<02>-5<03>]TJ", 2000)+" ET", "")
	f.Fuzz(func(t *testing.T, content, info string) {
		res, err := Read("a.pdf", buildPDF(content, info))
		checkResult(t, res, err)
	})
}

// FuzzMarkdown reads fuzzed Markdown.
func FuzzMarkdown(f *testing.F) {
	f.Add("---\ntitle: T\nauthor: [a, b]\ndate: 2024-01-02\n---\n# H\n\n* a\n  * b\n\n> q\n\n    code\n\n<b>x</b> [l](u) ![i](j) `c` ~~s~~ \\* &amp;\n")
	for _, unit := range []string{"*a_", "a_b*", "[", "[a](", "[a]: b\n", "`a``", "<a "} { // goldmark is quadratic on these
		f.Add(strings.Repeat(unit, 30000/len(unit)))
	}
	f.Fuzz(func(t *testing.T, src string) {
		res, err := Read("a.md", []byte(src))
		checkResult(t, res, err)
	})
}
