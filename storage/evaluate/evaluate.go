package evaluate

import (
	"errors"
	"math"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
)

// DefaultOverlap is the token-overlap threshold of the Gender Gap
// Tracker's evaluation.
const DefaultOverlap = 0.3

// Options selects what Compute compares.
type Options struct {
	// Gold are the gold coders' annotator ids in order of precedence: each
	// document is compared with the first of them who covers it.
	Gold []string
	// Pred is the predicting coder's annotator id; "" compares the
	// detector's suggestions (origin detector, whatever their state).
	Pred string
	// Overlap is the share of a gold quote's word tokens a prediction
	// must cover to match it; 0 means DefaultOverlap.
	Overlap float64
	// DocumentIDs restrict the comparison; empty means every document.
	DocumentIDs []string
}

// Score counts gold and predicted spans and their matches.
type Score struct {
	Gold      int             `json:"gold"`
	Predicted int             `json:"predicted"`
	Matched   int             `json:"matched"`
	Precision agreement.Ratio `json:"precision"`
	Recall    agreement.Ratio `json:"recall"`
	F1        agreement.Ratio `json:"f1"`
}

// add counts one document's spans and matches.
func (s *Score) add(gold, pred, matched int) {
	s.Gold += gold
	s.Predicted += pred
	s.Matched += matched
	s.Precision = share(s.Matched, s.Predicted)
	s.Recall = share(s.Matched, s.Gold)
	s.F1 = share(2*s.Matched, s.Gold+s.Predicted)
}

// share is num/den as a Ratio, undefined when den is 0.
func share(num, den int) agreement.Ratio {
	if den == 0 {
		return agreement.Ratio(math.NaN())
	}
	return agreement.Ratio(float64(num) / float64(den))
}

// Accuracy is the speaker accuracy on matched quotes.
type Accuracy struct {
	Compared  int             `json:"compared"`   // matched pairs whose gold quote has a speaker
	Correct   int             `json:"correct"`    // of those, with the right predicted speaker
	NoSpeaker int             `json:"no_speaker"` // of those, predicted without a speaker
	Accuracy  agreement.Ratio `json:"accuracy"`
}

// Report is the outcome of Compute.
type Report struct {
	Documents     int      `json:"documents"`      // documents compared
	Empty         int      `json:"empty"`          // of those, where the prediction holds no quote
	Overlap       float64  `json:"overlap"`        // the threshold used
	Quotes        Score    `json:"quotes"`         // matched at Overlap
	Exact         Score    `json:"quotes_exact"`   // matched on the same word tokens
	Speakers      Accuracy `json:"speakers"`       // on the quotes matched at Overlap
	Cues          Score    `json:"cues"`           // matched by overlap
	Rules         []Rule   `json:"rules"`          // the predicted quotes by the rule that made them
	ByCue         []Rule   `json:"by_cue"`         // the predicted quotes by their cue's text
	Failures      Failures `json:"failures"`       // what went wrong, by class
	GoldCoders    []string `json:"gold_coders"`    // annotator ids, as given
	Missed        []string `json:"-"`              // ids of the gold quotes no prediction matched
	PredictedWith string   `json:"predicted_with"` // annotator id, or "detector"
}

// ErrNothingToCompare is returned when no document is covered by both the
// gold coders and the prediction.
var ErrNothingToCompare = errors.New("no document has both gold and predicted annotations")

// Compute compares the predictions with the gold annotations in b (which
// must hold the document texts and, for the detector, its suggestions: a
// snapshot with IncludeSuggestions).
func Compute(b *storage.Bundle, opts Options) (*Report, error) {
	if len(opts.Gold) == 0 {
		return nil, errors.New("evaluate: no gold coder given")
	}
	if opts.Overlap <= 0 {
		opts.Overlap = DefaultOverlap
	}
	r := &Report{Overlap: opts.Overlap, GoldCoders: opts.Gold, PredictedWith: opts.Pred}
	if opts.Pred == "" {
		r.PredictedWith = storage.OriginDetector
	}
	r.Quotes.add(0, 0, 0)
	r.Exact.add(0, 0, 0)
	r.Cues.add(0, 0, 0)
	r.Speakers.Accuracy = share(0, 0)
	docs := sortByDocument(b, opts)
	rules, byCue := newRuleTally(), newRuleTally()
	fails := newFailureTally()
	for _, d := range docs {
		r.Documents++
		if len(d.pred.quotes) == 0 {
			r.Empty++
		}
		d.compare(r, opts.Overlap, rules, byCue, fails)
	}
	if r.Documents == 0 {
		return nil, ErrNothingToCompare
	}
	r.Rules = rules.list()
	r.ByCue = byCue.list()
	r.Failures = fails.result()
	return r, nil
}
