package doc

import (
	"strings"
	"testing"
)

func TestReadMarkdown(t *testing.T) {
	runReadCases(t, []readCase{
		{"article.md", []byte("# Talks *resume*\n\nThe minister said the talks\nwould resume, with [a link](http://example.com) and `code` &amp; \\*stars\\*.\n\n## Reactions\n\n- Kyiv welcomed it\n- Moscow did not\n  1. nested\n\n> A quoted\n> paragraph.\n\n```go\nfmt.Println(\"x\")\n  indented\n```\n\n<div>raw html block</div>\n\n![a photo](http://example.com/p.png)\n\nLast line  \nafter a hard break. <span>inline</span> <https://example.org>\n"),
			want{title: "Talks resume", format: "md", text: "Talks resume\n\nThe minister said the talks would resume, with a link and code & *stars*.\n\nReactions\n\nKyiv welcomed it\nMoscow did not\nnested\n\nA quoted paragraph.\n\nfmt.Println(\"x\")\n  indented\n\nLast line\nafter a hard break. inline https://example.org"}},
		{"front-matter.markdown", []byte("---\ntitle: \"Peace: a plan\"\nauthor:\n  - Ann\n  - Bo\ndate: 2024-03-05\noutlet: The Daily\n---\nFirst line of body\n"),
			want{title: "Peace: a plan", byline: "Ann, Bo", published: "2024-03-05", outlet: "The Daily", text: "First line of body"}},
		{"not-front-matter.md", []byte("---\n: [ bad yaml\n---\nBody\n"), want{contains: []string{"Body"}}},
		{"no heading.md", []byte("Just a line\r\nsecond line\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n"), want{title: "Just a line second line", text: "Just a line second line\n\na\tb\n1\t2"}},
		{"cjk.md", []byte("北京的\n会谈\n"), want{text: "北京的会谈"}},
		{"nested 64.md", []byte(strings.Repeat("> ", 32) + strings.Repeat("- ", 32) + "deep but fine\n"), want{text: "deep but fine"}},
		{"nested 65.md", []byte(strings.Repeat("> ", 65) + "too deep\n"), want{text: strings.Repeat("> ", 65) + "too deep\n", notice: "nested 65 deep"}},
		{"indented 100.md", []byte(strings.Repeat(" ", 200) + "- too deep\n"), want{notice: "nested 101 deep"}},
	})
}

func TestMdDepth(t *testing.T) {
	tests := map[string]int{
		"plain text\n":                  0,
		"- a\n  - b\n    - c\n":         3,
		"> > quote\n":                   2,
		"1. one\n2) two\n":              1,
		"-no space\n*emphasis*\n":       0,
		"    code block\n":              0,
		"> - 10. mixed\n":               3,
		"1234567890. too many digits\n": 0,
	}
	for src, want := range tests {
		if got := mdDepth([]byte(src)); got != want {
			t.Errorf("mdDepth(%q) = %d, want %d", src, got, want)
		}
	}
}

// BenchmarkDeepMarkdown measures the nesting at the limit, which must stay
// fast, to compare with what goldmark would do beyond it.
func BenchmarkDeepMarkdown(b *testing.B) {
	var src strings.Builder
	for i := range maxMarkdownDepth {
		src.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	data := []byte(src.String())
	for b.Loop() {
		if _, err := Read("deep.md", data); err != nil {
			b.Fatal(err)
		}
	}
}
