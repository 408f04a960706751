package evaluate

import (
	"slices"
	"sort"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
)

// Count is a number of cases of one kind.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// counter tallies cases by key.
type counter map[string]int

func (c counter) add(key string) { c[key]++ }

// list returns the counts, most frequent first (then by key).
func (c counter) list() []Count {
	out := make([]Count, 0, len(c))
	for k, n := range c {
		out = append(out, Count{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// Failures sorts what went wrong into classes, for working on the detector
// by aggregate rather than by reading documents one at a time.
type Failures struct {
	MissedByCue  []Count `json:"missed_by_cue"`  // gold quotes no prediction matched, by their gold cue's text
	MissedByForm []Count `json:"missed_by_form"` // the same, by form (quotation marks or not) and whether a prediction touched them
	Boundaries   []Count `json:"boundaries"`     // matched quotes without an exact match, by how the spans differ
	Spurious     []Count `json:"spurious"`       // predictions that matched no gold quote, by rule
	WrongSpeaker []Count `json:"wrong_speaker"`  // matched quotes with a wrong predicted speaker, by the rule that found it
	MissedCues   []Count `json:"missed_cues"`    // gold cues no predicted cue overlaps, by text
	SpuriousCues []Count `json:"spurious_cues"`  // predicted cues no gold cue overlaps, by text
}

// failureTally collects Failures.
type failureTally struct {
	missedByCue, missedByForm, boundaries, spurious, wrongSpeaker, missedCues, spuriousCues counter
}

func newFailureTally() *failureTally {
	return &failureTally{counter{}, counter{}, counter{}, counter{}, counter{}, counter{}, counter{}}
}

// missed counts a gold quote no prediction matched.
func (f *failureTally) missed(q item, cues []*storage.Annotation, marks, touched bool) {
	cue := "(no cue)"
	if len(cues) > 0 {
		first := cues[0]
		for _, c := range cues[1:] {
			if c.Start < first.Start {
				first = c
			}
		}
		cue = cueKey(first.Text)
	}
	f.missedByCue.add(cue)
	form := "without quotation marks"
	if marks {
		form = "with quotation marks"
	}
	if touched {
		form += ", partly predicted"
	} else {
		form += ", not predicted"
	}
	f.missedByForm.add(form)
}

// boundary counts how a matched pair's spans differ, if they do.
func (f *failureTally) boundary(g, p item) {
	n := common(g.tokens, p.tokens)
	switch {
	case slices.Equal(g.tokens, p.tokens):
	case n == len(p.tokens):
		f.boundaries.add("predicted inside gold (too short)")
	case n == len(g.tokens):
		f.boundaries.add("gold inside predicted (too long)")
	default:
		f.boundaries.add("shifted (each has words the other lacks)")
	}
}

// unmatched counts a prediction that matched nothing.
func (f *failureTally) unmatched(p item) {
	f.spurious.add(ruleOr(p.ann.Attrs[storage.AttrRule], "(no rule)"))
}

func (f *failureTally) result() Failures {
	return Failures{f.missedByCue.list(), f.missedByForm.list(), f.boundaries.list(), f.spurious.list(),
		f.wrongSpeaker.list(), f.missedCues.list(), f.spuriousCues.list()}
}

// Rule is how the quotes one rule (or one cue) predicted fared.
type Rule struct {
	Rule      string          `json:"rule"`
	Predicted int             `json:"predicted"`
	Matched   int             `json:"matched"`
	Precision agreement.Ratio `json:"precision"`
}

// ruleTally counts predicted and matched quotes by rule.
type ruleTally struct{ predicted, matched counter }

func newRuleTally() *ruleTally { return &ruleTally{counter{}, counter{}} }

func (t *ruleTally) add(rule string, matched bool) {
	t.predicted.add(rule)
	if matched {
		t.matched.add(rule)
	}
}

// list returns the rules, most productive first.
func (t *ruleTally) list() []Rule {
	var out []Rule
	for _, c := range t.predicted.list() {
		m := t.matched[c.Key]
		out = append(out, Rule{Rule: c.Key, Predicted: c.N, Matched: m, Precision: share(m, c.N)})
	}
	return out
}
