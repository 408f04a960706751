package doc

import "testing"

func TestReadDOCX(t *testing.T) {
	core := "<dc:title>Talks resume</dc:title><dc:creator>Ann Reporter</dc:creator><dcterms:created>2024-03-05T10:00:00Z</dcterms:created>"
	body := wp("Talks resume in Geneva") +
		wp("“We are ready,” ", "the minister said.") +
		`<w:p><w:r><w:t>left</w:t><w:tab/><w:t>right</w:t><w:br/><w:t>next line</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>` +
		`<w:p><w:r><w:instrText>PAGE \* MERGEFORMAT</w:instrText></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del><w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>` +
		`<w:p/><w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box text again</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	runReadCases(t, []readCase{
		{"article.docx", buildDOCX(t, body, core), want{
			title: "Talks resume", byline: "Ann Reporter", published: "2024-03-05", format: "docx",
			text: "Talks resume in Geneva\n\n“We are ready,” the minister said.\n\nleft\tright\nnext line-x\n\ninserted\n\ncell 1\n\ncell 2\n\nbox text",
		}},
		{"no core.docx", buildDOCX(t, wp("  First paragraph  ")+wp("Second"), ""), want{title: "First paragraph", text: "First paragraph\n\nSecond"}},
		{"named .zip but docx.zip", buildDOCX(t, wp("Content wins"), ""), want{format: "docx", title: "Content wins"}},
	})
}

func TestReadODT(t *testing.T) {
	meta := "<dc:title>Talks resume</dc:title><meta:initial-creator>Ann Reporter</meta:initial-creator><dc:creator>Editor</dc:creator><dc:date>2024-03-05T10:00:00</dc:date>"
	body := `<text:h text:outline-level="1">Talks   resume
 in Geneva</text:h><text:p>One<text:s text:c="3"/>two<text:tab/>three<text:line-break/>four <text:span>five</text:span><text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote</text:p></text:note-body></text:note></text:p>` +
		`<office:annotation><text:p>A comment</text:p></office:annotation><text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
		`<text:list><text:list-item><text:p>item one</text:p></text:list-item><text:list-item><text:p>item two</text:p></text:list-item></text:list><text:p text:style-name="x"><text:s/></text:p>`
	runReadCases(t, []readCase{
		{"article.odt", buildODT(t, body, meta), want{
			title: "Talks resume", byline: "Ann Reporter", published: "2024-03-05", format: "odt",
			text: "Talks resume in Geneva\n\nOne   two\tthree\nfour five\n\nitem one\n\nitem two",
		}},
		{"no meta.odt", buildODT(t, "<text:p>Only paragraph</text:p>", ""), want{title: "Only paragraph", text: "Only paragraph"}},
	})
}

func TestReadEPUB(t *testing.T) {
	meta := "<dc:title>Peace Talks: A Chronicle</dc:title><dc:creator>Ann Reporter</dc:creator><dc:creator>Bo Writer</dc:creator><dc:date>2021-06-01</dc:date>"
	runReadCases(t, []readCase{
		{"book.epub", buildEPUB(t, meta,
			"<h1>Chapter One</h1><p>The first <em>round</em> of talks.</p><p>It ended badly.</p>",
			"<h2>Chapter Two</h2><ul><li>Kyiv</li><li>Moscow</li></ul><script>track()</script><p hidden>secret</p>"),
			want{
				title: "Peace Talks: A Chronicle", byline: "Ann Reporter, Bo Writer", published: "2021-06-01", format: "epub",
				text: "Chapter One\n\nThe first round of talks.\n\nIt ended badly.\n\nChapter Two\n\nKyiv\nMoscow",
			}},
		// A spine repeating a chapter (forbidden by EPUB) made a small file
		// read it as many times: each chapter is read once.
		{"repeated spine.epub", repeatedSpine(t, 20000), want{text: "Chapter one.\n\nChapter two.", notice: "more than once (20000 repeats)"}},
	})
}
