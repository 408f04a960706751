package doc

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage/formats/safezip"
	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
)

// pdfPage is a one-page PDF whose page has the given content stream
// dictionary extras and data.
func pdfPage(dict, data string) []byte {
	return writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), dict, data),
	}, 0)
}

// deflated compresses n spaces with zlib, as a PDF FlateDecode stream.
func deflated(t *testing.T, n int) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	if _, err := w.Write(bytes.Repeat([]byte(" "), n)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestReadRefusesBadInput(t *testing.T) {
	docxParts := func(body F) []byte {
		return ziptest.Build(t, F{Name: "[Content_Types].xml", Body: "<Types/>"}, body)
	}
	const x = "BT /F1 12 Tf (x) Tj ET"
	tests := []struct {
		name string
		data []byte
		want error
		says string // a substring of the message
	}{
		{"empty.txt", nil, ErrEmpty, "empty"},
		{"blank.txt", []byte(" \r\n\t\n  "), ErrEmpty, "empty"},
		{"blank-utf16.txt", utf16("  \n ", false, true), ErrEmpty, "whitespace"},
		{"markup-only.md", []byte("<!-- nothing -->\n\n![](x.png)\n"), ErrEmpty, "markup"},
		{"scripts-only.html", []byte("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>"), ErrEmpty, "empty"},
		{"image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, "NUL"},
		{"noise.txt", []byte(strings.Repeat("\x01\x02\x03\x04\x05\x06 text ", 20)), ErrBinary, "control codes"},
		{"data.bin", []byte("some text"), ErrUnsupported, `".bin"`},
		{"export.json", []byte(`{"format":"saywho","version":1}`), ErrUnsupported, `".json"`},
		{"project.qdpx", ziptest.Build(t, F{Name: "project.qde", Body: "<Project/>"}, F{Name: "sources/a.txt", Body: "x"}), ErrUnsupported, "not a DOCX, ODT or EPUB"},
		{"sheet.ods", ziptest.Build(t, F{Name: "mimetype", Body: "application/vnd.oasis.opendocument.spreadsheet", Store: true}), ErrUnsupported, "spreadsheet"},
		{"bomb.docx", docxParts(F{Name: "word/document.xml", Zeros: 1 << 30}), safezip.ErrZipBomb, "word/document.xml"},
		{"lying-bomb.docx", docxParts(F{Name: "word/document.xml", Zeros: 16 << 20, Declared: 4096}), safezip.ErrZipBomb, "declares"},
		{"traversal.docx", docxParts(F{Name: "../../.bashrc", Body: "rm -rf ~"}), safezip.ErrUnsafePath, "../../.bashrc"},
		{"truncated.docx", buildDOCX(t, wp("text"), "")[:200], ErrCorrupt, "ZIP"},
		{"text.docx", []byte("plain text"), ErrCorrupt, "DOCX signature"},
		{"bad-xml.docx", docxParts(F{Name: "word/document.xml", Body: "<w:document><w:p>"}), ErrCorrupt, "well-formed"},
		{"no-text.docx", buildDOCX(t, "<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>", ""), ErrNoText, "no paragraphs"},
		{"huge-spine.epub", hugeSpine(t, 65), ErrTooLarge, "its 65 chapters hold 65.0 MiB of XHTML together, more than the 64 MiB"},
		{"no-container.epub", ziptest.Build(t, F{Name: "mimetype", Body: mimeEPUB, Store: true}), ErrCorrupt, "container.xml"},
		{"scan.pdf", pdfPage("", "q 612 0 0 792 0 0 cm /Im1 Do Q"), ErrNoText, "run OCR first"},
		{"garbage.pdf", []byte("%PDF-1.7\nnot really a PDF\n"), ErrCorrupt, "damaged"},
		{"unreadable-page.pdf", writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Contents 4 0 R >>", "4 0 R"}, 0), ErrCorrupt, "no page could be read"},
		{"hex-at-end.pdf", pdfPage("", "BT /F1 12 Tf (x) Tj <0"), ErrCorrupt, "ends inside a hex string"},
		{"cmap-hex-at-end.pdf", cmapPDF("1 begincodespacerange <00> <FF", "BT /F1 12 Tf (x) Tj ET"), ErrCorrupt, "font F1: a stream ends inside a hex string"},
		{"xref-huge-subsection.pdf", xrefTablePDF("4000000000 1\n0000000009 00000 n \n", ""), ErrCorrupt, "numbers objects up to 4000000000"},
		{"xref-prev-loop.pdf", xrefTablePDF("", "/Prev SELF"), ErrCorrupt, "sections loop"},
		{"xref-stream-size.pdf", xrefStreamPDF("/Size 99999999999", ""), ErrCorrupt, "/Size"},
		{"xref-stream-width.pdf", xrefStreamPDF("/W [1 99999999999 2]", ""), ErrCorrupt, "field of 99999999999 bytes"},
		{"xref-stream-index.pdf", xrefStreamPDF("/Index [3000000000 2]", ""), ErrCorrupt, "indexes objects 3000000000 2"},
		{"predictor-columns.pdf", xrefStreamPDF("", "/DecodeParms << /Predictor 12 /Columns 99999999999 >>"), ErrCorrupt, "/Columns 99999999999"},
		{"objstm-endless.pdf", xrefStreamPDF("", "/N 999999999999"), ErrCorrupt, "declares more objects"},
		{"cmap-endless-block.pdf", cmapPDF("/n 999999999999 def n beginbfchar endbfchar", x), ErrCorrupt, "a block without a count written before it, or of more than 10000 entries"},
		{"cmap-huge-block.pdf", cmapPDF("999999999999 beginbfrange endbfrange", x), ErrCorrupt, "more than 10000 entries"},
		// Character maps that made the library allocate without bound
		// (each endbfchar appends the count of the last block begun).
		{"cmap-repeated-end.pdf", cmapPDF("10000 beginbfchar"+strings.Repeat(" endbfchar", 27), x), ErrCorrupt, "its character map has more than 262144 entries"},
		{"cmap-count-behind-keyword.pdf", cmapPDF("999999 1e9 beginbfchar endbfchar", x), ErrCorrupt, "a block without a count"},
		{"cmap-redefined-operator.pdf", cmapPDF("/beginbfchar 5 def 999999 beginbfchar endbfchar", x), ErrCorrupt, "/beginbfchar that would redefine its operator"},
		{"cmap-operator-in-array.pdf", cmapPDF("[ foo 999999 beginbfchar ] endbfchar", x), ErrCorrupt, "the operator foo inside an array"},
		{"cmap-malformed-name.pdf", cmapPDF("/a#zz 1 beginbfchar <01> <0041> endbfchar", x), ErrCorrupt, "a malformed name"},
		// One glyph made 400,000 characters (8 GiB from 1.6 MB).
		{"cmap-glyph-bomb.pdf", cmapPDF(glyphMap(300), x), ErrCorrupt, "its character map gives one character code up to 300 characters, more than the 256 allowed"},
		{"page-text-bomb.pdf", cmapPDF(glyphMap(256), "BT /F1 12 Tf ("+strings.Repeat("\x01", 16500)+") Tj ET"), ErrTooLarge, "a font maps one character code to up to 256 characters, so its 16 KiB of content could give more than the 4194304 a page may have"},
		// The library reads a font's map again at every Tf: 50,000 of them
		// with a map of 10,000 entries took hours.
		{"slow-fonts.pdf", cmapPDF(largeMap(10000), "BT"+strings.Repeat(" /F1 12 Tf", 50000)+" <4E01> Tj ET"), ErrTooLarge, "its fonts' character maps (up to 10000 entries, 139 KiB) are large for the content that uses them (by page 1); the PDF reader would take more than"},
		{"document-text-bomb.pdf", cmapPDF(glyphMap(200), "BT /F1 12 Tf ("+strings.Repeat("\x01", 400)+") Tj ET"), ErrTooLarge, "its text runs past 65536 characters by page 1"},
		// Messages a user can act on instead of the library's: "zlib:
		// invalid header" for RC4 with a short key, which the library
		// decrypts wrongly; a recovered panic's "slice bounds out of
		// range" for a negative startxref; "cross-reference table not
		// found: F-1.4".
		{"owner password rc4-40.pdf", ownerOnlyPDF(40, false, "x"), ErrEncrypted, "encrypted with RC4 and a 40-bit key, which Saywho's PDF reader cannot decrypt; remove the protection"},
		{"owner password rc4-56.pdf", ownerOnlyPDF(56, false, "x"), ErrEncrypted, "a 56-bit key"},
		{"undecryptable.pdf", damagedStream(ownerOnlyPDF(128, false, "x")), ErrEncrypted, "it could not be decrypted (no page could be read"},
		{"owner password aes-256.pdf", withEncrypt("<< /Length 3 >>\nstream\nBT \nendstream", fmt.Sprintf("<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O <%[1]s> /U <%[1]s> /OE <%[2]s> /UE <%[2]s> /Perms <%[3]s> /P -3904 >>", strings.Repeat("ab", 48), strings.Repeat("cd", 32), strings.Repeat("ef", 16)), []byte("0123456789abcdef")), ErrEncrypted, "encrypted with AES-256"},
		{"certificate.pdf", withEncrypt("<< /Length 3 >>\nstream\nBT \nendstream", "<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /Length 128 >>", []byte("0123456789abcdef")), ErrEncrypted, "a security handler other than a password"},
		{"startxref-negative.pdf", withStartxref(buildPDF("BT /F1 12 Tf (x) Tj ET", ""), "-5"), ErrCorrupt, "its cross-reference offset (startxref -5) lies outside the file"},
		{"startxref-past-end.pdf", withStartxref(buildPDF("BT /F1 12 Tf (x) Tj ET", ""), "99999999"), ErrCorrupt, "its cross-reference offset (startxref 99999999) lies outside the file"},
		{"startxref-huge.pdf", withStartxref(buildPDF("BT /F1 12 Tf (x) Tj ET", ""), "-99999999999999999999"), ErrCorrupt, "lies outside the file"},
		{"startxref-wrong.pdf", withStartxref(buildPDF("BT /F1 12 Tf (x) Tj ET", ""), "3"), ErrCorrupt, "its cross-reference table is damaged; opening it in a PDF viewer and saving it again"},
		{"startxref-missing.pdf", withStartxref(buildPDF("BT /F1 12 Tf (x) Tj ET", ""), "none"), ErrCorrupt, "the offset of its cross-reference table (startxref) is missing or wrong"},
		{"truncated.pdf", buildPDF("BT /F1 12 Tf (x) Tj ET", "")[:300], ErrCorrupt, "it is truncated: its end-of-file marker is missing"},
		{"pdf-2.pdf", bytes.Replace(buildPDF("BT /F1 12 Tf (x) Tj ET", ""), []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1), ErrCorrupt, "its header does not say PDF 1.0 to 1.7"},
		{"bad-operator.pdf", pdfPage("", "BT 1 Td (x) Tj ET"), ErrCorrupt, "no page could be read (page 1: its content has an operator with the wrong operands)"},
		{"cyclic.pdf", writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>"}, 0), ErrCorrupt, "cyclic"},
		{"flate-bomb.pdf", pdfPage("/Filter /FlateDecode", deflated(t, maxPDFPageStream+1)), ErrTooLarge, "no page could be read (page 1: its content inflates beyond the limit of 4 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.name, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Read = %v, %v; want error %v", res, err, tt.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.name+": ") || !strings.Contains(msg, tt.says) {
				t.Errorf("message %q should start with the file name and say %q", msg, tt.says)
			}
			if strings.Contains(msg, readerFailed) {
				t.Errorf("a reader panicked: %v", err)
			}
		})
	}
}

func TestReadFileRefusesHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: no disk, no memory
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(path)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "200 MiB") || !strings.Contains(err.Error(), "huge.txt") {
		t.Fatalf("ReadFile = %v; want ErrTooLarge naming the file and its size", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(good, []byte("Headline\nBody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ReadFile(good)
	if err != nil || res.Doc.Title != "Headline" || res.Doc.FileName != "article.txt" {
		t.Fatalf("ReadFile(%s) = %+v, %v", good, res, err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist", err)
	}
	if _, err := ReadFile(dir); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: err = %v, want ErrNotRegular saying it is a folder", err)
	}
}

func TestSupported(t *testing.T) {
	tests := map[string]bool{
		"a.txt": true, "b.MD": true, "c.markdown": true, "d.HTML": true, "e.htm": true, "f.xhtml": true,
		"g.docx": true, "h.odt": true, "i.epub": true, "j.PDF": true,
		"k.json": false, "l.qdpx": false, "m.doc": false, "n": false, "o.txt.gz": false,
	}
	for name, want := range tests {
		if got := Supported(name); got != want {
			t.Errorf("Supported(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPDFTimeout(t *testing.T) {
	saved, savedExtract := pdfTimeout, extract
	never := make(chan struct{})
	pdfTimeout = time.Millisecond
	extract = func([]byte) (*Result, error) { <-never; return nil, nil } // a PDF the library loops on
	defer func() { pdfTimeout, extract = saved, savedExtract; close(never) }()
	_, err := Read("slow.pdf", buildPDF("BT /F1 12 Tf 72 700 Td (Text) Tj ET", ""))
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "took longer than 1ms") {
		t.Fatalf("err = %v, want the timeout error", err)
	}
}
