package doc

import (
	"bytes"
	"fmt"
)

// Goldmark takes time or memory out of proportion to the size of some
// Markdown: deep nesting, and many emphasis, link or code marks in one
// paragraph. Its emphasis matching compares every closing delimiter with
// every opening one before it (75 KB of "*a_" took 19 s, 150 KB 88 s), a
// failed link or code span scans on to the end of its paragraph, a run of
// link reference definitions is cut out of its paragraph one copy at a
// time (1 MB of "[a]: b" lines took minutes), and every line and mark
// becomes a tree node of a few hundred bytes (12 MB of "[" took 1.17 GB).
// mdTooHard measures a text in one linear pass before goldmark sees it;
// beyond these bounds it is imported as plain text, with a notice.
const (
	// maxMarkdownDepth is the deepest nesting of lists and block quotes
	// parsed: goldmark's time grows with the cube of the depth (a 4 MB
	// file nested 2000 deep takes seconds); texts rarely nest beyond a
	// handful of levels.
	maxMarkdownDepth = 64
	// maxMarkdownNodes bounds the lines and marks of a text (about the
	// nodes of its tree, a few hundred bytes each): some 500 MB.
	maxMarkdownNodes = 1 << 20
	// maxMarkdownWork bounds the sum over paragraphs of marks × bytes,
	// what goldmark's scans and comparisons cost at worst (about a
	// nanosecond each, measured on "*a_" and "[a](" runs): a fifth of a
	// second. An article's paragraph of 1,000 bytes with 20 marks costs
	// 20,000.
	maxMarkdownWork = 200_000_000
)

// mdTooHard says why src is not to be parsed as Markdown, or "".
func mdTooHard(src []byte) string {
	if depth := mdDepth(src); depth > maxMarkdownDepth {
		return fmt.Sprintf("lists or quotes nested %d deep: too deep to parse as Markdown", depth)
	}
	c := mdMeasure(src)
	switch {
	case c.lines+c.marks > maxMarkdownNodes:
		return fmt.Sprintf("%d lines and %d emphasis, link and code marks (* _ ~ [ ] ` <): too many to parse as Markdown", c.lines, c.marks)
	case c.work > maxMarkdownWork:
		return fmt.Sprintf("a paragraph of %d bytes holds %d emphasis, link and code marks (* _ ~ [ ] ` <): too many to parse as Markdown in reasonable time", c.worstBytes, c.worstMarks)
	}
	return ""
}

// mdCost is what mdMeasure finds.
type mdCost struct {
	lines, marks           int   // non-blank lines; marks in all
	work                   int64 // sum over paragraphs of marks × bytes
	worstBytes, worstMarks int   // the paragraph with the most work
}

// mdMeasure counts the marks of src paragraph by paragraph: a run of "*",
// "_", "~" or "`" counts once, each "[", "]" and "<" once. A paragraph
// here is what lies between blank lines, which contains whole goldmark
// paragraphs (theirs also end at headings, list items, fences …), so the
// work is never underestimated.
func mdMeasure(src []byte) mdCost {
	var c mdCost
	var marks, size int
	end := func() {
		c.marks += marks
		if w := int64(marks) * int64(size); w > 0 {
			c.work += w
			if int64(c.worstMarks)*int64(c.worstBytes) < w {
				c.worstMarks, c.worstBytes = marks, size
			}
		}
		marks, size = 0, 0
	}
	for line := range bytes.Lines(src) {
		if len(bytes.Trim(line, " \t\r\n")) == 0 {
			end()
			continue
		}
		c.lines++
		size += len(line)
		var prev byte
		for _, b := range line {
			switch b {
			case '*', '_', '~', '`':
				if b != prev {
					marks++
				}
			case '[', ']', '<':
				marks++
			}
			prev = b
		}
	}
	end()
	return c
}

// mdDepth estimates the deepest nesting of lists and block quotes in src:
// on each line, the markers (">", "-", "*", "+", "1." or "1)") that open
// it, plus its indentation in steps of two columns when a marker follows.
func mdDepth(src []byte) int {
	deepest := 0
	for line := range bytes.Lines(src) {
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		rest, markers := line[indent:], 0
		for {
			rest = bytes.TrimLeft(rest, " \t")
			if m := mdMarker(rest); m > 0 {
				rest, markers = rest[m:], markers+1
				continue
			}
			break
		}
		if markers > 0 {
			deepest = max(deepest, markers+indent/2)
		}
	}
	return deepest
}

// mdMarker returns the length of the list or quote marker b starts with,
// or 0.
func mdMarker(b []byte) int {
	switch {
	case len(b) > 0 && b[0] == '>':
		return 1
	case len(b) > 1 && (b[0] == '-' || b[0] == '*' || b[0] == '+') && (b[1] == ' ' || b[1] == '\t'):
		return 2
	}
	digits := len(b) - len(bytes.TrimLeft(b, "0123456789"))
	if digits > 0 && digits <= 9 && len(b) > digits+1 && (b[digits] == '.' || b[digits] == ')') && (b[digits+1] == ' ' || b[digits+1] == '\t') {
		return digits + 2
	}
	return 0
}
