package brat

import (
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Reference databases of N lines that Saywho writes and reads back.
const (
	dbSaywho   = "Saywho"
	dbWikidata = "Wikidata"
)

// norms links speaker mentions to registry speakers from their N lines: a
// Saywho:ID reference names the speaker, a Wikidata:QID one sets its
// Wikidata id; another database makes a speaker noted with the reference.
func (im *importer) norms(c *annContext, norms []Norm) {
	byTarget := map[string][]Norm{}
	var order []string
	for _, n := range norms {
		i, ok := c.byT[n.Target]
		if !ok || c.anns[i].Kind != storage.KindSpeakerMention {
			im.count("%s: normalizations of annotations other than speaker mentions are not imported", c.file)
			continue
		}
		if byTarget[n.Target] == nil {
			order = append(order, n.Target)
		}
		byTarget[n.Target] = append(byTarget[n.Target], n)
	}
	for _, t := range order {
		a := &c.anns[c.byT[t]]
		var sp *storage.Speaker
		var qid string
		refs := byTarget[t]
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].DB == dbSaywho && refs[j].DB != dbSaywho })
		for _, n := range refs {
			switch {
			case n.DB == dbWikidata:
				qid = n.Key
				if sp == nil {
					sp = im.speaker(dbWikidata+":"+n.Key, n.Text, "", "")
				}
			case n.DB == dbSaywho && storage.ValidID(n.Key):
				sp = im.speaker(dbSaywho+":"+n.Key, n.Text, n.Key, "")
			default:
				sp = im.speaker(n.DB+":"+n.Key, n.Text, "", "Reference "+n.DB+":"+n.Key)
			}
		}
		if qid != "" && sp.Wikidata == "" {
			sp.Wikidata = qid
			im.speakers[dbWikidata+":"+qid] = sp.ID
		}
		a.SpeakerID = sp.ID
	}
}

// speaker returns the registry speaker for a reference key, creating it
// (with the given id when not "").
func (im *importer) speaker(key, name, id, note string) *storage.Speaker {
	if sid, ok := im.speakers[key]; ok {
		for i := range im.b.Speakers {
			if im.b.Speakers[i].ID == sid {
				return &im.b.Speakers[i]
			}
		}
	}
	if id == "" {
		id = storage.NewID()
	}
	if name = strings.TrimSpace(name); name == "" {
		name = key
	}
	im.b.Speakers = append(im.b.Speakers, storage.Speaker{ID: id, Name: name, Aliases: []string{}, Note: note,
		Created: im.now, Modified: im.now})
	im.speakers[key] = id
	return &im.b.Speakers[len(im.b.Speakers)-1]
}

// event keeps an E line on its trigger's annotation and derives the
// mapping's relations between its arguments.
func (im *importer) event(c *annContext, e Event) {
	ti, ok := c.byT[e.Trigger]
	if !ok {
		im.notef("%s: event %s has no trigger span %s; not imported", c.file, e.ID, e.Trigger)
		return
	}
	line := []string{e.Type}
	roles := map[string][]int{}
	for _, arg := range e.Args {
		i, ok := c.byT[arg.Ref]
		if !ok {
			im.count("%s: event arguments that are not text spans (nested events) are not imported", c.file)
			continue
		}
		line = append(line, arg.Role+":"+c.anns[i].ID)
		roles[baseRole(arg.Role)] = append(roles[baseRole(arg.Role)], i)
	}
	tr := &c.anns[ti]
	if tr.Attrs == nil {
		tr.Attrs = map[string]string{}
	}
	tr.Attrs[AttrEvent] = joinNote(tr.Attrs[AttrEvent], strings.Join(line, " "))
	for _, rl := range im.m.Roles {
		for _, from := range roles[rl.From] {
			for _, to := range roles[rl.To] {
				im.link(c, rl.Relation, from, to, "event "+e.Type)
			}
		}
	}
}

// relation imports an R line.
func (im *importer) relation(c *annContext, r Rel) {
	t, ok := im.m.relation(r.Type)
	if !ok {
		im.count("%s: relation type %q is not mapped to a Saywho relation; not imported", c.file, r.Type)
		return
	}
	from, ok1 := c.byT[r.Args[0].Ref]
	to, ok2 := c.byT[r.Args[1].Ref]
	if !ok1 || !ok2 {
		im.count("%s: relations between events are not imported", c.file)
		return
	}
	im.link(c, t, from, to, "relation "+r.Type)
}

// link adds relation t between two annotations of the file if the pair is
// legal and new.
func (im *importer) link(c *annContext, t storage.RelationType, from, to int, what string) {
	src, dst := &c.anns[from], &c.anns[to]
	if err := storage.CheckRelation(t, src.Kind, dst.Kind, false); err != nil {
		im.count("%s: %s: %v; not linked", c.file, what, err)
		return
	}
	key := [3]string{string(t), src.ID, dst.ID}
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.rels = append(c.rels, storage.Relation{ID: storage.NewID(), Type: t, SourceID: src.ID, TargetID: dst.ID,
		AnnotatorID: c.coder, Created: im.now})
}
