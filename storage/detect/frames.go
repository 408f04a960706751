package detect

import (
	"slices"

	"github.com/saywho-app/saywho/storage"
)

// The rules, as recorded on each suggestion (storage.AttrRule).
const (
	RuleBefore      = "frame before content"            // X said (that) …
	RuleObject      = "frame before content, object"    // X criticised the plan …
	RuleAfter       = "frame after content"             // …, X said.
	RuleInverted    = "frame after content, inverted"   // …, said X.
	RuleInside      = "frame inside content"            // “Q1,” X said, “Q2.”
	RuleNextSent    = "frame in the next sentence"      // “Q!” X said. (split by the !)
	RuleAccording   = "according to"                    // according to X, …
	RuleParticiple  = "participle frame"                // X …, saying that …
	RuleCoordinated = "coordinated cue"                 // X said … and added that …
	RuleColon       = "colon frame"                     // X: “…”
	RuleFloating    = "floating quote"                  // “…” after an attributed quote
	RuleFragment    = "quoted fragment in the sentence" // X dismissed it as “unrealistic.”
)

// attribution is one found frame: cue, source and content.
type attribution struct {
	cueFrom, cueTo int             // tokens of the cue; equal when there is none
	src            *nounPhrase     // the source (shared with the attribution it continues)
	content        []storage.Range // code points
	contentFrom    int             // first token of the content
	frameFrom      int             // first token of the frame (source or cue)
	rule           string
	sent           int
	class          cueClass
}

// attributions finds the frames of sentence si.
func (d *document) attributions(si int) []attribution {
	s := d.sents[si]
	var out []attribution
	add := func(a *attribution) {
		if a == nil || len(a.content) == 0 {
			return
		}
		a.sent = si
		for _, o := range out {
			if slices.Equal(o.content, a.content) {
				return
			}
		}
		out = append(out, *a)
	}
	for i := s.from; i < s.to; i++ {
		if d.quoted(i) {
			continue
		}
		t := &d.toks[i]
		if t.is("according") && i+1 < s.to && d.toks[i+1].is("to") {
			add(d.accordingTo(s, i))
			continue
		}
		if t.punct(":") || t.punct("―") || t.punct("—") && i > s.from && d.toks[i-1].para != t.para-1 {
			add(d.colonFrame(s, i))
			continue
		}
		infos := lookupCue(t)
		if infos == nil || t.cap && i > s.from && !d.headline[t.para] && !d.toks[i-1].isOpening() {
			continue // a capital inside a sentence: a name ("the United States")
		}
		add(d.frame(s, si, i, infos, out))
	}
	d.cutCoordinated(out)
	return out
}

// frame tries the frames of the cue at token i.
func (d *document) frame(s sentence, si, i int, infos []cueInfo, here []attribution) *attribution {
	info := pick(infos)
	j := i - 1
	for j >= s.from && d.skippable(j, i) {
		j--
	}
	// X …, saying that … / X said A and added that B: the source is the
	// sentence's.
	if j >= s.from && (info.form == "ing" && (d.toks[j].punct(",") || d.toks[j].punct("—")) ||
		(d.toks[j].is("and") || d.toks[j].is("but")) && info.form != "ing") {
		from := d.contentAfter(i, infos, s)
		if from < 0 && (info.class == speech || info.class == evaluation) {
			from = d.objectContent(i, s, info.class)
		}
		if from < 0 {
			return d.reject(i, "participle/coordinated: no content")
		}
		rule := RuleParticiple
		if info.form != "ing" {
			rule = RuleCoordinated
		}
		a := &attribution{cueFrom: i, cueTo: i + 1, contentFrom: from, frameFrom: j, rule: rule, class: info.class}
		if len(here) > 0 {
			a.src = here[len(here)-1].src
		} else if a.src = d.subjectOf(s, j); a.src == nil {
			return d.reject(i, "participle/coordinated: no subject")
		}
		a.content = []storage.Range{d.span(from, d.contentEnd(from, s))}
		return a
	}
	if info.form == "ing" && d.progressive(i, s) {
		info.form = "s" // "is saying": finite
	}
	if info.form == "ing" && j >= s.from && d.toks[j].kind == tWord && !timeWords[d.toks[j].lower] {
		// "released a statement saying that …": the content must be
		// marked (that, a quotation, a colon).
		from := d.contentAfter(i, infos, s)
		marked := from >= 0 && (d.toks[from].is("that") || d.toks[from].mark == mOpen || from > 0 && d.toks[from-1].punct(":"))
		if byWay[d.toks[j].lower] && from < 0 && (info.class == speech || info.class == evaluation) {
			from = d.objectContent(i, s, info.class)
			marked = from >= 0
		}
		if marked || from >= 0 && byWay[d.toks[j].lower] {
			a := &attribution{cueFrom: i, cueTo: i + 1, contentFrom: from, frameFrom: i, rule: RuleParticiple, class: info.class,
				content: []storage.Range{d.span(from, d.contentEnd(from, s))}}
			if len(here) > 0 {
				a.src = here[len(here)-1].src
			} else if a.src = d.subjectOf(s, i); a.src == nil {
				return d.reject(i, "participle: no subject")
			}
			return a
		}
	}
	if info.form == "ing" || info.form == "en" && !d.perfect(i, s) {
		return d.reject(i, "non-finite form "+info.form)
	}
	src := d.sourceBefore(i, s.from)
	if src != nil {
		// X said (that) …
		from := d.contentAfter(i, infos, s)
		if after := src.from > s.from && d.afterContent(src.from-1); after && from > i+1 && d.toks[from-1].punct(",") {
			// “Q1,” X said, “Q2.”: one quote around its frame.
			if a := d.contentBefore(s, src.from-1, i+1, &attribution{cueFrom: i, cueTo: i + 1, src: src,
				frameFrom: src.from, rule: RuleAfter, class: info.class}); a != nil {
				return a
			}
		}
		if from >= 0 && (info.class == speech || info.class == belief || from < s.to && d.toks[from].is("that") || info.class == intent) {
			return &attribution{cueFrom: i, cueTo: i + 1, src: src, contentFrom: from, frameFrom: src.from,
				content: []storage.Range{d.span(from, d.contentEnd(from, s))}, rule: RuleBefore, class: info.class}
		}
		// …, X said (on Monday). An after-frame when nothing but
		// adverbials or a comma follows the cue.
		after := src.from > s.from && d.afterContent(src.from-1) && (info.class == speech || info.class == belief)
		if rest := d.skipAdverbials(i+1, s); after && (rest >= d.contentEnd(i+1, s) || d.toks[rest].punct(",")) {
			if a := d.contentBefore(s, src.from-1, i+1, &attribution{cueFrom: i, cueTo: i + 1, src: src,
				frameFrom: src.from, rule: RuleAfter, class: info.class}); a != nil {
				return a
			}
		}
		// X criticised the plan …: the rest of the clause is the content.
		if from := d.objectContent(i, s, info.class); from >= 0 && info.class != belief && src.subject {
			return &attribution{cueFrom: i, cueTo: i + 1, src: src, contentFrom: from, frameFrom: src.from,
				content: []storage.Range{d.span(from, d.contentEnd(from, s))}, rule: RuleObject, class: info.class}
		}
		if info.class != speech && info.class != belief {
			return d.reject(i, "source, no content ("+info.class.String()+")")
		}
		if after {
			return d.contentBefore(s, src.from-1, i+1, &attribution{cueFrom: i, cueTo: i + 1, src: src,
				frameFrom: src.from, rule: RuleAfter, class: info.class})
		}
		// “Q!” X said. (the sentence before is the quotation)
		if src.from == s.from && d.restEmpty(i+1, s) {
			return d.previousQuote(si, &attribution{cueFrom: i, cueTo: i + 1, src: src, frameFrom: src.from,
				rule: RuleNextSent, class: info.class})
		}
		return d.reject(i, "source, no content, no after-frame")
	}
	// …, said X.
	if info.inverted && i > s.from && d.afterContent(i-1) && (info.form == "ed" || info.form == "s") {
		src := d.npStartingAt(i+1, s.to)
		if src == nil || src.kind == npPronoun && src.head != "he" && src.head != "she" {
			return d.reject(i, "inverted: no source after")
		}
		return d.contentBefore(s, i-1, src.to, &attribution{cueFrom: i, cueTo: i + 1, src: src,
			frameFrom: i, rule: RuleInverted, class: info.class})
	}
	return d.reject(i, "no source before")
}

// reject notes why the cue at token i made no attribution (for the
// failure analysis) and returns nil.
func (d *document) reject(i int, why string) *attribution {
	if d.why != nil {
		d.why[i] = why
	}
	return nil
}

// byWay are the words before an -ing cue that make it an adverbial of the
// sentence's subject ("by saying", "while insisting").
var byWay = set(`by while after before when in since without`)

// perfect reports whether the participle at i follows has/have/had.
func (d *document) perfect(i int, s sentence) bool { return d.auxBefore(i, s, perfectAux) }

// progressive reports whether the -ing form at i follows a form of be
// ("is saying", "has been arguing").
func (d *document) progressive(i int, s sentence) bool { return d.auxBefore(i, s, beAux) }

// auxBefore reports whether one of aux stands before token i, with only
// adverbs and other auxiliaries between.
func (d *document) auxBefore(i int, s sentence, aux map[string]bool) bool {
	for j := i - 1; j >= s.from && j >= i-4; j-- {
		if aux[d.toks[j].lower] {
			return true
		}
		if !d.skippable(j, i) {
			return false
		}
	}
	return false
}

var (
	perfectAux = set(`has have had`)
	beAux      = set(`is are was were am be been`)
)

// accordingTo reads "according to X, …" and "…, according to X".
func (d *document) accordingTo(s sentence, i int) *attribution {
	src := d.npStartingAt(i+2, s.to)
	if src == nil {
		return nil
	}
	a := &attribution{cueFrom: i, cueTo: i + 2, src: src, frameFrom: i, rule: RuleAccording, class: speech}
	if i == s.from || d.clauseStart(i, s.from) && !d.toks[i-1].punct(",") {
		k := src.to
		for k < s.to && !d.toks[k].punct(",") && k < src.to+6 {
			k++
		}
		if k >= s.to || !d.toks[k].punct(",") {
			return nil
		}
		e := d.contentEnd(k+1, s)
		if e <= k+1 {
			return nil
		}
		a.contentFrom = k + 1
		a.content = []storage.Range{d.span(k+1, e)}
		return a
	}
	end := i
	if d.toks[i-1].punct(",") {
		end = i - 1
	}
	if end-s.from < 2 {
		return nil
	}
	a.contentFrom = s.from
	a.content = []storage.Range{d.span(s.from, end)}
	return a
}

// colonFrame reads "X: “…”" at the start of a sentence, and a speaker's
// label opening a paragraph ("Ortiz: …", "Ortiz ― …", as in interviews).
func (d *document) colonFrame(s sentence, i int) *attribution {
	if i == s.from || i+1 >= s.to {
		return nil
	}
	label := d.toks[s.from].start == d.paraStart(s.from) && i-s.from <= 4
	if d.toks[i+1].mark != mOpen && !label {
		return nil
	}
	src := d.npEndingAt(i-1, s.from, npInner)
	if src == nil || src.from != s.from || src.kind == npRole || src.kind == npPronoun {
		return nil
	}
	return &attribution{cueFrom: i, cueTo: i, src: src, contentFrom: i + 1, frameFrom: s.from,
		content: []storage.Range{d.span(i+1, d.contentEnd(i+1, s))}, rule: RuleColon, class: speech}
}

// paraStart returns where the paragraph of token i starts.
func (d *document) paraStart(i int) int {
	for i > 0 && d.toks[i-1].para == d.toks[i].para {
		i--
	}
	return d.toks[i].start
}

// subjectOf finds the subject of the sentence before token upto: the noun
// phrase that opens it, after an opening adverbial ("At a meeting in
// Brussels, …") or conjunction.
func (d *document) subjectOf(s sentence, upto int) *nounPhrase {
	k := s.from
	if t := &d.toks[k]; t.kind == tWord && (sentenceAdverbs[t.lower] || timeWords[t.lower]) {
		for k < upto && !d.toks[k].punct(",") {
			k++
		}
		k++
	}
	if k >= upto {
		return nil
	}
	np := d.npStartingAt(k, upto)
	if np == nil || np.kind == npPronoun && np.head == "it" {
		return nil
	}
	return np
}

// pick chooses the description of a cue form that decides its frames: a
// speech verb first, and a finite form ("said" as a past) before a
// participle.
func pick(infos []cueInfo) cueInfo {
	best := infos[0]
	score := func(c cueInfo) int {
		n := 0
		if c.class == speech {
			n += 2
		}
		if c.form != "en" {
			n++
		}
		return n
	}
	for _, c := range infos[1:] {
		if score(c) > score(best) {
			best = c
		}
	}
	return best
}
