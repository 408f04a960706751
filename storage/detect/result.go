package detect

import (
	"strconv"

	"github.com/saywho-app/saywho/storage"
)

// Result is what Detect proposes for one text. Offsets are code points.
type Result struct {
	Quotes   []Quote
	Cues     []Cue
	Mentions []Mention
	// NewSpeakers are the names of speakers not in the registry that
	// mentions resolve to, in order of first mention.
	NewSpeakers []string
}

// Quote is a proposed quote.
type Quote struct {
	Ranges  []storage.Range // its parts, in order: one, or several for a quote split around its frame
	Type    string          // direct, indirect or mixed
	Cue     int             // index in Result.Cues, or -1
	Mention int             // index in Result.Mentions of its speaker, or -1
	Rule    string          // the rule that found it (the Rule… constants)
	Text    string          // the text of its parts, joined by " … "
}

// Start is where the quote's first part begins.
func (q Quote) Start() int { return q.Ranges[0].Start }

// End is where the quote's last part ends.
func (q Quote) End() int { return q.Ranges[len(q.Ranges)-1].End }

// Cue is a proposed cue: the verb or phrase that reports a quote.
type Cue struct {
	storage.Range
	Text  string
	Lemma string // "say", "according to"
	Class string // speech, belief, intention, evidence
}

// Mention is a proposed speaker mention.
type Mention struct {
	storage.Range
	Text      string
	Kind      string // name, organisation, role noun, pronoun
	SpeakerID string // the registry speaker it resolves to, or ""
	Speaker   string // the speaker's name: the registry's, or proposed (New); "" when unresolved
	New       bool   // Speaker is not in the registry yet
	Rule      string // how it was found and resolved ("pronoun → Ana Park")
}

// Suggestions turns the result into annotations and links for
// storage.Project.ReplaceSuggestions.
func (r Result) Suggestions() storage.Suggestions {
	var s storage.Suggestions
	for i, c := range r.Cues {
		s.Annotations = append(s.Annotations, storage.Annotation{ID: "c" + strconv.Itoa(i), Kind: storage.KindCue,
			Start: c.Start, End: c.End, Attrs: map[string]string{storage.AttrRule: c.Class + " cue: " + c.Lemma}})
	}
	for i, m := range r.Mentions {
		a := storage.Annotation{ID: "m" + strconv.Itoa(i), Kind: storage.KindSpeakerMention, Start: m.Start, End: m.End,
			SpeakerID: m.SpeakerID, Attrs: map[string]string{storage.AttrRule: m.Rule}}
		if m.New {
			a.Attrs[storage.AttrProposedSpeaker] = m.Speaker
		}
		s.Annotations = append(s.Annotations, a)
	}
	for i, q := range r.Quotes {
		id := "q" + strconv.Itoa(i)
		a := storage.Annotation{ID: id, Kind: storage.KindQuote, Start: q.Start(), End: q.End(),
			Attrs: map[string]string{storage.AttrQuoteType: q.Type, storage.AttrRule: q.Rule}}
		if len(q.Ranges) > 1 {
			a.Ranges = q.Ranges
		}
		s.Annotations = append(s.Annotations, a)
		if q.Mention >= 0 {
			s.Relations = append(s.Relations, storage.Relation{Type: storage.RelSaidBy, SourceID: id, TargetID: "m" + strconv.Itoa(q.Mention)})
		}
		if q.Cue >= 0 {
			s.Relations = append(s.Relations, storage.Relation{Type: storage.RelCueOf, SourceID: "c" + strconv.Itoa(q.Cue), TargetID: id})
		}
	}
	return s
}
