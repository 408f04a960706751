package detect

import (
	"strings"
	"unicode"
)

// npKind is what a source noun phrase names.
type npKind uint8

const (
	npName    npKind = iota + 1 // a person's name, with or without a title
	npOrg                       // an organisation's name ("the Kremlin", "Clinton campaign")
	npRole                      // a role or group ("a spokeswoman", "officials", "a new poll")
	npPronoun                   // he, she, they, it, we, I, you
)

func (k npKind) String() string {
	return [...]string{"", "name", "organisation", "role noun", "pronoun"}[k]
}

// nounPhrase is a speaker mention found in the text.
type nounPhrase struct {
	from, to int    // tokens of the mention
	kind     npKind //
	name     string // the speaker's name without title (names and organisations)
	head     string // the lower-cased head word
	gender   byte   // 'm' or 'f' when a title or pronoun tells, else 0
	subject  bool   // it starts a clause (not just stands before the cue)
}

// sentenceAdverbs open a sentence without being its subject.
var sentenceAdverbs = set(`meanwhile however still yet also moreover instead indeed later earlier yesterday today now then
	so thus but and or nevertheless nonetheless separately similarly likewise finally first second last again already
	in on at after before during when while although though because since as if unless despite for with by from under`)

// institutionNouns are role nouns that with a capitalised modifier make an
// organisation's name ("Clinton campaign", "Justice Department").
var institutionNouns = set(`campaign administration government committee party department ministry agency court council
	commission team foundation institute office board union group network company`)

// skippable reports tokens that may stand between a source and its cue:
// auxiliaries, adverbs and short time phrases ("has also", "on Monday").
func (d *document) skippable(j, cue int) bool {
	t := &d.toks[j]
	if t.kind != tWord {
		return false
	}
	switch {
	case between[t.lower], timeWords[t.lower]:
		return true
	case strings.HasSuffix(t.lower, "ly") && !t.cap && len(t.lower) > 4:
		return true
	case t.lower == "on" || t.lower == "last" || t.lower == "this" || t.lower == "late" || t.lower == "next":
		return j+1 < cue && timeWords[d.toks[j+1].lower]
	}
	return false
}

// sourceBefore finds the source of a cue at token cue in the noun phrase
// just before it (auxiliaries and adverbs skipped), not before token lo.
func (d *document) sourceBefore(cue, lo int) *nounPhrase {
	j := cue - 1
	for j >= lo {
		switch {
		case d.skippable(j, cue):
			j--
			continue
		case d.toks[j].punct(")"):
			// "Sen. Tim Kaine (D-Va.) said"
			if open := d.parenOpen(j, lo); open > lo {
				j = open - 1
				continue
			}
		}
		break
	}
	if j < lo || d.quoted(j) && d.toks[j].mark == mNone {
		return nil
	}
	return d.npEndingAt(j, lo, npSubject)
}

// parenOpen returns the "(" matching the ")" at j within ten tokens, or
// -1.
func (d *document) parenOpen(j, lo int) int {
	for k := j - 1; k >= lo && k > j-10; k-- {
		if d.toks[k].punct("(") {
			return k
		}
	}
	return -1
}

// npMode says where npEndingAt looks for a noun phrase.
type npMode uint8

const (
	npSubject    npMode = iota // the subject of a cue: may hold an appositive or lead a relative clause
	npInner                    // the head of an appositive or a label: must start a clause
	npAntecedent               // what "who" or "which" refers to: anywhere
)

// npEndingAt finds a subject noun phrase whose last token is j: a pronoun,
// a name or a role noun phrase, or a name followed by an appositive or a
// relative clause between commas ("Peskov, the Kremlin spokesman,"; "the
// administration, which"). It returns nil unless the phrase starts a
// clause.
func (d *document) npEndingAt(j, lo int, mode npMode) *nounPhrase {
	t := &d.toks[j]
	switch {
	case t.kind == tWord && pronouns[t.lower]:
		if !d.clauseStart(j, lo) {
			return nil
		}
		np := &nounPhrase{from: j, to: j + 1, kind: npPronoun, head: t.lower, subject: true}
		switch t.lower {
		case "he":
			np.gender = 'm'
		case "she":
			np.gender = 'f'
		}
		return np
	case t.is("who") || t.is("which"):
		if mode != npSubject || j-1 < lo {
			return nil
		}
		k := j - 1
		if d.toks[k].punct(",") {
			k--
		}
		if k < lo {
			return nil
		}
		return d.npEndingAt(k, lo, npAntecedent)
	case t.punct(",") && mode == npSubject:
		// An appositive: NAME, the … spokesman, CUE.
		for p := j - 1; p >= max(lo, j-16); p-- {
			if d.toks[p].punct(",") {
				if p == j-1 || p-1 < lo {
					return nil
				}
				np := d.npEndingAt(p-1, lo, npInner)
				if np == nil || np.kind == npPronoun || !d.looksAppositive(p+1, j) {
					return nil
				}
				if np.kind == npRole {
					// "The treasurer, Yosef Adler, said": the name is in
					// the appositive.
					end := j
					if open := d.parenOpen(j-1, p+1); d.toks[j-1].punct(")") && open > p+1 {
						end = open
					}
					if app := d.classify(p+1, end); app.kind == npName {
						np.kind, np.name, np.gender = npName, app.name, app.gender
					}
				}
				np.to = j
				return np
			}
			if t := &d.toks[p]; t.kind != tWord && !t.punct(".") && !t.punct("-") && !t.punct("(") && !t.punct(")") {
				return nil
			}
		}
		return nil
	case t.kind != tWord:
		return nil
	}
	if !d.headWord(j) {
		return nil
	}
	k := j
walk:
	for k-1 >= lo {
		p := &d.toks[k-1]
		switch {
		case p.kind == tWord && d.capitalised(k-1) && !stopWords[p.lower] && !sentenceAdverbs[p.lower] && lookupCue(p) == nil:
		case p.kind == tWord && (isRole(p) || titles[p.lower] || determiners[p.lower] || p.poss || isAdjective(p) || isNumber(p)):
		case p.kind == tWord && d.modifierRun(k-1, lo):
		case p.kind == tWord && nameParticles[p.lower] && k-2 >= lo && d.capitalised(k-2) && d.capitalised(k):
		case p.kind == tWord && (p.lower == "for" || p.lower == "of" || p.lower == "at" || p.lower == "with" || p.lower == "from") &&
			k-2 >= lo && isRole(&d.toks[k-2]):
		case p.punct(".") && k-2 >= lo && titles[d.toks[k-2].lower] && abbreviations[d.toks[k-2].lower]:
		case p.punct("&") && k-2 >= lo && d.capitalised(k-2):
		default:
			break walk
		}
		k--
	}
	// The phrase must start a clause (a preposition's object is not a
	// subject), unless it is a name: a name right before a cue verb is
	// its subject ("the plan Ortiz said would fail").
	np := d.classify(k, j+1)
	np.subject = d.clauseStart(k, lo)
	if !np.subject && mode != npAntecedent && (np.kind != npName && np.kind != npOrg || mode != npSubject) {
		return nil
	}
	return np
}

// modifierRun reports whether the lower-case word at j, with at most two
// more before it, leads back to a determiner: unknown adjectives and
// nouns inside a noun phrase ("a new poll", "the state's top election
// official").
func (d *document) modifierRun(j, lo int) bool {
	for k := j; k >= lo && k > j-3; k-- {
		t := &d.toks[k]
		if t.kind != tWord || t.cap || stopWords[t.lower] || between[t.lower] || lookupCue(t) != nil {
			return false
		}
		if k-1 >= lo && d.toks[k-1].kind == tWord && (determiners[d.toks[k-1].lower] || d.toks[k-1].poss) {
			return true
		}
	}
	return false
}

// isRole reports a role noun: listed, or a lower-case word with an agent
// suffix ("developers", "environmentalist").
func isRole(t *token) bool {
	if t.kind != tWord {
		return false
	}
	if roleNouns[t.base] {
		return true
	}
	if t.cap || len(t.base) < 5 || stopWords[t.base] || notAgents[t.base] || between[t.base] || lookupCue(t) != nil {
		return false
	}
	for _, s := range agentSuffixes {
		if strings.HasSuffix(t.base, s) {
			return true
		}
	}
	return false
}

// clauseStart reports whether a subject may start at token k: at the
// start of the range, or after punctuation, a mark, a conjunction or
// "that".
func (d *document) clauseStart(k, lo int) bool {
	if k <= lo {
		return true
	}
	p := &d.toks[k-1]
	if p.kind != tWord {
		return !p.punct(".") || k-2 < 0 || !abbreviations[d.toks[k-2].lower]
	}
	switch p.lower {
	case "and", "but", "or", "so", "yet", "while", "because", "as", "when", "after", "before", "though", "although",
		"since", "if", "that", "where", "until", "whereas", "once", "who", "which":
		return true
	}
	return timeWords[p.lower] || sentenceAdverbs[p.lower] && p.cap
}

// headWord reports whether token j can end a source noun phrase: a
// capitalised word or a role noun.
func (d *document) headWord(j int) bool {
	t := &d.toks[j]
	if t.kind != tWord || stopWords[t.lower] || determiners[t.lower] || t.poss {
		return false
	}
	if isRole(t) {
		return true
	}
	return d.capitalised(j) && !sentenceAdverbs[t.lower] && !timeWords[t.lower] && lookupCue(t) == nil
}

// looksAppositive reports whether tokens [from, to) can be an appositive
// or a relative clause: they open with a determiner, a possessive, a title
// or role, or who/which.
func (d *document) looksAppositive(from, to int) bool {
	if from >= to {
		return false
	}
	t := &d.toks[from]
	return t.kind == tWord && (determiners[t.lower] || t.poss || titles[t.lower] || isRole(t) ||
		t.lower == "who" || t.lower == "which" || isAdjective(t) || d.capitalised(from))
}

// npStartingAt reads a noun phrase forward from token i, before token hi
// ("said Ortiz", "according to a spokesman for the campaign").
func (d *document) npStartingAt(i, hi int) *nounPhrase {
	if i >= hi {
		return nil
	}
	if t := &d.toks[i]; t.kind == tWord && pronouns[t.lower] {
		return &nounPhrase{from: i, to: i + 1, kind: npPronoun, head: t.lower}
	}
	k := i
	last := -1 // the last head-like token
read:
	for k < hi {
		t := &d.toks[k]
		switch {
		case t.kind == tWord && d.capitalised(k) && !stopWords[t.lower] && (lookupCue(t) == nil || k == i):
			last = k
		case isRole(t):
			last = k
		case t.kind == tWord && (titles[t.lower] || determiners[t.lower] || t.poss || isAdjective(t) || isNumber(t)):
		case t.kind == tWord && nameParticles[t.lower] && last == k-1 && k+1 < hi && d.capitalised(k+1):
		case t.kind == tWord && (t.lower == "for" || t.lower == "of" || t.lower == "at" || t.lower == "with" || t.lower == "from") &&
			last == k-1 && isRole(&d.toks[k-1]):
		case t.punct(".") && k > i && titles[d.toks[k-1].lower] && abbreviations[d.toks[k-1].lower]:
		default:
			break read
		}
		k++
	}
	if last < 0 {
		return nil
	}
	return d.classify(i, last+1)
}

// classify sorts the noun phrase [from, to) and finds the speaker's name
// in it.
func (d *document) classify(from, to int) *nounPhrase {
	np := &nounPhrase{from: from, to: to, head: d.toks[to-1].base}
	// The capitalised run at the end, without its titles.
	run := to
	for run-1 >= from {
		t := &d.toks[run-1]
		if d.nameWord(run-1) || t.punct(".") && run-2 >= from && abbreviations[d.toks[run-2].lower] ||
			t.kind == tWord && nameParticles[t.lower] && run-2 >= from && d.nameWord(run-2) {
			run--
			continue
		}
		break
	}
	// The name follows the last title of the run ("Ukrainian President
	// Volodymyr Zelenskyy", "Sen. Ted Cruz").
	name := run
	for k := run; k < to-1; k++ {
		if titles[d.toks[k].lower] || d.toks[k].punct(".") {
			name = k + 1
			switch d.toks[k].lower {
			case "mr":
				np.gender = 'm'
			case "mrs", "ms", "miss":
				np.gender = 'f'
			}
		}
	}
	for run < to-1 && determiners[d.toks[run].lower] {
		run++ // "The White House": the article is not part of the name
	}
	if name < run {
		name = run
	}
	theBefore := run-1 >= from && d.toks[run-1].is("the")
	switch {
	case run < to && name < to:
		np.name = d.words(name, to)
		np.kind = npName
		if theBefore || isOrganisation(d.toks[name:to]) {
			np.kind = npOrg
		}
	case run < to: // only titles ("the President")
		np.kind = npRole
	case institutionNouns[np.head] && to-1 > from && d.nameWord(to-2):
		np.kind = npOrg
		s := to - 2
		for s-1 >= from && d.nameWord(s-1) {
			s--
		}
		np.name = d.words(s, to)
	default:
		np.kind = npRole
	}
	np.name = strings.TrimSuffix(strings.TrimSuffix(np.name, "’s"), "'s")
	return np
}

// nameWord reports a capitalised word that can be part of a name: not an
// article or another function word that opens a sentence.
func (d *document) nameWord(i int) bool {
	t := &d.toks[i]
	return d.capitalised(i) && !determiners[t.lower] && !stopWords[t.lower] && !sentenceAdverbs[t.lower]
}

// isOrganisation reports whether a capitalised run names an organisation:
// it holds an organisation word or is an acronym.
func isOrganisation(run []token) bool {
	for i := range run {
		if organisationWords[run[i].base] {
			return true
		}
	}
	if len(run) == 1 {
		r := []rune(run[0].text)
		upper := len(r) >= 2
		for _, c := range r {
			upper = upper && (unicode.IsUpper(c) || c == '.')
		}
		return upper
	}
	return false
}

// adjectiveEndings mark lower-case words that can modify a role noun
// ("presidential nominee", "Russian officials").
var adjectiveEndings = []string{"al", "ic", "ive", "ous", "ian", "ese", "ish", "ary", "ern", "ior", "ist", "ant", "ent"}

// isAdjective guesses a lower-case adjective by its ending.
func isAdjective(t *token) bool {
	if t.kind != tWord || t.cap || len(t.lower) < 5 || stopWords[t.lower] || lookupCue(t) != nil {
		return false
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(t.lower, e) {
			return true
		}
	}
	return false
}

// isNumber reports a word made of digits.
func isNumber(t *token) bool {
	return t.kind == tWord && unicode.IsDigit([]rune(t.text)[0])
}
