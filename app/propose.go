package app

import (
	"sort"
	"strings"
	"unicode"

	"github.com/saywho-app/saywho/storage"
)

// Proposing who said a quote: the speaker named in the quote's sentence
// (before or after the quote) or in the sentence before it is most likely
// the one. These functions work on code-point offsets of the text.

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "st": true, "jr": true, "sr": true, "inc": true, "co": true, "ltd": true, "vs": true, "no": true,
	"lt": true, "col": true, "capt": true, "pres": true, "sgt": true, "corp": true,
}

// sentenceEnd reports whether the rune at i ends a sentence.
func sentenceEnd(text []rune, i int) bool {
	switch text[i] {
	case '\n':
		return true
	case '!', '?', '。', '！', '？':
		return i+1 >= len(text) || !unicode.IsLetter(text[i+1])
	case '.':
		if i+1 < len(text) && !unicode.IsSpace(text[i+1]) && !isClosing(text[i+1]) {
			return false // 3.5, example.com
		}
		w := i
		for w > 0 && !unicode.IsSpace(text[w-1]) {
			w--
		}
		word := string(text[w:i])
		word = strings.TrimLeft(word, "(\"“‘'«")
		switch {
		case len([]rune(word)) == 1 && unicode.IsUpper([]rune(word)[0]):
			return false // an initial: J. Smith
		case strings.Contains(word, "."):
			return false // U.S., e.g.
		case abbreviations[strings.ToLower(word)]:
			return false
		}
		return true
	}
	return false
}

// isClosing reports closing quotation marks and brackets.
func isClosing(r rune) bool { return strings.ContainsRune(`"”’»›)]」`, r) }

// sentenceStart returns the offset where the sentence holding offset i
// begins.
func sentenceStart(text []rune, i int) int {
	for j := min(i, len(text)) - 1; j >= 0; j-- {
		if sentenceEnd(text, j) {
			k := j + 1
			for k < i && (unicode.IsSpace(text[k]) || isClosing(text[k])) {
				k++
			}
			return k
		}
	}
	return 0
}

// sentenceStop returns the offset just after the sentence holding offset
// i ends (its end mark included).
func sentenceStop(text []rune, i int) int {
	for j := max(i, 0); j < len(text); j++ {
		if sentenceEnd(text, j) {
			return j + 1
		}
	}
	return len(text)
}

// attributionWindow is the stretch of text in which a quote's speaker is
// looked for: from the start of the sentence before the quote's to the end
// of the sentence the quote ends in, not crossing paragraphs backwards.
func attributionWindow(text []rune, start, end int) (int, int) {
	s := sentenceStart(text, start)
	j := s // back over the space and closing marks to the previous sentence's end mark
	for j > 0 && text[j-1] != '\n' && (unicode.IsSpace(text[j-1]) || isClosing(text[j-1])) {
		j--
	}
	if j > 0 && text[j-1] != '\n' {
		s = sentenceStart(text, j-1)
	}
	// A quote that ends its sentence inside the marks ("… peace.”) is
	// often followed by the attribution ("Zelenskyy said."): extend to
	// the next sentence end when the quote stops right at one.
	e := sentenceStop(text, max(end-1, start))
	if e <= end+1 && e < len(text) && text[e-1] != '\n' {
		e = sentenceStop(text, e)
	}
	return s, e
}

// nameHit is where a speaker is named in the text.
type nameHit struct {
	speakerID string
	start     int
	end       int
	mention   string // the speaker-mention annotation there, if any
}

// distance is how far a hit lies from [start, end); hits inside the quote
// come last, since a quote seldom names its own speaker.
func (h nameHit) distance(start, end int) int {
	switch {
	case h.end <= start:
		return start - h.end
	case h.start >= end:
		return h.start - end
	}
	return 10000 + h.start - start
}

// findNames finds every speaker's names, aliases and surname in
// text[from:to] at word boundaries, plus the speaker mentions there.
func findNames(text []rune, from, to int, speakers []storage.SpeakerStats, anns []storage.Annotation) []nameHit {
	var hits []nameHit
	window := string(text[from:to])
	for _, s := range speakers {
		names := s.Names()
		if sn := storage.Surname(s.Name); sn != "" {
			names = append(names, sn)
		}
		for _, n := range names {
			for _, r := range storage.FindAll(window, n) {
				a, b := from+r.Start, from+r.End
				if (a > 0 && isWordRune(text[a-1])) || (b < len(text) && isWordRune(text[b])) {
					continue
				}
				hits = append(hits, nameHit{speakerID: s.ID, start: a, end: b})
			}
		}
	}
	for _, a := range anns {
		if a.Kind == storage.KindSpeakerMention && a.Start < to && a.End > from {
			hits = append(hits, nameHit{speakerID: a.SpeakerID, start: a.Start, end: a.End, mention: a.ID})
		}
	}
	return hits
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// proposeSpeakers ranks the speakers and mentions named near the quote at
// [start, end): nearest first, mentions before bare names at the same
// spot. Each speaker and mention appears once.
func proposeSpeakers(text []rune, start, end int, speakers []storage.SpeakerStats, anns []storage.Annotation) []nameHit {
	from, to := attributionWindow(text, start, end)
	hits := findNames(text, from, to, speakers, anns)
	sort.SliceStable(hits, func(i, j int) bool {
		di, dj := hits[i].distance(start, end), hits[j].distance(start, end)
		if di != dj {
			return di < dj
		}
		return hits[i].mention != "" && hits[j].mention == ""
	})
	seen := map[string]bool{}
	var out []nameHit
	for _, h := range hits {
		key := h.speakerID
		if h.mention != "" {
			key = "m:" + h.mention
		}
		if seen[key] || (h.mention == "" && h.speakerID == "") {
			continue
		}
		seen[key] = true
		out = append(out, h)
	}
	return out
}

// matchSpeaker returns the registry speaker a mention's text names, by the
// rule the detector shares (storage.SpeakerIndex): name or alias, else a
// surname only one speaker has; "" when none.
func matchSpeaker(speakers []storage.SpeakerStats, text string) string {
	plain := make([]storage.Speaker, len(speakers))
	for i, s := range speakers {
		plain[i] = s.Speaker
	}
	return storage.MatchSpeaker(plain, text)
}

// guessQuoteType says direct for text wrapped in quotation marks, mixed
// for text holding a quoted fragment, indirect otherwise.
func guessQuoteType(text string) string {
	t := []rune(strings.TrimSpace(text))
	if len(t) == 0 {
		return "indirect"
	}
	open, closing := `"“„«‹‘「`, `"”»›’」`
	last := len(t) - 1
	for last > 0 && strings.ContainsRune(".,;:!?", t[last]) {
		last--
	}
	if strings.ContainsRune(open, t[0]) && strings.ContainsRune(closing, t[last]) {
		return "direct"
	}
	if strings.ContainsAny(string(t), `"“”„«»「」`) {
		return "mixed"
	}
	return "indirect"
}

// trimSpan narrows [start, end) so it neither starts nor ends with space.
func trimSpan(text []rune, start, end int) (int, int) {
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	for end > start && unicode.IsSpace(text[end-1]) {
		end--
	}
	return start, end
}

// nearbyQuote finds the quote or claim without a speaker link that ends
// just before mention m (or starts just after it) in the same paragraph:
// what a new speaker mention most likely attributes.
func nearbyQuote(text []rune, m storage.Annotation, anns []storage.Annotation, linked func(id string) bool) string {
	const reach = 80
	best, bestDist := "", reach+1
	for _, a := range anns {
		if (a.Kind != storage.KindQuote && a.Kind != storage.KindClaim) || linked(a.ID) {
			continue
		}
		var gapFrom, gapTo int
		switch {
		case a.End <= m.Start:
			gapFrom, gapTo = a.End, m.Start
		case a.Start >= m.End:
			gapFrom, gapTo = m.End, a.Start
		default:
			continue
		}
		if d := gapTo - gapFrom; d < bestDist && !strings.ContainsRune(string(text[gapFrom:gapTo]), '\n') {
			best, bestDist = a.ID, d
		}
	}
	return best
}
