package evaluate

import (
	"fmt"
	"io"
	"strings"
)

// topN is how many cases of each failure class WriteText lists.
const topN = 12

// WriteText prints the report for a reader; name turns an annotator id
// into a coder's name.
func (r *Report) WriteText(w io.Writer, name func(id string) string) error {
	var gold []string
	for _, id := range r.GoldCoders {
		gold = append(gold, name(id))
	}
	pred := r.PredictedWith
	if pred != "detector" {
		pred = name(pred)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Compared %d document(s): gold %s, predicted %s", r.Documents, strings.Join(gold, ", "), pred)
	if r.Empty > 0 {
		fmt.Fprintf(&b, " (%d without any predicted quote)", r.Empty)
	}
	b.WriteString("\n\n")
	score := func(label string, s Score) {
		fmt.Fprintf(&b, "%-34s P %s  R %s  F1 %s   (%d matched; %d gold, %d predicted)\n",
			label, s.Precision, s.Recall, s.F1, s.Matched, s.Gold, s.Predicted)
	}
	score(fmt.Sprintf("Quotes, overlap ≥ %.2f of gold words", r.Overlap), r.Quotes)
	score("Quotes, exact (same words)", r.Exact)
	score("Cues, any overlap", r.Cues)
	s := r.Speakers
	fmt.Fprintf(&b, "%-34s %s   (%d right of %d matched quotes with a gold speaker; %d predicted without one)\n",
		"Speaker accuracy", s.Accuracy, s.Correct, s.Compared, s.NoSpeaker)
	if len(r.Rules) > 0 {
		b.WriteString("\nPredicted quotes by rule:\n")
		for _, x := range r.Rules {
			fmt.Fprintf(&b, "  %-40s %5d predicted %5d matched  precision %s\n", x.Rule, x.Predicted, x.Matched, x.Precision)
		}
	}
	if len(r.ByCue) > 0 {
		b.WriteString("\nPredicted quotes by cue (most frequent):\n")
		for i, x := range r.ByCue {
			if i == 2*topN {
				fmt.Fprintf(&b, "  … %d more cues\n", len(r.ByCue)-2*topN)
				break
			}
			fmt.Fprintf(&b, "  %-40s %5d predicted %5d matched  precision %s\n", x.Rule, x.Predicted, x.Matched, x.Precision)
		}
	}
	f := r.Failures
	for _, c := range []struct {
		title string
		list  []Count
	}{
		{"Missed gold quotes, by form", f.MissedByForm},
		{"Missed gold quotes, by gold cue", f.MissedByCue},
		{"Boundary differences of matched quotes", f.Boundaries},
		{"Unmatched predicted quotes, by rule", f.Spurious},
		{"Wrong speakers, by the rule that found them", f.WrongSpeaker},
		{"Missed gold cues", f.MissedCues},
		{"Unmatched predicted cues", f.SpuriousCues},
	} {
		if len(c.list) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s:\n", c.title)
		for i, x := range c.list {
			if i == topN {
				fmt.Fprintf(&b, "  … %d more kinds\n", len(c.list)-topN)
				break
			}
			fmt.Fprintf(&b, "  %5d  %s\n", x.N, x.Key)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
