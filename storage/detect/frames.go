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

// objectContent returns where the object of the cue at i starts when it
// and what follows make at least three words to the end of the sentence
// (one for an evaluation: "praised Ortiz"), after a particle ("called
// for", "warned of"); else -1.
func (d *document) objectContent(i int, s sentence, class cueClass) int {
	k := i + 1
	if k < s.to && d.toks[k].kind == tWord && particles[d.toks[k].lower] {
		k++
	}
	if addressee(lookupCue(&d.toks[i])) && k < s.to {
		// "told reporters …": the first object is who was told; what was
		// told comes after it ("to leave", "about the plan").
		if t := &d.toks[k]; t.kind == tWord && objectPronouns[t.lower] {
			k++
		} else if np := d.npStartingAt(k, s.to); np != nil {
			k = np.to
		}
		if k >= s.to || !(d.toks[k].kind == tWord && (whWords[d.toks[k].lower] || particles[d.toks[k].lower]) || d.toks[k].mark == mOpen) {
			return -1
		}
	}
	least := 3
	if class == evaluation {
		least = 1
	}
	if d.wordCount(k, d.contentEnd(k, s)) < least || k >= s.to || d.toks[k].kind != tWord && d.toks[k].mark != mOpen {
		return -1
	}
	return k
}

// addressee reports whether a cue takes the person addressed as its
// object (tell, warn, assure).
func addressee(infos []cueInfo) bool {
	for _, c := range infos {
		if c.object && c.class == speech {
			return true
		}
	}
	return false
}

// byWay are the words before an -ing cue that make it an adverbial of the
// sentence's subject ("by saying", "while insisting").
var byWay = set(`by while after before when in since without`)

// particles follow a cue verb before its object.
var particles = set(`for on of about to out up against with over`)

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

// afterContent reports whether token k can close the content before an
// after-frame: a comma, a closing mark, or a dash.
func (d *document) afterContent(k int) bool {
	t := &d.toks[k]
	return t.punct(",") || t.mark == mClose || t.punct("—") || t.punct("–")
}

// restEmpty reports whether nothing but adverbials and the final
// punctuation follows token k in the sentence.
func (d *document) restEmpty(k int, s sentence) bool {
	return d.skipAdverbials(k, s) >= d.contentEnd(k, s)
}

// skipAdverbials skips time words and short prepositional phrases ("on
// Monday", "in a statement", "in an interview with Fox News") from token
// k, up to a comma, the end, or "that".
func (d *document) skipAdverbials(k int, s sentence) int {
	for k < s.to {
		t := &d.toks[k]
		switch {
		case t.kind == tWord && (timeWords[t.lower] || between[t.lower] && !t.is("that")):
			k++
		case t.kind == tWord && skipPrepositions[t.lower]:
			if t.is("to") && !d.toObject(k+1, s) {
				return k // "wants to run": an infinitive, not "told to reporters"
			}
			j := k + 1
			for j < s.to && j < k+8 && d.toks[j].kind == tWord && !d.toks[j].is("that") && lookupCue(&d.toks[j]) == nil && !clauseSubject(&d.toks[j]) {
				j++
			}
			if j == k+1 {
				return k
			}
			k = j
		default:
			return k
		}
	}
	return k
}

// toObject reports whether token k can be the object of "to" ("to
// reporters", "to the Post", "to him") rather than a verb.
func (d *document) toObject(k int, s sentence) bool {
	if k >= s.to {
		return false
	}
	t := &d.toks[k]
	return t.kind == tWord && (determiners[t.lower] || objectPronouns[t.lower] || d.capitalised(k) || isRole(t))
}

// clauseSubject reports pronouns that start a clause rather than continue
// a phrase.
func clauseSubject(t *token) bool {
	switch t.lower {
	case "he", "she", "they", "we", "i", "it", "you", "there":
		return true
	}
	return false
}

// contentAfter finds where the content of a cue at token i starts, or -1:
// after an object ("told reporters"), adverbials ("on Monday", "in a
// statement") and a comma or colon before a quotation; at "that", a
// quotation, a wh-word, "to" (intentions) or the subject of a clause.
func (d *document) contentAfter(i int, infos []cueInfo, s sentence) int {
	var clause, object, wants, reports bool
	for _, c := range infos {
		clause = clause || c.clause
		object = object || c.object
		wants = wants || c.class == intent
		reports = reports || c.class == speech || c.class == belief
	}
	k := i + 1
	if k < s.to && (d.toks[k].is("out") || d.toks[k].is("up") || d.toks[k].is("back")) {
		k++
	}
	if object && k < s.to && !d.toks[k].is("that") {
		if t := &d.toks[k]; t.kind == tWord && objectPronouns[t.lower] {
			k++
		} else if np := d.npStartingAt(k, s.to); np != nil && np.kind != npPronoun {
			k = np.to
		}
	}
	k = d.skipAdverbials(k, s)
	if k < s.to && d.toks[k].punct(",") && k+1 < s.to && !d.toks[k+1].isOpening() {
		// "said, in a statement, that"
		if j := d.skipAdverbials(k+1, s); j < s.to && j > k+1 && d.toks[j].is("that") {
			k = j
		} else if j < s.to && j > k+1 && d.toks[j].punct(",") {
			k = j
		}
	}
	if k >= s.to {
		return -1
	}
	t := &d.toks[k]
	switch {
	case t.is("that"):
		return k
	case (t.punct(",") || t.punct(":")) && k+1 < s.to && d.toks[k+1].mark == mOpen:
		return k + 1
	case t.punct(":") && k+1 < s.to:
		return k + 1
	case t.mark == mOpen:
		return k
	case wants && t.is("to"):
		return k
	case whWords[t.lower] && reports:
		return k
	case clause && t.kind == tWord && !t.is("to") && (clauseStarters[t.lower] || d.capitalised(k) || isNumber(t)):
		return k
	}
	return -1
}

// objectPronouns can follow tell, warn, assure.
var objectPronouns = set(`him her them me us you reporters`)

// whWords open indirect questions ("asked whether …").
var whWords = set(`whether if how why what when where who which`)

// contentEnd returns the token after the content that starts at from: the
// end of the sentence without its final punctuation outside quotation
// marks.
func (d *document) contentEnd(from int, s sentence) int {
	e := s.to
	for e-1 > from && d.toks[e-1].kind == tPunct && !d.quoted(e-1) {
		e--
	}
	return e
}

// contentBefore completes an after-frame: the content runs from the start
// of the sentence to the comma or mark at token stop; after the frame
// (ending at token rest) a comma may open a second part ("“Q1,” X said,
// “Q2.”").
func (d *document) contentBefore(s sentence, stop, rest int, a *attribution) *attribution {
	from := s.from
	end := stop
	if d.toks[stop].mark == mClose {
		end = stop + 1
	}
	if end <= from {
		return nil
	}
	a.contentFrom = from
	a.content = []storage.Range{d.span(from, end)}
	words := d.wordCount(from, end)
	k := d.skipAdverbials(rest, s)
	if k < s.to && d.toks[k].punct(",") && k+1 < s.to {
		next := k + 1
		if d.toks[next].mark == mOpen || !d.looksAppositive(next, s.to) && lookupCue(&d.toks[next]) == nil {
			if e := d.contentEnd(next, s); e > next {
				a.content = append(a.content, d.span(next, e))
				a.rule = RuleInside
				words += d.wordCount(next, e)
			}
		}
	}
	// A short unquoted stretch before a comma is seldom what was said
	// ("In 2015, …").
	if words < 1 || words < 4 && !d.quoted(from) {
		return nil
	}
	return a
}

// wordCount counts the word tokens in [from, to).
func (d *document) wordCount(from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if d.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// previousQuote completes a frame that stands alone in its sentence after
// a sentence that is one quotation.
func (d *document) previousQuote(si int, a *attribution) *attribution {
	if si == 0 {
		return nil
	}
	p := d.sents[si-1]
	if d.toks[p.from].para != d.toks[d.sents[si].from].para || d.toks[p.from].mark != mOpen {
		return nil
	}
	q := d.inQuote[p.from]
	if q < 0 || d.quotes[q].last < p.to-1-1 {
		return nil
	}
	a.contentFrom = p.from
	a.content = []storage.Range{d.span(p.from, p.to)}
	return a
}

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

// cutCoordinated ends a content where another frame of the same
// sentence begins after a comma, a semicolon or a conjunction ("X said A,
// and added that B"; "X said A, but Y argued B"); a frame after "that"
// is nested in the content and leaves it whole.
func (d *document) cutCoordinated(as []attribution) {
	for i := range as {
		a := &as[i]
		for j := range as {
			b := &as[j]
			if i == j || b.frameFrom <= a.contentFrom {
				continue
			}
			last := &a.content[len(a.content)-1]
			stop := d.toks[b.frameFrom].start
			if stop <= last.Start || stop >= last.End {
				continue
			}
			e := b.frameFrom
			for e-1 > a.contentFrom && joins(&d.toks[e-1]) {
				e--
			}
			if e == b.frameFrom && b.rule != RuleCoordinated && b.rule != RuleParticiple {
				continue // nested: "said that Y argued …"
			}
			if e > a.contentFrom {
				last.End = d.toks[e-1].end
			}
		}
	}
}

// joins reports the tokens that join two clauses.
func joins(t *token) bool {
	return t.punct(",") || t.punct(";") || t.punct("—") || t.kind == tWord && coordinators[t.lower]
}

// coordinators join clauses.
var coordinators = set(`and but while whereas although though yet or so`)

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
