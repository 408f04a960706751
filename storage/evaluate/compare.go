package evaluate

import (
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// compare adds the document's figures to r, its predicted quotes to rules
// (by rule) and byCue (by the text of their cue) and its errors to fails.
func (d *document) compare(r *Report, t float64, rules, byCue *ruleTally, fails *failureTally) {
	g, p := d.gold.quotes, d.pred.quotes
	pairs := matchQuotes(g, p, t)
	r.Quotes.add(len(g), len(p), len(pairs))
	exact := matchExact(g, p)
	r.Exact.add(len(g), len(p), len(exact))

	matchedG, matchedP := make([]bool, len(g)), make([]bool, len(p))
	for _, m := range pairs {
		matchedG[m.g], matchedP[m.p] = true, true
		d.compareSpeakers(&r.Speakers, g[m.g], p[m.p], fails)
		fails.boundary(g[m.g], p[m.p])
	}
	for j, q := range p {
		rules.add(ruleOr(q.ann.Attrs[storage.AttrRule], "(no rule)"), matchedP[j])
		cue := "(no cue)"
		if cs := d.cueOf[q.ann.ID]; len(cs) > 0 {
			cue = cueKey(cs[0].Text)
		}
		byCue.add(cue, matchedP[j])
		if !matchedP[j] {
			fails.unmatched(q)
		}
	}
	for i, q := range g {
		if matchedG[i] {
			continue
		}
		r.Missed = append(r.Missed, q.ann.ID)
		fails.missed(q, d.cueOf[q.ann.ID], d.hasMarks(q), nearMiss(q, p))
	}

	cues := matchOverlap(d.gold.cues, d.pred.cues)
	r.Cues.add(len(d.gold.cues), len(d.pred.cues), len(cues))
	hitG, hitP := make([]bool, len(d.gold.cues)), make([]bool, len(d.pred.cues))
	for _, m := range cues {
		hitG[m.g], hitP[m.p] = true, true
	}
	for i, c := range d.gold.cues {
		if !hitG[i] {
			fails.missedCues.add(cueKey(c.ann.Text))
		}
	}
	for j, c := range d.pred.cues {
		if !hitP[j] {
			fails.spuriousCues.add(cueKey(c.ann.Text))
		}
	}
}

// compareSpeakers counts a matched pair in the speaker accuracy.
func (d *document) compareSpeakers(acc *Accuracy, g, p item, fails *failureTally) {
	gs, ps := d.saidBy[g.ann.ID], d.saidBy[p.ann.ID]
	if len(gs) == 0 {
		return
	}
	acc.Compared++
	defer func() { acc.Accuracy = share(acc.Correct, acc.Compared) }()
	if len(ps) == 0 {
		acc.NoSpeaker++
		fails.wrongSpeaker.add("no predicted speaker")
		return
	}
	for _, x := range gs {
		for _, y := range ps {
			if x.speakerID != "" && x.speakerID == y.speakerID ||
				x.mention != nil && y.mention != nil && storage.SharedLength(x.mention.Parts(), y.mention.Parts()) > 0 {
				acc.Correct++
				return
			}
		}
	}
	fails.wrongSpeaker.add(ruleOr(ps[0].rule, "wrong speaker"))
}

// nearMiss reports whether a prediction shares word tokens with gold
// quote g without reaching the threshold (or without being free to match).
func nearMiss(g item, pred []item) bool {
	for _, p := range pred {
		if common(g.tokens, p.tokens) > 0 {
			return true
		}
	}
	return false
}

// cueKey is a cue's text, lower-cased with its spaces collapsed.
func cueKey(text string) string {
	return strings.ToLower(strings.Join(strings.Fields(text), " "))
}

// ruleOr returns rule, or fallback when it is empty.
func ruleOr(rule, fallback string) string {
	if rule == "" {
		return fallback
	}
	return rule
}
