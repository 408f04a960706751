package detect

import (
	"sort"

	"github.com/saywho-app/saywho/storage"
)

// markRole is what a quotation-mark token turned out to be.
type markRole uint8

const (
	mNone   markRole = iota // not decided, or not a mark
	mOpen                   // opens a quotation
	mClose                  // closes one
	mReopen                 // reopens a quotation continued from the previous paragraph
	mApos                   // an apostrophe, or a mark that pairs with nothing
)

// quoteSpan is a quotation in the text: from its opening mark to its
// closing mark (both included), or to the end of its last paragraph when
// the closing mark is missing.
type quoteSpan struct {
	start, end int             // code points
	first      int             // token index of the opening mark
	last       int             // token index of the closing mark, or of the last token inside
	parts      []storage.Range // one per paragraph it covers
	single     bool            // in single marks (British style, or a headline's scare quotes)
}

// markClass sorts quotation characters.
type markClass uint8

const (
	cDouble markClass = iota
	cSingle
)

// markShape says what a mark character can be.
type markShape struct {
	class       markClass
	open, close bool // can open, can close
	apostrophe  bool // can be an apostrophe
}

// shapes of the quotation characters; ” and “ are looked up as strings.
var shapes = map[string]markShape{
	"\"": {class: cDouble, open: true, close: true},
	"''": {class: cDouble, open: true, close: true},
	"``": {class: cDouble, open: true},
	"“":  {class: cDouble, open: true, close: true}, // closes after „ (German)
	"”":  {class: cDouble, close: true},
	"„":  {class: cDouble, open: true},
	"‟":  {class: cDouble, open: true},
	"«":  {class: cDouble, open: true, close: true}, // closes after » (»German«)
	"»":  {class: cDouble, open: true, close: true},
	"「":  {class: cDouble, open: true},
	"」":  {class: cDouble, close: true},
	"『":  {class: cSingle, open: true},
	"』":  {class: cSingle, close: true},
	"‘":  {class: cSingle, open: true, apostrophe: true},
	"’":  {class: cSingle, close: true, apostrophe: true},
	"‚":  {class: cSingle, open: true},
	"‹":  {class: cSingle, open: true, close: true},
	"›":  {class: cSingle, open: true, close: true},
	"'":  {class: cSingle, open: true, close: true, apostrophe: true},
}

// preferOpen are marks that open unless a quotation of their class is
// open; preferClose the reverse.
var preferOpen = map[string]bool{"“": true, "«": true, "‹": true, "‘": true}

// findQuotes decides the role of every mark token and returns the
// quotations, in text order.
func findQuotes(toks []token) []quoteSpan {
	var out []quoteSpan
	open := [2]int{-1, -1} // token index of the open double and single mark
	var parts [2][]storage.Range
	var from [2]int // start of the current paragraph part
	closeAt := func(c markClass, last int) {
		if s := open[cSingle]; c == cDouble && s > open[cDouble] {
			toks[s].mark, open[cSingle] = mApos, -1 // a single mark left open inside
		}
		o := open[c]
		end := toks[last].end
		q := quoteSpan{start: toks[o].start, end: end, first: o, last: last, single: c == cSingle,
			parts: append(parts[c], storage.Range{Start: from[c], End: end})}
		if c == cDouble || open[cDouble] < 0 {
			out = append(out, q)
		}
		open[c] = -1
		parts[c] = nil
	}
	for i := range toks {
		t := &toks[i]
		if i > 0 && t.para != toks[i-1].para {
			// A paragraph ends. A single quotation left open was an
			// apostrophe; a double one continues when the next paragraph
			// opens with a mark, else it ends here.
			if o := open[cSingle]; o >= 0 {
				toks[o].mark, open[cSingle] = mApos, -1
			}
			if o := open[cDouble]; o >= 0 {
				if sh, ok := shapes[t.text]; ok && t.kind == tMark && sh.class == cDouble && sh.open {
					parts[cDouble] = append(parts[cDouble], storage.Range{Start: from[cDouble], End: toks[i-1].end})
					from[cDouble] = t.start
					t.mark = mReopen
					continue
				}
				closeAt(cDouble, i-1)
			}
		}
		if t.kind != tMark {
			continue
		}
		sh, ok := shapes[t.text]
		if !ok {
			continue
		}
		c := sh.class
		next := i+1 < len(toks) && toks[i+1].para == t.para
		attachedAfter := next && !toks[i+1].space && toks[i+1].kind == tWord
		attachedBefore := !t.space && i > 0 && toks[i-1].para == t.para && toks[i-1].kind == tWord
		if sh.apostrophe && attachedBefore && attachedAfter {
			t.mark = mApos // inside a word
			continue
		}
		isOpen := open[c] >= 0
		var role markRole
		switch {
		case sh.open && !sh.close:
			role = mOpen
		case sh.close && !sh.open:
			role = mClose
		case preferOpen[t.text]:
			role = mOpen
			if isOpen {
				role = mClose
			}
		default: // straight marks: by the spaces around them
			switch {
			case t.space && !(next && toks[i+1].space) && next:
				role = mOpen
			case !t.space && (!next || toks[i+1].space || toks[i+1].kind == tPunct):
				role = mClose
			case isOpen:
				role = mClose
			default:
				role = mOpen
			}
		}
		switch {
		case role == mClose && isOpen:
			t.mark = mClose
			closeAt(c, i)
		case role == mClose:
			t.mark = mApos // ’ after a plural ("voters’"), or a stray mark
		case role == mOpen && c == cSingle && sh.apostrophe && !t.space && i > 0:
			t.mark = mApos
		default:
			if isOpen && c == cDouble {
				closeAt(c, i-1) // the previous quotation was never closed
			}
			if isOpen && c == cSingle {
				toks[open[c]].mark = mApos
			}
			t.mark = mOpen
			open[c], from[c] = i, t.start
		}
	}
	if o := open[cSingle]; o >= 0 {
		toks[o].mark = mApos
	}
	if open[cDouble] >= 0 && len(toks) > 0 {
		closeAt(cDouble, len(toks)-1)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}
