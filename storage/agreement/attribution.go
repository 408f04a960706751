package agreement

import (
	"slices"
	"strings"

	"golang.org/x/text/cases"

	"github.com/saywho-app/saywho/storage"
)

// Attribution tells how often two coders who marked the same quote (matched
// by overlap) attribute it to the same speaker.
type Attribution struct {
	A        string `json:"a"`         // annotator id
	B        string `json:"b"`         // annotator id
	Matched  int    `json:"matched"`   // quote pairs matched by overlap
	Unlinked int    `json:"unlinked"`  // of those, pairs where neither quote has a speaker
	Compared int    `json:"compared"`  // Matched − Unlinked
	Agreed   int    `json:"agreed"`    // of those, pairs attributed to the same speakers
	Share    Ratio  `json:"agreement"` // Agreed / Compared
}

// add counts one matched pair of quotes whose speaker sets are sa and sb
// (as made by speakerIndex.of: "" for none).
func (x *Attribution) add(sa, sb string) {
	x.Matched++
	switch {
	case sa == "" && sb == "":
		x.Unlinked++
	case sa == sb:
		x.Compared++
		x.Agreed++
	default:
		x.Compared++
	}
	x.Share = ratio(float64(x.Agreed), float64(x.Compared))
}

// speakerIndex resolves the speakers of quotes the way the CSV export does.
type speakerIndex struct {
	saidBy   map[string][]*storage.Relation // by quote id
	anns     map[string]*storage.Annotation
	speakers map[string]bool
	fold     cases.Caser
}

func newSpeakerIndex(b *storage.Bundle) *speakerIndex {
	x := &speakerIndex{saidBy: map[string][]*storage.Relation{}, anns: map[string]*storage.Annotation{},
		speakers: map[string]bool{}, fold: cases.Fold()}
	for i := range b.Speakers {
		x.speakers[b.Speakers[i].ID] = true
	}
	for i := range b.Annotations {
		x.anns[b.Annotations[i].ID] = &b.Annotations[i]
	}
	for i := range b.Relations {
		if r := &b.Relations[i]; r.Type == storage.RelSaidBy {
			x.saidBy[r.SourceID] = append(x.saidBy[r.SourceID], r)
		}
	}
	return x
}

// of returns the set of speakers quote q is said_by, as one comparable
// string ("" when none): "id:" and a registry speaker's id (linked directly
// or through a speaker mention), or "text:" and an unlinked mention's text,
// case-folded with its spaces collapsed.
func (x *speakerIndex) of(q *storage.Annotation) string {
	var keys []string
	for _, r := range x.saidBy[q.ID] {
		switch m := x.anns[r.TargetID]; {
		case x.speakers[r.TargetSpeakerID]:
			keys = append(keys, "id:"+r.TargetSpeakerID)
		case m == nil || m.Kind != storage.KindSpeakerMention:
		case x.speakers[m.SpeakerID]:
			keys = append(keys, "id:"+m.SpeakerID)
		default:
			keys = append(keys, "text:"+x.fold.String(strings.Join(strings.Fields(m.Text), " ")))
		}
	}
	slices.Sort(keys)
	return strings.Join(slices.Compact(keys), "\x00")
}
