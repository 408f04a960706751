package detect

import (
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Detect proposes the quotes, cues and speaker mentions of a text (NFC,
// "\n" line ends, as storage keeps documents), resolving speakers against
// reg (nil for none). It is deterministic and safe for concurrent use.
func Detect(text string, reg *Registry) Result {
	if reg == nil {
		reg = NewRegistry(nil)
	}
	d := read(text)
	return d.result(d.attributeAll(), reg)
}

// attributeAll runs the rules over the whole document.
func (d *document) attributeAll() []attribution {
	var all []attribution
	for si := range d.sents {
		all = append(all, d.attributions(si)...)
	}
	d.extendQuotes(all)
	d.joinSplit(all)
	return d.floating(all)
}

// extendQuotes lets a content that ends inside a quotation run to the
// quotation's end, over the paragraphs it continues into.
func (d *document) extendQuotes(all []attribution) {
	for i := range all {
		a := &all[i]
		last := a.content[len(a.content)-1]
		q := d.quoteAt(last.End - 1)
		if q == nil || q.end <= last.End {
			continue
		}
		var out []storage.Range
		out = append(out, a.content[:len(a.content)-1]...)
		cur := storage.Range{Start: last.Start, End: last.End}
		for _, p := range q.parts {
			switch {
			case p.End <= last.End:
			case p.Start <= last.End:
				cur.End = p.End
			default:
				out = append(out, cur)
				cur = p
			}
		}
		a.content = append(out, cur)
	}
}

// quoteAt returns the quotation holding code point at, or nil. The
// quotations findQuotes returns are in order and do not overlap.
func (d *document) quoteAt(at int) *quoteSpan {
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].end > at })
	if i < len(d.quotes) && d.quotes[i].start <= at {
		return &d.quotes[i]
	}
	return nil
}

// quoteOnly reports whether sentence si is one quotation (from an opening
// mark at its start to its end) and, if so, which.
func (d *document) quoteOnly(si int) (*quoteSpan, bool) {
	s := d.sents[si]
	t := &d.toks[s.from]
	if t.mark != mOpen && t.mark != mReopen || d.headline[t.para] {
		return nil, false
	}
	q := d.quoteAt(t.start)
	if q == nil || q.end < d.toks[d.contentEnd(s.from, s)-1].end {
		return nil, false
	}
	return q, true
}

// covered reports whether code point at lies in a content of all.
func covered(all []attribution, at int) bool {
	for _, a := range all {
		for _, r := range a.content {
			if r.Start <= at && at < r.End {
				return true
			}
		}
	}
	return false
}

// joinSplit appends to a direct quote the quotation that fills the next
// sentence of the paragraph, when no frame claims it: “Q1,” X said. “Q2.”
// is one quote.
func (d *document) joinSplit(all []attribution) {
	for i := range all {
		a := &all[i]
		last := a.content[len(a.content)-1]
		if d.quoteAt(last.End-1) == nil {
			continue
		}
		for si := a.sent + 1; si < len(d.sents) && si <= a.sent+3; si++ {
			if d.toks[d.sents[si].from].para != d.toks[d.sents[a.sent].from].para {
				break
			}
			q, ok := d.quoteOnly(si)
			if !ok || covered(all, q.start) || d.framed(all, si) {
				break
			}
			a.content = append(a.content, q.parts...)
			a.rule += ", split quote joined"
		}
	}
}

// framed reports whether an attribution was found in sentence si.
func (d *document) framed(all []attribution, si int) bool {
	for _, a := range all {
		if a.sent == si {
			return true
		}
	}
	return false
}

// floating attributes the sentences that are one quotation, with no frame
// of their own, to the speaker of the latest attribution when it lies in
// the same or the previous paragraph, within three sentences.
func (d *document) floating(all []attribution) []attribution {
	var out []attribution
	next := 0
	for si := range d.sents {
		for next < len(all) && all[next].sent <= si {
			out = append(out, all[next])
			next++
		}
		q, ok := d.quoteOnly(si)
		if !ok || covered(out, q.start) || covered(all, q.start) || d.framed(all, si) || len(out) == 0 {
			continue
		}
		p := out[len(out)-1]
		para := d.toks[d.sents[si].from].para
		if si-p.sent > 3 || para-d.toks[d.sents[p.sent].from].para > 1 {
			continue
		}
		out = append(out, attribution{cueFrom: -1, cueTo: -1, src: p.src, contentFrom: d.sents[si].from,
			frameFrom: d.sents[si].from, content: append([]storage.Range(nil), q.parts...), rule: RuleFloating, sent: si, class: p.class})
	}
	return append(out, all[next:]...)
}

// result builds the Result: one mention per distinct source phrase, one
// cue per cue, one quote per attribution.
func (d *document) result(all []attribution, reg *Registry) Result {
	var r Result
	sp := &speakers{reg: reg}
	mentionAt := map[[2]int]int{}
	newSeen := map[string]bool{}
	for i := range all {
		a := &all[i]
		q := Quote{Ranges: a.content, Cue: -1, Mention: -1, Rule: a.rule}
		q.Type = d.quoteType(a.content)
		var parts []string
		for _, p := range a.content {
			parts = append(parts, string(d.text[p.Start:p.End]))
		}
		q.Text = strings.Join(parts, " … ")
		if a.cueTo > a.cueFrom {
			lemma := strings.ToLower(d.words(a.cueFrom, a.cueTo))
			if infos := lookupCue(&d.toks[a.cueFrom]); infos != nil {
				lemma = pick(infos).lemma
			}
			c := Cue{Range: d.span(a.cueFrom, a.cueTo), Text: d.words(a.cueFrom, a.cueTo), Lemma: lemma, Class: a.class.String()}
			q.Cue = len(r.Cues)
			r.Cues = append(r.Cues, c)
		}
		if np := a.src; np != nil {
			key := [2]int{np.from, np.to}
			m, ok := mentionAt[key]
			if !ok {
				res := sp.resolve(d, np)
				mention := Mention{Range: d.span(np.from, np.to), Text: d.words(np.from, np.to), Kind: np.kind.String(), Rule: res.rule}
				if e := res.ent; e != nil {
					mention.Speaker, mention.SpeakerID = e.name, e.speakerID
					mention.New = e.speakerID == ""
					if mention.New && !newSeen[e.name] {
						newSeen[e.name] = true
						r.NewSpeakers = append(r.NewSpeakers, e.name)
					}
				}
				m = len(r.Mentions)
				mentionAt[key] = m
				r.Mentions = append(r.Mentions, mention)
			}
			q.Mention = m
		}
		r.Quotes = append(r.Quotes, q)
	}
	sp.completeSurnames(&r)
	return r
}

// quoteType says direct when every part is a quotation (up to final
// punctuation), mixed when a part holds a quotation mark, else indirect.
func (d *document) quoteType(parts []storage.Range) string {
	direct, marks := true, false
	for _, p := range parts {
		first, last := d.tokenAt(p.Start), d.tokenAt(p.End-1)
		for last > first && d.toks[last].kind == tPunct {
			last--
		}
		if d.toks[first].mark != mOpen && d.toks[first].mark != mReopen || d.toks[last].mark != mClose && d.inQuote[last] < 0 {
			direct = false
		}
		for i := first; i <= d.tokenAt(p.End-1); i++ {
			if d.toks[i].mark == mOpen || d.toks[i].mark == mClose || d.toks[i].mark == mReopen {
				marks = true
			}
		}
	}
	switch {
	case direct:
		return "direct"
	case marks:
		return "mixed"
	}
	return "indirect"
}

// tokenAt returns the index of the token holding code point at (or the
// first after it).
func (d *document) tokenAt(at int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].end <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return min(lo, len(d.toks)-1)
}
