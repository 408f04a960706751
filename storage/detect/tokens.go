package detect

import (
	"strings"
	"unicode"
)

// tkind is the kind of a token.
type tkind uint8

const (
	tWord  tkind = iota // letters, digits, marks; with inner apostrophes, hyphens and abbreviation dots
	tPunct              // any other visible character
	tMark               // a quotation mark, or two apostrophes/backticks (NYT style)
)

// token is a word, a punctuation character or a quotation mark, with its
// code-point range.
type token struct {
	start, end int
	kind       tkind
	text       string
	lower      string // text lower-cased, ’ as '
	base       string // lower without a possessive 's
	para       int    // paragraph number (paragraphs are separated by "\n")
	space      bool   // white space precedes it (or it starts the text)
	poss       bool   // the word ends in a possessive 's (or s')
	cap        bool   // the word starts with an upper-case letter
	mark       markRole
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isApostrophe reports the characters used as apostrophes.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// quoteChars are the single characters that can be quotation marks.
const quoteChars = "\"“”„‟«»‹›「」『』‘’‚'"

// tokenize splits text into tokens.
func tokenize(text []rune) []token {
	toks := make([]token, 0, len(text)/4)
	para := 0
	space := true
	n := len(text)
	for i := 0; i < n; {
		r := text[i]
		switch {
		case r == '\n':
			para++
			space = true
			i++
			continue
		case unicode.IsSpace(r):
			space = true
			i++
			continue
		}
		t := token{start: i, para: para, space: space}
		space = false
		switch {
		case isWordRune(r):
			j := wordEnd(text, i)
			t.end, t.kind = j, tWord
		case (r == '\'' || r == '`') && i+1 < n && text[i+1] == r:
			t.end, t.kind = i+2, tMark
		case strings.ContainsRune(quoteChars, r):
			t.end, t.kind = i+1, tMark
		default:
			t.end, t.kind = i+1, tPunct
		}
		t.text = string(text[t.start:t.end])
		if t.kind == tWord {
			fillWord(&t)
		} else {
			t.lower = t.text
		}
		toks = append(toks, t)
		i = t.end
	}
	return toks
}

// wordEnd returns where the word starting at i ends: word runes, joined by
// a hyphen, an apostrophe or a dot between word runes ("so-called",
// "don’t", "3.5"), and abbreviations of single letters with dots ("U.S.").
func wordEnd(text []rune, i int) int {
	n := len(text)
	j := i
	for j < n {
		r := text[j]
		switch {
		case isWordRune(r):
			j++
		case (r == '-' || r == '‐' || isApostrophe(r) || r == '.' || r == ',' && unicode.IsDigit(text[j-1])) &&
			j+1 < n && isWordRune(text[j+1]) && (r != ',' || unicode.IsDigit(text[j+1])) && (r != '.' || !unicode.IsUpper(text[j+1]) || singleLetter(text, j)):
			j++
		default:
			// "U.S." keeps its last dot: a single letter, a dot, and an
			// earlier dot inside the word.
			if r == '.' && singleLetter(text, j) && strings.ContainsRune(string(text[i:j]), '.') {
				j++
			}
			return j
		}
	}
	return j
}

// singleLetter reports whether the dot at j follows a one-letter word part
// (the "S" of "U.S").
func singleLetter(text []rune, j int) bool {
	return j >= 1 && unicode.IsLetter(text[j-1]) && (j < 2 || !isWordRune(text[j-2]))
}

// apostrophes are written as ' in a word's lower-case form.
var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'")

// fillWord sets the derived fields of a word token.
func fillWord(t *token) {
	t.lower = strings.ToLower(apostrophes.Replace(t.text))
	t.base = t.lower
	switch {
	case strings.HasSuffix(t.base, "'s") && len(t.base) > 2:
		t.base, t.poss = strings.TrimSuffix(t.base, "'s"), true
	}
	first := []rune(t.text)[0]
	t.cap = unicode.IsUpper(first)
}

// is reports whether the token is the word w (lower case).
func (t *token) is(w string) bool { return t.kind == tWord && t.lower == w }

// punct reports whether the token is the punctuation character or mark s.
func (t *token) punct(s string) bool { return t.kind != tWord && t.text == s }
