package doc

import "testing"

func TestReadMarkdown(t *testing.T) {
	runReadCases(t, []readCase{
		{"article.md", []byte("# Talks *resume*\n\nThe minister said the talks\nwould resume, with [a link](http://example.com) and `code` &amp; \\*stars\\*.\n\n## Reactions\n\n- Kyiv welcomed it\n- Moscow did not\n  1. nested\n\n> A quoted\n> paragraph.\n\n```go\nfmt.Println(\"x\")\n  indented\n```\n\n<div>raw html block</div>\n\n![a photo](http://example.com/p.png)\n\nLast line  \nafter a hard break. <span>inline</span> <https://example.org>\n"),
			want{title: "Talks resume", format: "md", text: "Talks resume\n\nThe minister said the talks would resume, with a link and code & *stars*.\n\nReactions\n\nKyiv welcomed it\nMoscow did not\nnested\n\nA quoted paragraph.\n\nfmt.Println(\"x\")\n  indented\n\nLast line\nafter a hard break. inline https://example.org"}},
		{"front-matter.markdown", []byte("---\ntitle: \"Peace: a plan\"\nauthor:\n  - Ann\n  - Bo\ndate: 2024-03-05\noutlet: The Daily\n---\nFirst line of body\n"),
			want{title: "Peace: a plan", byline: "Ann, Bo", published: "2024-03-05", outlet: "The Daily", text: "First line of body"}},
		{"not-front-matter.md", []byte("---\n: [ bad yaml\n---\nBody\n"), want{contains: []string{"Body"}}},
		{"no heading.md", []byte("Just a line\r\nsecond line\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n"), want{title: "Just a line second line", text: "Just a line second line\n\na\tb\n1\t2"}},
		{"cjk.md", []byte("北京的\n会谈\n"), want{text: "北京的会谈"}},
	})
}
