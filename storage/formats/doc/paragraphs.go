package doc

import "strings"

// Gaps between blocks of text.
const (
	lineGap = "\n"   // list items, table rows, wrapped lines
	paraGap = "\n\n" // paragraphs, headings
)

// paragraphs builds text out of blocks: the readers write text into the
// current block and call Break at block boundaries. Blank blocks vanish,
// surrounding whitespace is trimmed, and two blocks are separated by the
// widest gap asked for between them.
type paragraphs struct {
	out, cur strings.Builder
	gap      string // the gap asked for since the last block written
}

// WriteString adds s to the current block.
func (p *paragraphs) WriteString(s string) { p.cur.WriteString(s) }

// WriteRune adds r to the current block.
func (p *paragraphs) WriteRune(r rune) { p.cur.WriteRune(r) }

// Break ends the current block and asks for at least gap before the next.
func (p *paragraphs) Break(gap string) {
	if text := strings.TrimSpace(p.cur.String()); text != "" {
		if p.out.Len() > 0 {
			p.out.WriteString(max(p.gap, lineGap))
		}
		p.out.WriteString(text)
		p.gap = ""
	}
	p.cur.Reset()
	if len(gap) > len(p.gap) {
		p.gap = gap
	}
}

// String ends the current block and returns the text.
func (p *paragraphs) String() string {
	p.Break("")
	return p.out.String()
}

// Len is the length in bytes of the text written so far.
func (p *paragraphs) Len() int { return p.out.Len() + p.cur.Len() }
