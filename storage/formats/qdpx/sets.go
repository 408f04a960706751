package qdpx

import (
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

// documentSets renders the document sets as Sets whose members are the
// exported sources.
func documentSets(b *storage.Bundle) *qdeSets {
	if len(b.Sets) == 0 {
		return nil
	}
	exported := map[string]bool{}
	for _, d := range b.Documents {
		exported[d.ID] = true
	}
	out := &qdeSets{}
	for _, s := range b.Sets {
		qs := qdeSet{GUID: guid.For(s.ID), Name: s.Name, Description: s.Description}
		for _, id := range s.DocumentIDs {
			if exported[id] {
				qs.MemberSources = append(qs.MemberSources, qdeRef{TargetGUID: guid.For(id)})
			}
		}
		out.Set = append(out.Set, qs)
	}
	return out
}

// importSets reads the Sets that group sources as document sets, with the
// sources that became documents. Sets of codes or notes only have no
// counterpart in Saywho and are reported, as are the code and note members
// of mixed sets and members that were not imported.
func (im *importer) importSets() {
	if im.p.Sets == nil {
		return
	}
	names := map[string]bool{}
	ids := map[string]bool{}
	for _, qs := range im.p.Sets.Set {
		name := strings.TrimSpace(qs.Name)
		if name == "" {
			name = "(unnamed set)"
		}
		others := len(qs.MemberCodes) + len(qs.MemberNotes)
		if len(qs.MemberSources) == 0 && others > 0 {
			im.notef("set %q groups %s, not documents: not imported (Saywho's sets hold documents)", name, codesAndNotes(qs))
			continue
		}
		id := guid.For(qs.GUID)
		if ids[id] {
			im.notef("set %q appears twice; kept once", name)
			continue
		}
		ids[id] = true
		if names[name] {
			base := name
			for i := 2; names[name]; i++ {
				name = fmt.Sprintf("%s (%d)", base, i)
			}
			im.notef("two sets are called %q; the second is imported as %q", base, name)
		}
		names[name] = true
		s := storage.Set{ID: id, Name: name, Description: strings.TrimSpace(qs.Description), Created: im.now, DocumentIDs: []string{}}
		missing := 0
		seen := map[string]bool{}
		for _, ref := range qs.MemberSources {
			doc, ok := im.docs[guid.For(ref.TargetGUID)]
			switch {
			case !ok:
				missing++
			case !seen[doc]:
				seen[doc] = true
				s.DocumentIDs = append(s.DocumentIDs, doc)
			}
		}
		if missing > 0 {
			im.notef("set %q: %d of its %d sources were not imported and are not in it", name, missing, len(qs.MemberSources))
		}
		if others > 0 {
			im.notef("set %q: its %s are not kept (Saywho's sets hold documents)", name, codesAndNotes(qs))
		}
		im.b.Sets = append(im.b.Sets, s)
	}
}

// codesAndNotes describes a set's code and note members.
func codesAndNotes(s qdeSet) string {
	var parts []string
	if n := len(s.MemberCodes); n > 0 {
		parts = append(parts, fmt.Sprintf("%d code(s)", n))
	}
	if n := len(s.MemberNotes); n > 0 {
		parts = append(parts, fmt.Sprintf("%d note(s)", n))
	}
	return strings.Join(parts, " and ")
}
