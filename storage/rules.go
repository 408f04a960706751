package storage

import (
	"fmt"
	"strings"
)

// relationRule says which source kind and which targets a relation type
// allows. Target "speaker" means a registry speaker.
type relationRule struct {
	source  Kind
	targets []Kind
	speaker bool
}

var relationRules = map[RelationType]relationRule{
	RelSaidBy:    {source: KindQuote, targets: []Kind{KindSpeakerMention}, speaker: true},
	RelClaimedBy: {source: KindClaim, targets: []Kind{KindSpeakerMention}, speaker: true},
	RelCueOf:     {source: KindCue, targets: []Kind{KindQuote}},
	RelStatedIn:  {source: KindClaim, targets: []Kind{KindQuote}},
}

// RelationTypes lists the legal relation types.
var RelationTypes = []RelationType{RelSaidBy, RelClaimedBy, RelCueOf, RelStatedIn}

// CheckRelation reports an error unless a relation of type t may go from an
// annotation of kind src to an annotation of kind dst (dst "" with
// toSpeaker true means a registry speaker).
func CheckRelation(t RelationType, src, dst Kind, toSpeaker bool) error {
	rule, ok := relationRules[t]
	if !ok {
		return fmt.Errorf("relation type %q: %w", t, ErrInvalid)
	}
	if src != rule.source {
		return fmt.Errorf("%s must start at a %s, not a %s: %w", t, KindLabel(rule.source), KindLabel(src), ErrInvalid)
	}
	if toSpeaker {
		if !rule.speaker {
			return fmt.Errorf("%s cannot point to a speaker: %w", t, ErrInvalid)
		}
		return nil
	}
	for _, k := range rule.targets {
		if k == dst {
			return nil
		}
	}
	return fmt.Errorf("%s cannot point to a %s: %w", t, KindLabel(dst), ErrInvalid)
}

// KindLabel names a kind in messages: "speaker mention".
func KindLabel(k Kind) string { return strings.ReplaceAll(string(k), "_", " ") }

// RelationSource is the kind of annotation a relation of type t starts at.
func RelationSource(t RelationType) Kind { return relationRules[t].source }

// RelationToSpeaker reports whether a relation of type t may point straight
// to a registry speaker.
func RelationToSpeaker(t RelationType) bool { return relationRules[t].speaker }
