package doc

import (
	"fmt"
	"testing"
)

func TestReadPDF(t *testing.T) {
	bomb := deflated(t, maxPDFPageStream+1)
	twoPages := writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
		"<< /Type /Page /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", "<< /Length 31 >>\nstream\nBT /F1 12 Tf (Page one text) Tj ET\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Type /Page /Contents 7 0 R >>", fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(bomb), bomb)}, 0)
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
		{"bomb on page two.pdf", twoPages, want{text: "Page one text", notice: "page 2 could not be read and was skipped: its content inflates beyond the limit of 4 MiB"}},
		// "Restrict editing": an owner password only, which the reader
		// decrypts with the empty user password.
		{"owner password rc4-128.pdf", ownerOnlyPDF(128, false, "Editing restricted"), want{text: "Editing restricted"}},
		{"owner password aes-128.pdf", ownerOnlyPDF(128, true, "Editing restricted"), want{text: "Editing restricted"}},
		{"junk-first.pdf", append([]byte("junk before the header\n"), buildPDF("BT /F1 12 Tf 72 700 Td (After junk) Tj ET", "")...), want{text: "After junk"}},
		{"broken info.pdf", writePDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", "<< /Length 22 >>\nstream\nBT /F1 12 Tf (x) Tj ET\nendstream",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "6 0 R"}, 6), want{title: "x", text: "x"}},
	})
}

func TestHexTail(t *testing.T) {
	tests := []struct {
		data string
		ends bool // the lexer could reach the end inside a hex string
	}{
		{"", false},
		{"BT (x) Tj ET", false},
		{"<48656c6c6f> Tj", false},
		{"<4 8\n6 5> Tj", false},
		{"<0>", false},         // odd digits: the pair 0> is an error, not a loop
		{"(a<b) Tj", false},    // the pair b) ends it
		{"<0", true},           // the fuzzer's first find
		{"80\x970<\xaa", true}, // its second: one byte of a pair, then the end
		{"<0 \n ", true},
		{"<ab<", true}, // the first string reads "<" as a pair's first byte
		{"<ab> <cd", true},
	}
	for _, tt := range tests {
		var h hexTail
		for _, c := range []byte(tt.data) { // byte by byte, as chunks may split anywhere
			if _, err := h.Write([]byte{c}); err != nil {
				t.Fatal(err)
			}
		}
		if got := h.ends(); got != tt.ends {
			t.Errorf("%q: ends = %v, want %v", tt.data, got, tt.ends)
		}
	}
}
