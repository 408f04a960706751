package doc

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfLine is one line of text on a page.
type pdfLine struct {
	y, left, right, size float64
	text                 string
}

// pdfLayout turns the glyphs of pages into paragraphs. Glyphs are grouped
// into lines by their baseline, lines ordered top to bottom and glyphs
// left to right, a space put where two glyphs are further apart than a
// fifth of the font size. A line starts a new paragraph after a wider gap
// than the page's usual line spacing, after a short line (one ending well
// before the right margin, as a paragraph's last line does), on a change of
// font size, or when it is indented; otherwise it continues the previous
// line after a space (none between CJK characters).
type pdfLayout struct {
	p         paragraphs
	lastShort bool // the last line written was short
	started   bool
}

// addPage lays out one page's glyphs.
func (l *pdfLayout) addPage(glyphs []pdf.Text) {
	lines := pdfLines(glyphs)
	if len(lines) == 0 {
		return
	}
	lead, left, right := pageMetrics(lines)
	for i, ln := range lines {
		newPara := !l.started || (i == 0 && l.lastShort)
		if i > 0 {
			prev := lines[i-1]
			dy := prev.y - ln.y
			newPara = dy <= 0 || dy > 1.5*lead ||
				math.Abs(ln.size-prev.size) > 0.15*prev.size ||
				l.lastShort || ln.left-left > ln.size
		}
		switch {
		case newPara:
			l.p.Break(paraGap)
		case strings.HasSuffix(l.p.cur.String(), "-"):
		default:
			last, _ := utf8.DecodeLastRuneInString(l.p.cur.String())
			first, _ := utf8.DecodeRuneInString(ln.text)
			l.p.WriteString(joiner(last, first))
		}
		l.p.WriteString(ln.text)
		l.lastShort = ln.right < right-0.15*(right-left)
		l.started = true
	}
}

// String returns the text laid out so far.
func (l *pdfLayout) String() string { return l.p.String() }

// pageMetrics returns the usual spacing between lines (the most common
// gap, to half a point; the smallest of equally common ones, since
// paragraph and heading gaps are the wider ones) and the page's left and
// right text margins.
func pageMetrics(lines []pdfLine) (lead, left, right float64) {
	var gaps []float64 // between consecutive lines
	left, right = lines[0].left, lines[0].right
	for i, ln := range lines {
		left, right = min(left, ln.left), max(right, ln.right)
		if i > 0 && lines[i-1].y > ln.y {
			gaps = append(gaps, lines[i-1].y-ln.y)
		}
	}
	if len(gaps) == 0 {
		return lines[0].size * 1.2, left, right
	}
	counts := map[float64]int{}
	for _, g := range gaps {
		counts[math.Round(g*2)/2]++
	}
	lead = math.Inf(1)
	best := 0
	for g, n := range counts {
		if n > best || (n == best && g < lead) {
			lead, best = g, n
		}
	}
	return lead, left, right
}

// pdfLines groups glyphs into lines, top to bottom.
func pdfLines(glyphs []pdf.Text) []pdfLine {
	gs := slices.DeleteFunc(slices.Clone(glyphs), func(g pdf.Text) bool {
		return g.S == "" || g.S == "\n" || g.S == "\r"
	})
	slices.SortStableFunc(gs, func(a, b pdf.Text) int { return cmp.Compare(b.Y, a.Y) })
	var lines []pdfLine
	for start := 0; start < len(gs); {
		end := start + 1
		tol := 0.5 * size(gs[start])
		for end < len(gs) && gs[start].Y-gs[end].Y <= tol {
			end++
		}
		row := gs[start:end]
		slices.SortStableFunc(row, func(a, b pdf.Text) int { return cmp.Compare(a.X, b.X) })
		if ln := pdfRow(row); ln.text != "" {
			lines = append(lines, ln)
		}
		start = end
	}
	return lines
}

// size is a glyph's font size, with a default for degenerate values.
func size(g pdf.Text) float64 {
	if s := math.Abs(g.FontSize); s > 0.5 && s < 1000 {
		return s
	}
	return 10
}

// pdfRow joins the glyphs of one line, left to right.
func pdfRow(row []pdf.Text) pdfLine {
	var b strings.Builder
	ln := pdfLine{y: row[0].Y, left: row[0].X, size: size(row[0])}
	cursor := row[0].X
	for _, g := range row {
		sz := size(g)
		if b.Len() > 0 && g.X-cursor > 0.2*sz && !strings.HasSuffix(b.String(), " ") && g.S != " " {
			b.WriteByte(' ')
		}
		b.WriteString(g.S)
		w := g.W
		if w <= 0 {
			w = 0.5 * sz * float64(utf8.RuneCountInString(g.S)) // widths unknown: estimate
		}
		cursor = max(cursor, g.X) + w
		ln.size = max(ln.size, sz)
	}
	ln.text = strings.TrimSpace(strings.Join(strings.Fields(b.String()), " "))
	ln.right = cursor
	return ln
}
