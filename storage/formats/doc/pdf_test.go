package doc

import "testing"

func TestReadPDF(t *testing.T) {
	content := `BT /F1 18 Tf 72 720 Td (Talks resume in Geneva) Tj ET
BT /F1 11 Tf 14 TL 72 690 Td (The minister said on Monday that the talks would) Tj T* (resume next week in the Swiss city of Gen\350ve.) Tj T* T*
(\223We are ready,\224 she told reporters.) Tj ET
BT /F2 11 Tf 72 600 Td <01> Tj ET
BT /F2 11 Tf 90 600 Td <0203> Tj ET`
	runReadCases(t, []readCase{
		{"article.pdf", buildPDF(content, "/Title (Talks resume) /Author (Ann Reporter) /CreationDate (D:20240305120000+01'00')"), want{
			title: "Talks resume", byline: "Ann Reporter", published: "2024-03-05", format: "pdf",
			text: "Talks resume in Geneva\n\nThe minister said on Monday that the talks would resume next week in the Swiss city of Genève.\n\n“We are ready,” she told reporters.\n\nש 😀中",
		}},
		{"no info.pdf", buildPDF("BT /F1 12 Tf 72 700 Td (First line is the title) Tj ET", ""), want{title: "First line is the title", text: "First line is the title"}},
		{"junk-first.pdf", append([]byte("junk before the header\n"), buildPDF("BT /F1 12 Tf 72 700 Td (After junk) Tj ET", "")...), want{text: "After junk"}},
		{"broken info.pdf", writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", "<< /Length 22 >>\nstream\nBT /F1 12 Tf (x) Tj ET\nendstream",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "6 0 R"}, 6), want{title: "x", text: "x"}},
	})
}
