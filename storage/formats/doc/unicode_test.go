package doc

import (
	"strings"
	"testing"
)

// The Unicode sample: astral-plane emoji (one a ZWJ sequence), combining
// marks in decomposed form, CJK, Hebrew and Arabic; read from every format
// it must come out NFC.
const (
	uniLine1 = "Zelenskyy 😀 said “Cafe\u0301 Kyiv” 👩‍👩‍👧"
	uniLine2 = "北京 会谈 שלום עליכם مرحبا بكم Ωme\u0301ga"
	uniNFC1  = "Zelenskyy 😀 said “Café Kyiv” 👩‍👩‍👧"
	uniNFC2  = "北京 会谈 שלום עליכם مرحبا بكم Ωméga"
)

func TestUnicodeEveryFormat(t *testing.T) {
	const crlf = "\r\n"
	txt := "Title" + crlf + uniLine1 + crlf + crlf + uniLine2 + crlf
	htmlPage := "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Title</title></head><body><article>" + crlf +
		"<p>" + uniLine1 + "</p>" + crlf + "<p>" + uniLine2 + "</p></article></body></html>"
	tests := []struct {
		name string
		data []byte
		text string // exact expected text
	}{
		{"u.txt", []byte(txt), "Title\n" + uniNFC1 + "\n\n" + uniNFC2 + "\n"},
		{"u-utf16.txt", utf16(txt, true, true), "Title\n" + uniNFC1 + "\n\n" + uniNFC2 + "\n"},
		{"u.md", []byte("# Title" + crlf + crlf + uniLine1 + crlf + crlf + uniLine2 + crlf), "Title\n\n" + uniNFC1 + "\n\n" + uniNFC2},
		{"u.html", []byte(htmlPage), uniNFC1 + "\n\n" + uniNFC2},
		{"u.docx", buildDOCX(t, wp("Title")+wp(uniLine1)+wp(uniLine2), ""), "Title\n\n" + uniNFC1 + "\n\n" + uniNFC2},
		{"u.odt", buildODT(t, "<text:p>Title</text:p><text:p>"+uniLine1+"</text:p><text:p>"+uniLine2+"</text:p>", ""), "Title\n\n" + uniNFC1 + "\n\n" + uniNFC2},
		{"u.epub", buildEPUB(t, "", "<p>Title</p><p>"+uniLine1+"</p>", "<p>"+uniLine2+"</p>"), "Title\n\n" + uniNFC1 + "\n\n" + uniNFC2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.name, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			check(t, tt.name, res, want{text: tt.text, notice: noticeFor(tt.name)})
			// The code-point offsets of a word are where Python would find them.
			runes := []rune(res.Doc.Text)
			start := len([]rune(res.Doc.Text[:strings.Index(res.Doc.Text, "Kyiv")]))
			if got := string(runes[start : start+4]); got != "Kyiv" {
				t.Errorf("runes[%d:%d] = %q, want Kyiv", start, start+4, got)
			}
		})
	}
}

// noticeFor is the notice a Unicode sample file is expected to give.
func noticeFor(name string) string {
	if strings.Contains(name, "utf16") {
		return "UTF-16BE"
	}
	return ""
}
