package brat

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Mapping says how brat labels become Saywho kinds and relations.
//
// The mapping file format, one rule a line ("#" starts a comment):
//
//	LABEL = KIND             an entity label (quote, speaker_mention, claim, cue, code)
//	TYPE = RELATION          an R relation type (said_by, claimed_by, cue_of, stated_in)
//	RELATION = ROLE -> ROLE  inside an event: link its ROLE arguments to its other ROLE arguments
//
// Role names match with trailing digits removed (Content2 is a Content).
// Labels not listed keep their name in the "label" attribute and become
// kind code; R types not listed that are not relation names themselves are
// reported, not imported. On export the first label listed for a kind (or
// relation) is used.
type Mapping struct {
	Kinds     []LabelKind
	Relations []LabelRelation
	Roles     []RoleLink
}

// LabelKind maps an entity label to a kind.
type LabelKind struct {
	Label string
	Kind  storage.Kind
}

// LabelRelation maps an R relation type to a relation type.
type LabelRelation struct {
	Label    string
	Relation storage.RelationType
}

// RoleLink derives a relation from an event: each argument in role From is
// linked to each argument in role To.
type RoleLink struct {
	Relation storage.RelationType
	From, To string
}

// DefaultMapping is the attribution scheme of PARC 3.0 and PolNeAR (Source,
// Cue, Content, with Attribution events), plus Saywho's own labels for
// claims and coded passages.
func DefaultMapping() Mapping {
	return Mapping{
		Kinds: []LabelKind{
			{"Content", storage.KindQuote},
			{"Source", storage.KindSpeakerMention},
			{"Cue", storage.KindCue},
			{"Claim", storage.KindClaim},
			{"Code", storage.KindCode},
		},
		Roles: []RoleLink{
			{storage.RelSaidBy, "Content", "Source"},
			{storage.RelCueOf, "Cue", "Content"},
		},
	}
}

var ruleRE = regexp.MustCompile(`^(\S+)\s*=\s*(\S+)(?:\s*->\s*(\S+))?$`)

// ParseMapping reads a mapping file (see Mapping for the format).
func ParseMapping(r io.Reader) (Mapping, error) {
	var m Mapping
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		p := ruleRE.FindStringSubmatch(line)
		if p == nil {
			return Mapping{}, fmt.Errorf("mapping line %d: %q is not LABEL = KIND, TYPE = RELATION or RELATION = ROLE -> ROLE", n, line)
		}
		switch {
		case p[3] != "":
			rel := storage.RelationType(p[1])
			if !isRelation(rel) {
				return Mapping{}, fmt.Errorf("mapping line %d: %q is not a relation type", n, p[1])
			}
			m.Roles = append(m.Roles, RoleLink{Relation: rel, From: p[2], To: p[3]})
		case storage.Kind(p[2]).Valid():
			m.Kinds = append(m.Kinds, LabelKind{Label: p[1], Kind: storage.Kind(p[2])})
		case isRelation(storage.RelationType(p[2])):
			m.Relations = append(m.Relations, LabelRelation{Label: p[1], Relation: storage.RelationType(p[2])})
		default:
			return Mapping{}, fmt.Errorf("mapping line %d: %q is neither a kind nor a relation type", n, p[2])
		}
	}
	return m, sc.Err()
}

func isRelation(t storage.RelationType) bool {
	for _, r := range storage.RelationTypes {
		if r == t {
			return true
		}
	}
	return false
}

// kind returns the kind of an entity label.
func (m Mapping) kind(label string) (storage.Kind, bool) {
	for _, lk := range m.Kinds {
		if lk.Label == label {
			return lk.Kind, true
		}
	}
	return storage.KindCode, false
}

// label returns the label written for a kind.
func (m Mapping) label(k storage.Kind) string {
	for _, lk := range m.Kinds {
		if lk.Kind == k {
			return lk.Label
		}
	}
	return string(k)
}

// relation returns the relation type of an R line type: mapped, or the
// type itself when it names a relation.
func (m Mapping) relation(typ string) (storage.RelationType, bool) {
	for _, lr := range m.Relations {
		if lr.Label == typ {
			return lr.Relation, true
		}
	}
	return storage.RelationType(typ), isRelation(storage.RelationType(typ))
}

// relLabel returns the R line type written for a relation type.
func (m Mapping) relLabel(t storage.RelationType) string {
	for _, lr := range m.Relations {
		if lr.Relation == t {
			return lr.Label
		}
	}
	return string(t)
}

// baseRole strips trailing digits: brat numbers repeated roles (Content2).
func baseRole(role string) string {
	return strings.TrimRight(role, "0123456789")
}
