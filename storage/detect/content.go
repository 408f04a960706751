package detect

import "github.com/saywho-app/saywho/storage"

// Where a frame's content starts and ends: after a cue's object and
// adverbials, before an after-frame, around an inside frame, and where
// another frame of the same sentence cuts it.

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

// particles follow a cue verb before its object.
var particles = set(`for on of about to out up against with over`)

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
