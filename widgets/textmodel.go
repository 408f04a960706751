package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is the unit of line wrapping: a word part that must stay on one line
// (unless it is wider than the line), followed by white space that may hang
// past the line's end and at most one hard line break. Offsets are code
// points; bstart and bword locate the word in the text's bytes, to measure
// it without allocating. Tokens are kept small (16 bytes): a long article
// has hundreds of thousands of them.
type token struct {
	start  int32  // first code point
	bstart int32  // byte offset of start
	word   uint16 // code points in the word part
	bword  uint16 // bytes in the word part
	trail  uint16 // code points after the word: white space and the break
	brk    uint8  // code points of the closing hard break (0, 1 or 2 for CRLF)
}

// Token parts longer than these are cut into several tokens (a word is then
// breakable there, which only matters for words far wider than a line).
const (
	maxTokenWord  = 16000 // code points; at most 4 bytes each, so bword fits
	maxTokenTrail = 65000
)

// wordEnd returns the end of the word part.
func (t token) wordEnd() int32 { return t.start + int32(t.word) }

// end returns the end of the token.
func (t token) end() int32 { return t.wordEnd() + int32(t.trail) }

// spaceEnd returns the end of the white space after the word (the start of
// the hard break, if any).
func (t token) spaceEnd() int32 { return t.end() - int32(t.brk) }

// bwordEnd returns the byte offset of the end of the word part.
func (t token) bwordEnd() int32 { return t.bstart + int32(t.bword) }

// runeClass sorts code points for line breaking.
type runeClass uint8

const (
	clsWord   runeClass = iota // part of a word
	clsSpace                   // breakable white space, hangs at the line end
	clsBreak                   // hard line break
	clsExtend                  // combining mark, joiner or selector: never starts a token
	clsIdeo                    // CJK ideograph or kana: a line may break before and after it
)

// pending records what the previous code point allows before the next one.
type pending uint8

const (
	pendNone   pending = iota
	pendIdeo           // after an ideograph: break before the next code point
	pendHyphen         // after a hyphen inside a word: break before a letter
)

// noStartChars may not begin a line (simplified kinsoku shori and closing
// punctuation): the line never breaks before them.
const noStartChars = ",.;:!?%、。，．：；？！ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・…‥〜゛゜｡､"

// tokenize splits text into code points and wrapping tokens. It never fails:
// every code point belongs to exactly one token, in order.
func tokenize(text string) ([]rune, []token) {
	runes := []rune(text)
	z := tokenizer{toks: make([]token, 0, strings.Count(text, " ")+strings.Count(text, "\n")+1)}
	pend, prev := pendNone, rune('\n')
	bi := int32(0)
	for i := 0; i < len(runes); i++ {
		r, ri, n := runes[i], int32(i), int32(1)
		c := clsWord
		if r < 0x80 {
			c = asciiClass[r]
		} else {
			_, w := utf8.DecodeRuneInString(text[bi:])
			c, n = classify(r), int32(w)
		}
		switch c {
		case clsBreak:
			z.closeWord(ri, bi)
			brk := uint8(1)
			if r == '\r' && i+1 < len(runes) && runes[i+1] == '\n' {
				i, n, brk = i+1, 2, 2
			}
			z.flush(int32(i+1), bi+n)
			z.toks[len(z.toks)-1].brk = brk
			pend, prev = pendNone, '\n'
			bi += n
			continue
		case clsSpace:
			if z.trail && ri-z.wordEnd >= maxTokenTrail {
				z.flush(ri, bi)
			}
			z.closeWord(ri, bi)
			pend = pendNone
		case clsExtend:
			if z.trail || ri-z.t.start >= maxTokenWord {
				z.flush(ri, bi)
			}
		default:
			if z.trail || ri-z.t.start >= maxTokenWord || (ri > z.t.start && (c == clsIdeo || pend != pendNone) && breakBefore(pend, prev, r, c)) {
				z.flush(ri, bi)
			}
			pend = pendNone
			if c == clsIdeo || r == '-' || (r >= '‐' && r <= '—') {
				pend = pendingAfter(prev, r, c)
			} else {
				// fast path: the rest of a plain ASCII word changes nothing
				for lim := min(len(runes), int(z.t.start)+maxTokenWord) - 1; i < lim && runes[i+1] < 0x80 && asciiClass[runes[i+1]] == clsWord && runes[i+1] != '-'; {
					i++
					bi++
					r = runes[i]
				}
			}
		}
		bi += n
		prev = r
	}
	if z.t.start < int32(len(runes)) {
		z.flush(int32(len(runes)), int32(len(text)))
	}
	return runes, z.toks
}

// tokenizer collects tokens; t is the token being read.
type tokenizer struct {
	toks    []token
	t       token
	wordEnd int32 // end of t's word part once trail is set
	trail   bool  // inside t's trailing part
}

// closeWord ends t's word part at code point ri (byte bi), if not done yet.
func (z *tokenizer) closeWord(ri, bi int32) {
	if !z.trail {
		z.t.word, z.t.bword = uint16(ri-z.t.start), uint16(bi-z.t.bstart)
		z.wordEnd, z.trail = ri, true
	}
}

// flush ends t at code point ri (byte bi) and starts the next token there.
func (z *tokenizer) flush(ri, bi int32) {
	z.closeWord(ri, bi)
	z.t.trail = uint16(ri - z.wordEnd)
	z.toks = append(z.toks, z.t)
	z.t = token{start: ri, bstart: bi}
	z.trail = false
}

// breakBefore reports whether a line may break between prev and r.
func breakBefore(pend pending, prev, r rune, c runeClass) bool {
	switch {
	case c != clsIdeo && pend == pendNone:
		return false
	case pend == pendHyphen && !unicode.IsLetter(r):
		return false
	}
	return !unicode.In(prev, unicode.Ps, unicode.Pi) && !noStart(r)
}

// pendingAfter returns what r allows before the code point that follows it.
func pendingAfter(prev, r rune, c runeClass) pending {
	switch {
	case c == clsIdeo:
		return pendIdeo
	case (r == '-' || r == '‐' || r == '–' || r == '—') && unicode.IsLetter(prev):
		return pendHyphen
	}
	return pendNone
}

// noStart reports whether r may not begin a line.
func noStart(r rune) bool {
	if r < 0x80 {
		return r == ',' || r == '.' || r == ';' || r == ':' || r == '!' || r == '?' || r == '%' || r == ')' || r == ']' || r == '}'
	}
	if unicode.In(r, unicode.Pe, unicode.Pf) {
		return true
	}
	for _, c := range noStartChars {
		if c == r {
			return true
		}
	}
	return false
}

// asciiClass caches classify for ASCII.
var asciiClass = func() (t [0x80]runeClass) {
	for r := range t {
		t[r] = classify(rune(r))
	}
	return t
}()

// classify returns r's class for line breaking.
func classify(r rune) runeClass {
	if r < 0x80 {
		switch r {
		case ' ', '\t':
			return clsSpace
		case '\n', '\r', '\v', '\f':
			return clsBreak
		}
		if r < 0x20 || r == 0x7F {
			return clsSpace // other control characters show as a space
		}
		return clsWord
	}
	switch {
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return clsBreak
	case r == 0xA0 || r == 0x202F || r == 0x2007 || r == 0x2060 || r == 0xFEFF:
		return clsWord // no-break spaces and joiners keep words together
	case r == 0x200B:
		return clsSpace
	case isExtend(r):
		return clsExtend
	case unicode.IsSpace(r):
		return clsSpace
	case isIdeographic(r):
		return clsIdeo
	}
	return clsWord
}

// isExtend reports whether r continues the preceding character: combining
// marks, joiners, variation selectors, emoji modifiers and tags.
func isExtend(r rune) bool {
	return r == 0x200C || r == 0x200D ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F) || (r >= 0xE0100 && r <= 0xE01EF) ||
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// isIdeographic reports whether a line may break on both sides of r without
// white space: Han, kana, Bopomofo, CJK symbols and full-width forms.
func isIdeographic(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) ||
		unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo)
}

// isRTL reports whether r is a strong right-to-left character or a bidi
// control that can start a right-to-left run.
func isRTL(r rune) bool {
	return (r >= 0x0590 && r <= 0x08FF) || (r >= 0xFB1D && r <= 0xFDFF) ||
		(r >= 0xFE70 && r <= 0xFEFC) || (r >= 0x10800 && r <= 0x10FFF) ||
		(r >= 0x1E800 && r <= 0x1EFFF) || r == 0x200F || r == 0x202B || r == 0x202E || r == 0x2067
}

// displayRune maps r to what a line's canvas.Text shows: control characters
// and tabs become a space so that display runes match text runes one to one.
func displayRune(r rune) rune {
	if r < 0x20 || r == 0x7F {
		return ' '
	}
	return r
}
