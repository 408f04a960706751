package detect

import (
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Registry is the project's speaker registry as the detector reads it:
// mentions resolve to its speakers by storage.SpeakerIndex's rule (name or
// alias, else a surname only one speaker has).
type Registry struct {
	index *storage.SpeakerIndex
	names map[string]string // id → name
}

// NewRegistry indexes speakers; nil or empty is an empty registry.
func NewRegistry(speakers []storage.Speaker) *Registry {
	r := &Registry{index: storage.NewSpeakerIndex(speakers), names: map[string]string{}}
	for _, s := range speakers {
		r.names[s.ID] = s.Name
	}
	return r
}

// entity is a speaker the text names, by a registry speaker or a proposed
// new one.
type entity struct {
	name      string
	speakerID string
	kind      npKind
	gender    byte
	last      string // the last word of the name, lower case
	words     int
}

// speakers resolves source noun phrases to entities in reading order.
type speakers struct {
	reg      *Registry
	entities []*entity
	recent   []*entity // entities in order of their latest mention
}

// resolved is a mention's resolution.
type resolved struct {
	ent  *entity
	rule string
}

// resolve finds the entity a noun phrase refers to.
func (sp *speakers) resolve(d *document, np *nounPhrase) resolved {
	switch np.kind {
	case npPronoun:
		e := sp.antecedent(np)
		if e == nil {
			return resolved{rule: "pronoun, unresolved"}
		}
		if np.gender != 0 && e.gender == 0 && e.kind == npName {
			e.gender = np.gender
		}
		sp.touch(e)
		return resolved{e, "pronoun → " + e.name}
	case npRole:
		return resolved{rule: "role noun"}
	}
	name := np.name
	rule := np.kind.String()
	if np.kind == npName && np.from < np.to && titles[d.toks[np.from].lower] {
		rule = "title and name"
	}
	if id := sp.reg.index.Match(name); id != "" {
		e := sp.byID(id, np)
		sp.touch(e)
		return resolved{e, rule + ", in the registry"}
	}
	key := strings.ToLower(name)
	for _, e := range sp.entities {
		if strings.ToLower(e.name) == key {
			sp.touch(e)
			return resolved{e, rule}
		}
	}
	words := strings.Fields(key)
	if len(words) == 1 && np.kind == npName {
		if e := sp.bySurname(words[0]); e != nil {
			sp.touch(e)
			return resolved{e, "surname of " + e.name}
		}
	}
	e := &entity{name: name, kind: np.kind, gender: np.gender, last: words[len(words)-1], words: len(words)}
	sp.entities = append(sp.entities, e)
	sp.touch(e)
	return resolved{e, rule}
}

// byID returns the entity of a registry speaker, adding it on first use.
func (sp *speakers) byID(id string, np *nounPhrase) *entity {
	for _, e := range sp.entities {
		if e.speakerID == id {
			return e
		}
	}
	name := sp.reg.names[id]
	f := strings.Fields(strings.ToLower(name))
	e := &entity{name: name, speakerID: id, kind: np.kind, gender: np.gender, words: len(f)}
	if len(f) > 0 {
		e.last = f[len(f)-1]
	}
	sp.entities = append(sp.entities, e)
	return e
}

// bySurname returns the one person entity with more than one word in its
// name whose last word is w, the most recently mentioned when several
// are.
func (sp *speakers) bySurname(w string) *entity {
	for i := len(sp.recent) - 1; i >= 0; i-- {
		if e := sp.recent[i]; e.kind == npName && e.words > 1 && e.last == w {
			return e
		}
	}
	return nil
}

// antecedent resolves a pronoun to the most recently mentioned compatible
// entity: he and she to a person of that gender or of unknown gender,
// they to a group or organisation (else a person), it to an
// organisation.
func (sp *speakers) antecedent(np *nounPhrase) *entity {
	want := func(e *entity) bool {
		switch np.head {
		case "he", "she", "i":
			return e.kind == npName && (e.gender == 0 || np.gender == 0 || e.gender == np.gender)
		case "it":
			return e.kind == npOrg
		case "they", "we":
			return e.kind == npOrg
		}
		return false
	}
	for i := len(sp.recent) - 1; i >= 0; i-- {
		if want(sp.recent[i]) {
			return sp.recent[i]
		}
	}
	return nil
}

// touch makes e the most recently mentioned entity.
func (sp *speakers) touch(e *entity) {
	for i, x := range sp.recent {
		if x == e {
			sp.recent = append(sp.recent[:i], sp.recent[i+1:]...)
			break
		}
	}
	sp.recent = append(sp.recent, e)
}

// completeSurnames gives a mention of a bare surname proposed as a new
// speaker (as in a headline, before the article names the person in
// full) the one full name of the text that ends with it.
func (sp *speakers) completeSurnames(r *Result) {
	full := map[string]string{} // surname → full name, "" when several
	for _, e := range sp.entities {
		if e.kind == npName && e.words > 1 && e.speakerID == "" {
			if n, ok := full[e.last]; ok && n != e.name {
				full[e.last] = ""
			} else {
				full[e.last] = e.name
			}
		}
	}
	used := map[string]bool{}
	for i := range r.Mentions {
		m := &r.Mentions[i]
		if m.New && !strings.Contains(m.Speaker, " ") {
			if n := full[strings.ToLower(m.Speaker)]; n != "" {
				m.Speaker, m.Rule = n, "surname of "+n
			}
		}
		if m.New {
			used[m.Speaker] = true
		}
	}
	var names []string
	for _, n := range r.NewSpeakers {
		if used[n] {
			names = append(names, n)
		}
	}
	for _, m := range r.Mentions {
		if m.New && !slices.Contains(names, m.Speaker) {
			names = append(names, m.Speaker)
		}
	}
	r.NewSpeakers = names
}
