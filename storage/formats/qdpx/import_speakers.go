package qdpx

import (
	"fmt"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

// importSpeakers turns Cases into registry speakers.
func (im *importer) importSpeakers() {
	if im.p.Cases == nil {
		return
	}
	for i, c := range im.p.Cases.Case {
		id := guid.For(c.GUID)
		if _, dup := im.speakers[id]; dup {
			continue
		}
		name := strings.TrimSpace(c.Name)
		if name == "" {
			name = fmt.Sprintf("Case %d", i+1)
		}
		vals := im.values(c.Values)
		sp := storage.Speaker{ID: id, Name: name, Aliases: []string{}, Note: c.Description,
			Role: vals[varRole], Affiliation: vals[varAffiliation], Wikidata: vals[varWikidata],
			Created: im.now, Modified: im.now}
		for _, a := range strings.Split(vals[varAliases], "\n") {
			if a = strings.TrimSpace(a); a != "" {
				sp.Aliases = append(sp.Aliases, a)
			}
		}
		var other []string
		for k, v := range vals {
			switch k {
			case varRole, varAffiliation, varWikidata, varAliases:
			default:
				other = append(other, k+": "+v)
			}
		}
		sort.Strings(other)
		if len(other) > 0 {
			sp.Note = joinText(sp.Note, strings.Join(other, "\n"))
			im.notef("case %q: variables %s kept in the speaker's note", name, strings.Join(other, "; "))
		}
		if len(c.CodeRefs) > 0 || len(c.SourceRefs) > 0 {
			im.notef("case %q: %d code and %d source references not imported (Saywho links speakers to passages only)", name, len(c.CodeRefs), len(c.SourceRefs))
		}
		im.speakers[id] = id
		im.b.Speakers = append(im.b.Speakers, sp)
	}
}

// attributeSelections applies the Cases' SelectionRefs: a speaker mention
// is linked to the case's speaker; a quote or claim that has no speaker
// link yet gets said_by or claimed_by to the speaker. Other passages cannot
// belong to a speaker and are reported.
func (im *importer) attributeSelections() {
	if im.p.Cases == nil {
		return
	}
	linked := map[string]bool{}
	for _, r := range im.b.Relations {
		if r.Type == storage.RelSaidBy || r.Type == storage.RelClaimedBy {
			linked[r.SourceID] = true
		}
	}
	for _, c := range im.p.Cases.Case {
		sp := im.speakers[guid.For(c.GUID)]
		unmapped := 0
		for _, ref := range c.SelectionRefs {
			a := im.anns[im.sels[guid.For(ref.TargetGUID)]]
			switch {
			case a == nil:
				unmapped++
			case a.Kind == storage.KindSpeakerMention:
				if a.SpeakerID == "" {
					a.SpeakerID = sp
				}
			case a.Kind == storage.KindQuote || a.Kind == storage.KindClaim:
				if linked[a.ID] {
					continue
				}
				t := storage.RelSaidBy
				if a.Kind == storage.KindClaim {
					t = storage.RelClaimedBy
				}
				linked[a.ID] = true
				im.b.Relations = append(im.b.Relations, storage.Relation{ID: guid.Derive("qdpx", "case", c.GUID, ref.TargetGUID),
					Type: t, SourceID: a.ID, TargetSpeakerID: sp, AnnotatorID: a.AnnotatorID, Created: a.Created})
			default:
				unmapped++
			}
		}
		if unmapped > 0 {
			im.notef("case %q: %d selection references are not speaker mentions, quotes or claims; not imported", c.Name, unmapped)
		}
	}
}
