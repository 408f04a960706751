package qdpx

import (
	"strings"

	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// speakerCases renders the speaker registry as Cases that refer to the
// selections attributed to each speaker.
func speakerCases(x *lookup.Index, vars *variables) *qdeCases {
	if len(x.B.Speakers) == 0 {
		return nil
	}
	cs := &qdeCases{}
	for _, sp := range x.B.Speakers {
		c := qdeCase{GUID: guid.For(sp.ID), Name: sp.Name, Description: sp.Note,
			Values: vars.values(varRole, sp.Role, varAffiliation, sp.Affiliation, varWikidata, sp.Wikidata,
				varAliases, strings.Join(sp.Aliases, "\n"))}
		for _, a := range x.Attributed(sp.ID) {
			c.SelectionRefs = append(c.SelectionRefs, qdeRef{TargetGUID: guid.For(a.ID)})
		}
		cs.Case = append(cs.Case, c)
	}
	return cs
}
