package doc

import (
	"fmt"
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
		// Goldmark is quadratic on these (75 KB of "*a_" took 19 s) or
		// builds a node of a few hundred bytes per line or mark: they are
		// imported as plain text, with the reason.
		{"emphasis runs.md", []byte(strings.Repeat("*a_", 25_000)), want{text: strings.Repeat("*a_", 25_000), notice: "a paragraph of 75000 bytes holds 50000 emphasis, link and code marks"}},
		{"brackets.md", []byte(strings.Repeat("[", 300_000)), want{text: strings.Repeat("[", 300_000), notice: "in reasonable time: imported as plain text"}},
		{"unclosed links.md", []byte(strings.Repeat("[a](", 25_000)), want{contains: []string{"[a]([a]("}, notice: "in reasonable time"}},
		{"reference definitions.md", []byte(strings.Repeat("[a]: b\n", 20_000)), want{contains: []string{"[a]: b\n[a]: b"}, notice: "in reasonable time"}},
		{"short lines.md", []byte(strings.Repeat("a\n\n", maxMarkdownNodes+1)), want{notice: "1048577 lines and 0 emphasis, link and code marks (* _ ~ [ ] ` <): too many to parse as Markdown"}},
		// Within the bounds it is Markdown, however long.
		{"long marked paragraph.md", []byte(strings.Repeat("The *minister* said [on Monday](http://example.com/a_b) that `talks` resume. ", 300)),
			want{contains: []string{"The minister said on Monday that talks resume. The minister"}, absent: []string{"*", "["}}},
		{"many paragraphs.md", []byte(strings.Repeat("The *minister* said [on Monday](http://example.com/a_b) that `talks` resume.\n\n", 20_000)),
			want{contains: []string{"The minister said on Monday that talks resume.\n\nThe minister"}, absent: []string{"*", "["}}},
	})
}

func TestMdMeasure(t *testing.T) {
	tests := []struct {
		src          string
		lines, marks int
		work         int64
	}{
		{"", 0, 0, 0},
		{"plain words\n", 1, 0, 0},
		{"**bold** and _it_\n", 1, 4, 4 * 18},               // a run of "*" counts once
		{"[a](b) `c` <d>\n\n[e]\n", 2, 7, 5*15 + 2*4},       // work per paragraph
		{"*a_*a_\n   \t\n*a_\n", 2, 6, 4*7 + 2*4},           // a line of spaces is blank
		{"[x]: y\n[x]: y\n[x]: y\n", 3, 6, 6 * 21},          // one paragraph
		{"```\ncode_with_underscores\n```\n", 3, 4, 4 * 30}, // fences are counted too: an overestimate
	}
	for _, tt := range tests {
		c := mdMeasure([]byte(tt.src))
		if c.lines != tt.lines || c.marks != tt.marks || c.work != tt.work {
			t.Errorf("mdMeasure(%q) = %d lines, %d marks, work %d; want %d, %d, %d", tt.src, c.lines, c.marks, c.work, tt.lines, tt.marks, tt.work)
		}
	}
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

// BenchmarkAdversarialMarkdown reads Markdown that goldmark parses in
// quadratic time, at three sizes: the time per byte (MB/s) must stay about
// the same as the size doubles, since mdTooHard sends such texts to the
// plain-text path. Before it, 75 KB of "*a_" took 19 s and 150 KB 88 s.
func BenchmarkAdversarialMarkdown(b *testing.B) {
	patterns := []struct{ name, unit string }{
		{"emphasis", "*a_"}, {"mixed", "a_b*"}, {"brackets", "["}, {"links", "[a]("}, {"references", "[a]: b\n"},
		{"article", "The *minister* said [on Monday](http://example.com/a_b) that `talks` resume.\n\n"},
	}
	for _, p := range patterns {
		for _, size := range []int{75_000, 150_000, 300_000} {
			src := []byte(strings.Repeat(p.unit, size/len(p.unit)))
			b.Run(fmt.Sprintf("%s/%dKB", p.name, size/1000), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := Read("adversarial.md", src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
