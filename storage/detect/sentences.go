package detect

import "unicode"

// sentence is a run of tokens [from, to) within one paragraph.
type sentence struct {
	from, to int
}

// splitSentences cuts the tokens into sentences. A sentence ends at a
// paragraph break, or at . ! ? … (with the closing marks and brackets after
// it) when the next token starts a sentence (a capital, a digit, an opening
// mark or bracket); never inside a quotation, nor after an abbreviation
// (Sen., Gov., Mr.) or an initial (J.). Words like "U.S." keep their dots
// and never end a sentence.
func splitSentences(toks []token) []sentence {
	var out []sentence
	from := 0
	depth := 0 // open double quotations
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if i > from && t.para != toks[i-1].para {
			out = append(out, sentence{from, i})
			from = i
			depth = 0
		}
		switch t.mark {
		case mOpen, mReopen:
			if !isSingle(t) {
				depth++
			}
		case mClose:
			if !isSingle(t) && depth > 0 {
				depth--
			}
		}
		if t.kind != tPunct || !isTerminal(t.text) || depth > 0 && !closesNext(toks, i) {
			continue
		}
		if t.text == "." && i > 0 && toks[i-1].para == t.para && !t.space && noStop(&toks[i-1]) {
			continue
		}
		// Take the closing marks and brackets that follow.
		j := i + 1
		for j < len(toks) && toks[j].para == t.para && (toks[j].mark == mClose || toks[j].punct(")") || toks[j].punct("]") || isTerminal(toks[j].text) && toks[j].kind == tPunct) {
			if toks[j].mark == mClose && !isSingle(&toks[j]) && depth > 0 {
				depth--
			}
			j++
		}
		if depth > 0 {
			continue
		}
		if j < len(toks) && toks[j].para == t.para && !startsSentence(&toks[j]) {
			continue
		}
		out = append(out, sentence{from, j})
		from = j
		i = j - 1
	}
	if from < len(toks) {
		out = append(out, sentence{from, len(toks)})
	}
	return out
}

// isSingle reports whether a mark token is a single quotation mark.
func isSingle(t *token) bool {
	sh, ok := shapes[t.text]
	return ok && sh.class == cSingle
}

// isTerminal reports the punctuation that can end a sentence.
func isTerminal(s string) bool { return s == "." || s == "!" || s == "?" || s == "…" }

// closesNext reports whether the marks right after the terminal
// punctuation at i close every open quotation ("… peace.” He …").
func closesNext(toks []token, i int) bool {
	j := i + 1
	for j < len(toks) && toks[j].para == toks[i].para && isTerminal(toks[j].text) {
		j++
	}
	return j < len(toks) && toks[j].mark == mClose
}

// noStop reports whether a word before a dot keeps the sentence going: an
// abbreviation or an initial.
func noStop(w *token) bool {
	if w.kind != tWord {
		return false
	}
	if abbreviations[w.lower] {
		return true
	}
	r := []rune(w.text)
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// startsSentence reports whether a token can begin a sentence.
func startsSentence(t *token) bool {
	switch {
	case t.kind == tWord:
		r := []rune(t.text)[0]
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	case t.kind == tMark:
		return t.mark == mOpen
	}
	return t.text == "(" || t.text == "[" || t.text == "—" || t.text == "-"
}
