package doc

import (
	"fmt"
	"strings"
	"testing"
)

// benchParagraphs is an invented article of n paragraphs.
func benchParagraphs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Paragraph %d: the minister said on Monday that “talks will resume” in Geneva, 😀 Café 北京 שלום, officials added.", i)
	}
	return out
}

// BenchmarkRead measures Read on a 500-paragraph article (about 60 KB of
// text) in each format.
func BenchmarkRead(b *testing.B) {
	ps := benchParagraphs(500)
	var docx, odt, html, pdfContent strings.Builder
	for i, p := range ps {
		docx.WriteString(wp(p))
		odt.WriteString("<text:p>" + esc(p) + "</text:p>")
		html.WriteString("<p>" + esc(p) + "</p>\n")
		if i < 40 { // one page of PDF lines
			fmt.Fprintf(&pdfContent, "BT /F1 10 Tf 72 %d Td (Line %d of the minister's statement on the talks in Geneva) Tj ET\n", 760-i*14, i)
		}
	}
	files := []struct {
		name string
		data []byte
	}{
		{"a.txt", []byte(strings.Join(ps, "\n\n"))},
		{"a.md", []byte("# Title\n\n" + strings.Join(ps, "\n\n"))},
		{"a.html", []byte(page("<title>Talks</title>", html.String()))},
		{"a.docx", buildDOCX(b, docx.String(), "<dc:title>T</dc:title>")},
		{"a.odt", buildODT(b, odt.String(), "")},
		{"a.epub", buildEPUB(b, "", html.String())},
		{"a.pdf", buildPDF(pdfContent.String(), "")},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				if _, err := Read(f.name, f.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
