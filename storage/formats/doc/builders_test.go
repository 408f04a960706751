package doc

import (
	"bytes"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
)

// F is short for a test archive entry.
type F = ziptest.File

// esc escapes text for XML.
func esc(s string) string { return html.EscapeString(s) }

// wp is a DOCX paragraph of one run per part.
func wp(parts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>")
	for _, p := range parts {
		fmt.Fprintf(&b, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(p))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// buildDOCX returns a Word document whose w:body holds body and whose
// core properties hold core (inner XML of cp:coreProperties).
func buildDOCX(t testing.TB, body, core string) []byte {
	files := []F{
		{Name: "[Content_Types].xml", Body: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{Name: "_rels/.rels", Body: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{Name: "word/document.xml", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `<w:sectPr><w:pgSz w:w="12240"/></w:sectPr></w:body></w:document>`},
	}
	if core != "" {
		files = append(files, F{Name: "docProps/core.xml", Body: `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` + core + `</cp:coreProperties>`})
	}
	return ziptest.Build(t, files...)
}

// buildODT returns an OpenDocument text whose office:text holds body and
// whose office:meta holds meta.
func buildODT(t testing.TB, body, meta string) []byte {
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`
	return ziptest.Build(t,
		F{Name: "mimetype", Body: mimeODT, Store: true},
		F{Name: "META-INF/manifest.xml", Body: `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`},
		F{Name: "content.xml", Body: `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + ns + `><office:automatic-styles><text:p>style junk</text:p></office:automatic-styles><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`},
		F{Name: "meta.xml", Body: `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ` + ns + `><office:meta>` + meta + `</office:meta></office:document-meta>`},
	)
}

// buildEPUB returns an EPUB 3 whose spine lists chapters (XHTML body
// contents) in order; OPF metadata is inner XML of <metadata>.
func buildEPUB(t testing.TB, metadata string, chapters ...string) []byte {
	var manifest, spine strings.Builder
	files := []F{
		{Name: "mimetype", Body: mimeEPUB, Store: true},
		{Name: "META-INF/container.xml", Body: `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`},
		{Name: "OEBPS/nav.xhtml", Body: `<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol><li>Table of contents</li></ol></nav></body></html>`},
	}
	manifest.WriteString(`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`)
	spine.WriteString(`<itemref idref="nav"/>`)
	for i, ch := range chapters {
		name := fmt.Sprintf("text/ch%%20%d.xhtml", i+1)
		fmt.Fprintf(&manifest, `<item id="c%d" href="%s" media-type="application/xhtml+xml"/>`, i, name)
		fmt.Fprintf(&spine, `<itemref idref="c%d"/>`, i)
		files = append(files, F{Name: fmt.Sprintf("OEBPS/text/ch %d.xhtml", i+1), Body: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title/><script src="x.js" /><style>p{}</style></head><body>` + ch + `</body></html>`})
	}
	files = append(files, F{Name: "OEBPS/content.opf", Body: `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + metadata + `</metadata><manifest>` + manifest.String() + `</manifest><spine>` + spine.String() + `</spine></package>`})
	return ziptest.Build(t, files...)
}

// buildPDF writes a one-page PDF by hand, with a correct cross-reference
// table: content is the page's content stream; font F1 is Helvetica with
// WinAnsiEncoding and font F2 a font whose ToUnicode map sends byte 01 to
// Hebrew shin, 02 to 😀 and 03 to 中; info is the inner text of the
// document information dictionary (may be empty).
func buildPDF(content, info string) []byte {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"3 beginbfchar <01> <05E9> <02> <D83DDE00> <03> <4E2D> endbfchar\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Custom /ToUnicode 7 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap),
		"<< " + info + " >>",
	}
	return writePDF(objs, 8)
}

// writePDF writes objects 1..n (the catalog first) with a correct
// cross-reference table; info is the number of the information
// dictionary, 0 for none.
func writePDF(objs []string, info int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	infoRef := ""
	if info > 0 {
		infoRef = fmt.Sprintf(" /Info %d 0 R", info)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, infoRef, xref)
	return b.Bytes()
}

// xrefStreamPDF writes a PDF 1.5 whose cross-reference section is a
// stream with the given extra dictionary entries; object 2 (the page tree)
// lives in an object stream whose dictionary gets objStm.
func xrefStreamPDF(xrefExtra, objStm string) []byte {
	b, off1 := pdfStart("1.5")
	const objs = "2 0 << /Type /Pages /Kids [] /Count 0 >>"
	off3 := b.Len()
	fmt.Fprintf(b, "3 0 obj\n<< /Type /ObjStm /N 1 /First 4 %s /Length %d >>\nstream\n%s\nendstream\nendobj\n", objStm, len(objs), objs)
	off4 := b.Len()
	var x bytes.Buffer
	for _, e := range [][3]int{{0, 0, 0xFFFF}, {1, off1, 0}, {2, 3, 0}, {1, off3, 0}, {1, off4, 0}} {
		x.Write([]byte{byte(e[0]), byte(e[1] >> 24), byte(e[1] >> 16), byte(e[1] >> 8), byte(e[1]), byte(e[2] >> 8), byte(e[2])})
	}
	fmt.Fprintf(b, "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R %s /Length %d >>\nstream\n%s\nendstream\nendobj\n", xrefExtra, x.Len(), x.String())
	fmt.Fprintf(b, "startxref\n%d\n%%%%EOF\n", off4)
	return b.Bytes()
}

// xrefTablePDF writes a PDF whose classic cross-reference table has, after
// its first subsection, the given extra text (more subsections), and whose
// trailer gets trailerExtra.
func xrefTablePDF(extra, trailerExtra string) []byte {
	b, off1 := pdfStart("1.4")
	x := b.Len()
	fmt.Fprintf(b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \n%strailer\n<< /Size 2 /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", off1, extra, strings.ReplaceAll(trailerExtra, "SELF", fmt.Sprint(x)), x)
	return b.Bytes()
}

// pdfStart returns a buffer holding a PDF header of the given version and
// the catalog (object 1, whose page tree is object 2), and the catalog's
// offset.
func pdfStart(version string) (*bytes.Buffer, int) {
	b := bytes.NewBufferString("%PDF-" + version + "\n")
	off := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	return b, off
}

// epubWithSpine returns an EPUB whose OPF package has the given manifest
// and spine (inner XML) and whose archive holds files besides, under OPS/.
func epubWithSpine(t testing.TB, manifest, spine string, files ...F) []byte {
	all := []F{
		{Name: "mimetype", Body: mimeEPUB, Store: true},
		{Name: "META-INF/container.xml", Body: `<container><rootfiles><rootfile full-path="OPS/p.opf"/></rootfiles></container>`},
		{Name: "OPS/p.opf", Body: `<package><metadata/><manifest>` + manifest + `</manifest><spine>` + spine + `</spine></package>`},
	}
	for _, f := range files {
		f.Name = "OPS/" + f.Name
		all = append(all, f)
	}
	return ziptest.Build(t, all...)
}

// repeatedSpine is an EPUB whose spine lists chapter one n times, then
// chapter two through a second manifest item naming the same file.
func repeatedSpine(t testing.TB, n int) []byte {
	return epubWithSpine(t,
		`<item id="one" href="one.xhtml" media-type="application/xhtml+xml"/><item id="two" href="two.xhtml" media-type="application/xhtml+xml"/><item id="again" href="two.xhtml#end" media-type="application/xhtml+xml"/>`,
		strings.Repeat(`<itemref idref="one"/>`, n)+`<itemref idref="two"/><itemref idref="again"/>`,
		F{Name: "one.xhtml", Body: "<html><body><p>Chapter one.</p></body></html>"},
		F{Name: "two.xhtml", Body: "<html><body><p>Chapter two.</p></body></html>"})
}

// hugeSpine is an EPUB of n chapters of 1 MiB each (zeros: they are
// refused before being read).
func hugeSpine(t testing.TB, n int) []byte {
	var manifest, spine strings.Builder
	files := make([]F, n)
	for i := range n {
		fmt.Fprintf(&manifest, `<item id="c%d" href="c%d.xhtml" media-type="application/xhtml+xml"/>`, i, i)
		fmt.Fprintf(&spine, `<itemref idref="c%d"/>`, i)
		files[i] = F{Name: fmt.Sprintf("c%d.xhtml", i), Zeros: 1 << 20}
	}
	return epubWithSpine(t, manifest.String(), spine.String(), files...)
}

// cmapPDF is a one-page PDF showing content with font F1, whose ToUnicode
// character map is cmap.
func cmapPDF(cmap, content string) []byte {
	return writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /ToUnicode 6 0 R >>", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap)}, 0)
}

// glyphMap is a character map sending code 01 to n letters A.
func glyphMap(n int) string {
	return "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"1 beginbfchar <01> <" + strings.Repeat("0041", n) + "> endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
}

// largeMap is a character map of n two-byte codes, in blocks of 100.
func largeMap(n int) string {
	var b strings.Builder
	b.WriteString("1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < n; i += 100 {
		b.WriteString("100 beginbfchar\n")
		for j := range 100 {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", (i+j)&0xFFFF, 0x4E00+(i+j)%20000)
		}
		b.WriteString("endbfchar\n")
	}
	return b.String()
}

// passwordPad pads passwords in the PDF standard security handler.
var passwordPad = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

// rc4 encrypts (or decrypts) data with key.
func rc4XOR(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// ownerOnlyPDF is a one-page PDF showing text, encrypted as "restrict
// editing" does: an owner password and an empty user password, with the
// standard security handler (PDF 1.7 §7.6.3, revision 3) and RC4 keys of
// the given bits, or AES-128 (revision 4, AESV2).
func ownerOnlyPDF(bits int, useAES bool, text string) []byte {
	n := bits / 8
	id := []byte("0123456789abcdef")
	pad := func(pw string) []byte { return append([]byte(pw), passwordPad[:32-len(pw)]...) }
	iterate := func(key []byte) []byte { // algorithm 2 and 3: 50 more rounds of MD5
		for range 50 {
			sum := md5.Sum(key[:n])
			key = sum[:]
		}
		return key[:n]
	}
	rounds := func(key, data []byte) []byte { // 19 more RC4 passes with altered keys
		for i := 1; i <= 19; i++ {
			k := bytes.Clone(key)
			for j := range k {
				k[j] ^= byte(i)
			}
			data = rc4XOR(k, data)
		}
		return data
	}
	ownerKey := md5.Sum(pad("owner"))
	o := rc4XOR(iterate(ownerKey[:]), pad(""))
	o = rounds(iterate(ownerKey[:]), o)
	const p = -3904 // printing allowed, changes not
	h := md5.New()
	h.Write(pad(""))
	h.Write(o)
	h.Write([]byte{byte(p & 0xFF), byte(p >> 8 & 0xFF), byte(p >> 16 & 0xFF), byte(p >> 24 & 0xFF)})
	h.Write(id)
	key := iterate(h.Sum(nil))
	h.Reset()
	h.Write(passwordPad)
	h.Write(id)
	u := append(rounds(key, rc4XOR(key, h.Sum(nil))), make([]byte, 16)...)
	objectKey := func(num int) []byte { // algorithm 1
		h := md5.New()
		h.Write(key)
		h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), 0, 0})
		if useAES {
			h.Write([]byte("sAlT"))
		}
		return h.Sum(nil)[:min(16, n+5)]
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	fmt.Fprintf(w, "BT /F1 12 Tf 72 700 Td (%s) Tj ET", text)
	w.Close()
	content := rc4XOR(objectKey(4), z.Bytes())
	dict := fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length %d /O <%x> /U <%x> /P %d >>", bits, o, u, p)
	if useAES {
		data := z.Bytes()
		data = append(data, bytes.Repeat([]byte{byte(16 - len(data)%16)}, 16-len(data)%16)...)
		block, err := aes.NewCipher(objectKey(4))
		if err != nil {
			panic(err)
		}
		iv := []byte("initialisation v")
		content = make([]byte, len(data))
		cipher.NewCBCEncrypter(block, iv).CryptBlocks(content, data)
		content = append(iv, content...)
		dict = fmt.Sprintf("<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <%x> /U <%x> /P %d >>", o, u, p)
	}
	return withEncrypt(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(content), content), dict, id)
}

// withEncrypt is a one-page PDF with the given content stream object and
// encryption dictionary, whose trailer has the file identifier id.
func withEncrypt(content, dict string, id []byte) []byte {
	out := writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		content, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", dict}, 0)
	return bytes.Replace(out, []byte("/Root 1 0 R"), fmt.Appendf(nil, "/Root 1 0 R /Encrypt 6 0 R /ID [<%x> <%x>]", id, id), 1)
}

// withStartxref replaces the offset after the last startxref of a PDF.
func withStartxref(data []byte, offset string) []byte {
	i := bytes.LastIndex(data, []byte("startxref"))
	return append(bytes.Clone(data[:i]), "startxref\n"+offset+"\n%%EOF\n"...)
}

// damagedStream flips the first bytes of a PDF's first stream.
func damagedStream(data []byte) []byte {
	out := bytes.Clone(data)
	i := bytes.Index(out, []byte("stream\n")) + len("stream\n")
	out[i], out[i+1] = ^out[i], ^out[i+1]
	return out
}
