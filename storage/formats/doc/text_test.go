package doc

import (
	"strings"
	"testing"
)

// utf16 encodes s as UTF-16 (little- or big-endian) with or without BOM.
func utf16(s string, big, bom bool) []byte {
	var out []byte
	if bom {
		s = "\uFEFF" + s
	}
	for _, r := range s {
		var units []uint16
		if r >= 0x10000 {
			r -= 0x10000
			units = []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
		} else {
			units = []uint16{uint16(r)}
		}
		for _, u := range units {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
	}
	return out
}

func TestReadText(t *testing.T) {
	const article = "Talks resume in Geneva\n\nThe minister said: “We are ready.” 😀\n"
	runReadCases(t, []readCase{
		{"plain.txt", []byte(article), want{title: "Talks resume in Geneva", format: "txt", text: article}},
		{"leading blank lines.txt", []byte("\n\n   \n  Title after blanks  \nBody\n"),
			want{title: "Title after blanks", text: "\n\n   \n  Title after blanks  \nBody\n"}},
		{"bom-crlf.txt", []byte("\xEF\xBB\xBFTalks resume\r\nBody\rmore\r\n"), want{title: "Talks resume", text: "Talks resume\nBody\nmore\n"}},
		{"utf16le.txt", utf16(article, false, true), want{title: "Talks resume in Geneva", text: article, notice: "UTF-16LE"}},
		{"utf16be.txt", utf16(article, true, true), want{title: "Talks resume in Geneva", text: article, notice: "UTF-16BE"}},
		{"utf16le-nobom.txt", utf16("Talks resume\nin Geneva\n", false, false), want{title: "Talks resume", text: "Talks resume\nin Geneva\n", notice: "zero bytes say UTF-16"}},
		{"cp1252.txt", []byte("Caf\xe9 talks\n\x93Quoted\x94 \x96 dash\n"),
			want{title: "Café talks", text: "Café talks\n“Quoted” – dash\n", notice: "decoded as Windows-1252"}},
		{"nfd.txt", []byte("Cafe\u0301 society\n"), want{title: "Café society", text: "Café society\n"}},
		{"controls.txt", []byte("Title\x07\nBody\x1b[0m text\fpage two\n"),
			want{title: "Title", text: "Title\nBody[0m text\npage two\n", notice: "removed 2 invisible control characters"}},
		{"no extension", []byte("Headline\nbody\n"), want{title: "Headline", format: "txt"}},
		{"about-pdf.txt", []byte("Files start with %PDF-1.7\n"), want{format: "txt", text: "Files start with %PDF-1.7\n"}},
	})
}

func TestLongTitleIsCut(t *testing.T) {
	res, err := Read("a.txt", []byte(strings.Repeat("word ", 100)+"\nbody"))
	if err != nil {
		t.Fatal(err)
	}
	if r := []rune(res.Doc.Title); len(r) > maxTitle+1 || r[len(r)-1] != '…' {
		t.Errorf("title %q is not cut to %d code points with an ellipsis", res.Doc.Title, maxTitle)
	}
}
