package detect

import (
	"strings"
	"unicode"

	"github.com/saywho-app/saywho/storage"
)

// document is a text being read: its tokens, quotations and sentences.
type document struct {
	text     []rune
	toks     []token
	quotes   []quoteSpan
	inQuote  []int // per token: the quotation whose marks enclose it (marks included), or -1
	sents    []sentence
	sentOf   []int        // per token: its sentence
	headline map[int]bool // paragraphs set as headlines (most words capitalised)
	bodyCaps map[string]bool
	why      map[int]string // when set: why the cue at a token made no attribution
}

// read prepares a text for the rules.
func read(text string) *document {
	d := &document{text: []rune(text)}
	d.toks = tokenize(d.text)
	d.quotes = findQuotes(d.toks)
	d.inQuote = make([]int, len(d.toks))
	for i := range d.inQuote {
		d.inQuote[i] = -1
	}
	for qi, q := range d.quotes {
		for i := q.first; i <= q.last; i++ {
			d.inQuote[i] = qi
		}
	}
	d.sents = splitSentences(d.toks)
	d.sentOf = make([]int, len(d.toks))
	for si, s := range d.sents {
		for i := s.from; i < s.to; i++ {
			d.sentOf[i] = si
		}
	}
	d.findHeadlines()
	return d
}

// findHeadlines marks paragraphs written in title case (most words of
// four letters or more capitalised, no final full stop unless it is the
// first paragraph), and collects the
// words capitalised inside sentences of the other paragraphs: in a
// headline only those are taken for names.
func (d *document) findHeadlines() {
	d.headline = map[int]bool{}
	d.bodyCaps = map[string]bool{}
	type tally struct{ long, caps, words int }
	paras := map[int]*tally{}
	lastTok := map[int]int{}
	for i := range d.toks {
		t := &d.toks[i]
		p := paras[t.para]
		if p == nil {
			p = &tally{}
			paras[t.para] = p
		}
		lastTok[t.para] = i
		if t.kind != tWord {
			continue
		}
		p.words++
		if len([]rune(t.text)) >= 4 && unicode.IsLetter([]rune(t.text)[0]) {
			p.long++
			if t.cap {
				p.caps++
			}
		}
	}
	for para, p := range paras {
		last := &d.toks[lastTok[para]]
		if p.words >= 3 && p.long >= 2 && p.caps*4 >= p.long*3 && (!last.punct(".") || para == 0) {
			d.headline[para] = true
		}
	}
	for i := range d.toks {
		t := &d.toks[i]
		if t.kind == tWord && t.cap && !d.headline[t.para] && i > d.sents[d.sentOf[i]].from && !d.toks[i-1].isOpening() {
			d.bodyCaps[t.base] = true
		}
	}
}

// isOpening reports tokens after which a capital does not show a name:
// opening marks and brackets, colons and dashes.
func (t *token) isOpening() bool {
	return t.mark == mOpen || t.mark == mReopen || t.punct("(") || t.punct(":") || t.punct("—") || t.punct("–")
}

// capitalised reports whether token i counts as a capitalised word: in a
// headline only words also capitalised inside the article's sentences do.
func (d *document) capitalised(i int) bool {
	t := &d.toks[i]
	if t.kind != tWord || !t.cap {
		return false
	}
	return !d.headline[t.para] || d.bodyCaps[t.base]
}

// span returns the code-point range of tokens [from, to).
func (d *document) span(from, to int) storage.Range {
	return storage.Range{Start: d.toks[from].start, End: d.toks[to-1].end}
}

// words returns the text of tokens [from, to) with single spaces.
func (d *document) words(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		if i > from && d.toks[i].space {
			b.WriteByte(' ')
		}
		b.WriteString(d.toks[i].text)
	}
	return b.String()
}

// quoted reports whether token i lies inside a quotation (marks
// included).
func (d *document) quoted(i int) bool { return i >= 0 && i < len(d.toks) && d.inQuote[i] >= 0 }
