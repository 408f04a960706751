package storage

import "strings"

// SpeakerIndex resolves the text of a speaker mention to a registry
// speaker: by name or alias (ignoring case, surrounding space and a
// possessive ’s), else by a surname only one speaker has. The window and
// the detector (storage/detect) share this one rule.
type SpeakerIndex struct {
	byName    map[string]string // folded name or alias → speaker id (the first speaker listed wins)
	bySurname map[string]string // folded surname → speaker id, "" when several speakers share it
}

// NewSpeakerIndex indexes the names, aliases and surnames of speakers.
func NewSpeakerIndex(speakers []Speaker) *SpeakerIndex {
	ix := &SpeakerIndex{byName: map[string]string{}, bySurname: map[string]string{}}
	for _, s := range speakers {
		for _, n := range s.Names() {
			k := strings.ToLower(n)
			if _, ok := ix.byName[k]; !ok {
				ix.byName[k] = s.ID
			}
		}
		if sn := Surname(s.Name); sn != "" {
			k := strings.ToLower(sn)
			if id, ok := ix.bySurname[k]; ok && id != s.ID {
				ix.bySurname[k] = "" // two speakers share the surname: let the coder choose
			} else {
				ix.bySurname[k] = s.ID
			}
		}
	}
	return ix
}

// Match returns the id of the speaker whose name or alias is exactly text
// (ignoring case, surrounding space and a possessive ’s), else of the one
// speaker whose surname it is, else "".
func (ix *SpeakerIndex) Match(text string) string {
	t := foldMention(text)
	if id, ok := ix.byName[t]; ok {
		return id
	}
	return ix.bySurname[t]
}

// foldMention lower-cases a mention and drops surrounding space and a
// possessive ’s.
func foldMention(text string) string {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, suffix := range []string{"’s", "'s"} {
		t = strings.TrimSuffix(t, suffix)
	}
	return t
}

// MatchSpeaker resolves text against speakers with the rule of
// SpeakerIndex.Match.
func MatchSpeaker(speakers []Speaker, text string) string {
	return NewSpeakerIndex(speakers).Match(text)
}

// Surname is the last word of a multi-word name when it is long enough to
// be used alone ("Zelenskyy" for "Volodymyr Zelenskyy"), else "".
func Surname(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 || len([]rune(f[len(f)-1])) < 3 {
		return ""
	}
	return f[len(f)-1]
}

// Add puts a speaker just created into the index.
func (ix *SpeakerIndex) Add(s Speaker) {
	more := NewSpeakerIndex([]Speaker{s})
	for k, v := range more.byName {
		if _, ok := ix.byName[k]; !ok {
			ix.byName[k] = v
		}
	}
	for k, v := range more.bySurname {
		if id, ok := ix.bySurname[k]; ok && id != v {
			ix.bySurname[k] = ""
		} else {
			ix.bySurname[k] = v
		}
	}
}
