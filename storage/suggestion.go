package storage

import "time"

// OriginDetector is the origin of the annotations Saywho's quote detector
// (storage/detect) suggests, and the name of the coder that holds them
// while they await a decision.
const OriginDetector = "detector"

// Attribute keys of detector suggestions.
const (
	AttrRule            = "detector_rule"     // the rule that made the suggestion ("frame after content")
	AttrAccepted        = "detector_accepted" // when a coder accepted it (RFC 3339, UTC)
	AttrProposedSpeaker = "proposed_speaker"  // a mention's speaker not yet in the registry: the name to add on accept
)

// Suggestions are what a detector proposes for one document: annotations
// (Kind, Start, End, Ranges, Attrs, SpeakerID; any ids unique among them)
// and relations between them (SourceID and TargetID are those ids, or
// TargetSpeakerID a registry speaker).
type Suggestions struct {
	Annotations []Annotation
	Relations   []Relation
}

// SuggestOptions tune ReplaceSuggestions.
type SuggestOptions struct {
	// Coders are the annotator ids whose annotations suggestions keep
	// clear of: the coder at work, who needs no suggestion where they
	// marked something already. Other coders' work (a gold standard, a
	// colleague's coding) does not stop a suggestion.
	Coders []string
}

// SuggestReport says what ReplaceSuggestions did.
type SuggestReport struct {
	Added    int `json:"added"`    // suggestions stored
	Replaced int `json:"replaced"` // pending suggestions removed first
	Rejected int `json:"rejected"` // not proposed again: a coder rejected that span before
	Covered  int `json:"covered"`  // not proposed: an accepted suggestion or one of the coders' annotations of that kind overlaps it
}

// SuggestionCounts counts detector suggestions by what coders did with
// them.
type SuggestionCounts struct {
	Pending   int `json:"pending"`   // awaiting a decision
	Accepted  int `json:"accepted"`  // accepted and not changed since
	Corrected int `json:"corrected"` // accepted, then edited
	Rejected  int `json:"rejected"`
}

// Total is the number of suggestions counted.
func (c SuggestionCounts) Total() int { return c.Pending + c.Accepted + c.Corrected + c.Rejected }

// Count adds one suggestion in state; an accepted one modified after its
// acceptance counts as corrected.
func (c *SuggestionCounts) Count(state string, accepted, modified time.Time) {
	switch state {
	case StateSuggested:
		c.Pending++
	case StateRejected:
		c.Rejected++
	case StateAccepted:
		if !accepted.IsZero() && modified.After(accepted) {
			c.Corrected++
		} else {
			c.Accepted++
		}
	}
}
