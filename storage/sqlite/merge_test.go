package sqlite

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// mergeBundle is one coder's work on unicodeText as an importer of a
// format without ids (brat) delivers it: a discontinuous quote with its
// parts in reading order, two identical cues (a file may hold a span
// twice), codes under a parent, a speaker known by Wikidata and one known
// only by name and note, links, an event attribute naming annotations by
// id, and a memo.
func mergeBundle(t *testing.T) *storage.Bundle {
	t.Helper()
	at := time.Date(2025, 5, 2, 8, 0, 0, 0, time.UTC)
	text := unicodeText
	doc := storage.Document{ID: storage.NewID(), Title: "Test", FileName: "test.txt", Format: "txt", Text: text}
	b := &storage.Bundle{
		Annotators: []storage.Annotator{{ID: storage.NewID(), Name: "brat", Created: at}},
		Codes:      []storage.Code{{ID: storage.NewID(), Name: "Topics", Created: at}},
		Speakers: []storage.Speaker{
			{ID: storage.NewID(), Name: "Zoë", Wikidata: "Q42", Aliases: []string{}, Created: at, Modified: at},
			{ID: storage.NewID(), Name: "Renée", Note: "Reference GeoNames:7", Aliases: []string{}, Created: at, Modified: at},
		},
		Documents: []storage.Document{doc},
	}
	b.Codes = append(b.Codes, storage.Code{ID: storage.NewID(), ParentID: b.Codes[0].ID, Name: "Defence", Created: at})
	coder := b.Annotators[0].ID
	ann := func(kind storage.Kind, parts ...string) *storage.Annotation {
		a := storage.Annotation{ID: storage.NewID(), DocumentID: doc.ID, Kind: kind, AnnotatorID: coder, Created: at, Modified: at, Origin: storage.OriginHuman}
		for _, s := range parts {
			st, e := span(t, text, s)
			a.Ranges = append(a.Ranges, storage.Range{Start: st, End: e})
		}
		sorted := storage.InTextOrder(a.Ranges)
		a.Start, a.End = sorted[0].Start, sorted[len(sorted)-1].End
		if len(a.Ranges) == 1 {
			a.Ranges = nil
		}
		b.Annotations = append(b.Annotations, a)
		return &b.Annotations[len(b.Annotations)-1]
	}
	ann(storage.KindQuote, "北京 officials", "Minister")
	ann(storage.KindSpeakerMention, "Zoë").SpeakerID = b.Speakers[0].ID
	ann(storage.KindSpeakerMention, "Renée").SpeakerID = b.Speakers[1].ID
	ann(storage.KindCue, "said")
	ann(storage.KindCue, "said")
	ann(storage.KindCode, "“We won’t yield.”").Codes = []string{b.Codes[1].ID}
	trigger := ann(storage.KindCode, "replied")
	trigger.Attrs = map[string]string{storage.AttrLabel: "Attribution"}
	quote, zoe, cue := b.Annotations[0].ID, b.Annotations[1].ID, b.Annotations[3].ID
	trigger.Attrs["brat_event"] = fmt.Sprintf("Attribution Content:%s Source:%s Cue:%s", quote, zoe, cue)
	b.Relations = []storage.Relation{
		{ID: storage.NewID(), Type: storage.RelSaidBy, SourceID: quote, TargetID: zoe, AnnotatorID: coder, Created: at},
		{ID: storage.NewID(), Type: storage.RelCueOf, SourceID: cue, TargetID: quote, AnnotatorID: coder, Created: at},
		{ID: storage.NewID(), Type: storage.RelSaidBy, SourceID: quote, TargetSpeakerID: b.Speakers[1].ID, AnnotatorID: coder, Created: at},
	}
	b.Memos = []storage.Memo{{ID: storage.NewID(), DocumentID: doc.ID, AnnotatorID: coder, Text: "read twice ✍️", Created: at, Modified: at}}
	return b
}

// freshIDs copies b giving everything a new id, references (including ids
// named inside attribute values) following: what a format without ids
// produces each time the same files are imported.
func freshIDs(b *storage.Bundle) *storage.Bundle {
	ids := map[string]string{}
	re := func(id string) string {
		if id == "" {
			return ""
		}
		if n, ok := ids[id]; ok {
			return n
		}
		ids[id] = storage.NewID()
		return ids[id]
	}
	out := &storage.Bundle{Project: b.Project}
	for _, a := range b.Annotators {
		a.ID = re(a.ID)
		out.Annotators = append(out.Annotators, a)
	}
	for _, c := range b.Codes {
		c.ID, c.ParentID = re(c.ID), re(c.ParentID)
		out.Codes = append(out.Codes, c)
	}
	for _, s := range b.Speakers {
		s.ID = re(s.ID)
		out.Speakers = append(out.Speakers, s)
	}
	for _, d := range b.Documents {
		d.ID = re(d.ID)
		out.Documents = append(out.Documents, d)
	}
	for _, a := range b.Annotations {
		re(a.ID) // known before attribute values are rewritten
	}
	for _, a := range b.Annotations {
		a.ID, a.DocumentID, a.AnnotatorID, a.SpeakerID = re(a.ID), re(a.DocumentID), re(a.AnnotatorID), re(a.SpeakerID)
		a.Codes = slices.Clone(a.Codes)
		for i := range a.Codes {
			a.Codes[i] = re(a.Codes[i])
		}
		if a.Attrs != nil {
			attrs := map[string]string{}
			for k, v := range a.Attrs {
				for old, n := range ids {
					v = strings.ReplaceAll(v, old, n)
				}
				attrs[k] = v
			}
			a.Attrs = attrs
		}
		out.Annotations = append(out.Annotations, a)
	}
	for _, r := range b.Relations {
		r.ID, r.SourceID, r.TargetID, r.TargetSpeakerID, r.AnnotatorID = re(r.ID), re(r.SourceID), re(r.TargetID), re(r.TargetSpeakerID), re(r.AnnotatorID)
		out.Relations = append(out.Relations, r)
	}
	for _, m := range b.Memos {
		m.ID, m.DocumentID, m.AnnotatorID = re(m.ID), re(m.DocumentID), re(m.AnnotatorID)
		out.Memos = append(out.Memos, m)
	}
	return out
}

func mustMerge(t *testing.T, p *Project, b *storage.Bundle) storage.MergeReport {
	t.Helper()
	rep, err := p.Merge(bg, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestMergeWithoutIDsIsIdempotent: importing the same work again, with
// new ids as brat gives it each time, adds nothing and says what was
// already there.
func TestMergeWithoutIDsIsIdempotent(t *testing.T) {
	p := newProject(t)
	b := mergeBundle(t)
	first := mustMerge(t, p, freshIDs(b))
	if first.Documents != 1 || first.Annotations != len(b.Annotations) || first.Relations != len(b.Relations) || first.Memos != 1 ||
		first.Codes != 2 || first.Speakers != 2 || first.Annotators != 1 || len(first.Conflicts) != 0 {
		t.Fatalf("first merge %+v", first)
	}
	want, _ := p.Stats(bg)
	for i := range 2 {
		rep := mustMerge(t, p, freshIDs(b))
		if rep.Documents+rep.Annotations+rep.Relations+rep.Memos+rep.Codes+rep.Speakers+rep.Annotators != 0 || len(rep.Conflicts) != 0 {
			t.Fatalf("merge %d added %+v", i+2, rep)
		}
		if rep.UnchangedAnnotations != len(b.Annotations) || rep.UnchangedRelations != len(b.Relations) || rep.UnchangedMemos != 1 || rep.Duplicates != 1 {
			t.Errorf("merge %d: already there %d annotations, %d links, %d memos, %d documents; want %d, %d, 1, 1",
				i+2, rep.UnchangedAnnotations, rep.UnchangedRelations, rep.UnchangedMemos, rep.Duplicates, len(b.Annotations), len(b.Relations))
		}
	}
	got, _ := p.Stats(bg)
	if got.Annotations != want.Annotations || got.Relations != want.Relations || got.Speakers != want.Speakers || got.Codes != want.Codes {
		t.Fatalf("after merging again: %+v, want %+v", got, want)
	}
	if probs, err := p.Check(bg); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

// TestMergeAddsOnlyWhatIsNew: the file gained a quote and an event whose
// arguments are annotations already in the project: both are added, and
// the event names the project's annotations.
func TestMergeAddsOnlyWhatIsNew(t *testing.T) {
	p := newProject(t)
	b := mergeBundle(t)
	mustMerge(t, p, freshIDs(b))
	more := freshIDs(b)
	at := more.Annotations[0].Created
	st, e := span(t, unicodeText, "We won’t yield.")
	added := storage.Annotation{ID: storage.NewID(), DocumentID: more.Documents[0].ID, Kind: storage.KindQuote, Start: st, End: e, AnnotatorID: more.Annotators[0].ID, Created: at, Modified: at}
	st, e = span(t, unicodeText, "wrote")
	event := storage.Annotation{ID: storage.NewID(), DocumentID: more.Documents[0].ID, Kind: storage.KindCode, Start: st, End: e, AnnotatorID: more.Annotators[0].ID, Created: at, Modified: at,
		Attrs: map[string]string{storage.AttrLabel: "Attribution", "brat_event": "Attribution Source:" + more.Annotations[2].ID + " Content:" + added.ID}}
	more.Annotations = append(more.Annotations, added, event)
	rep := mustMerge(t, p, more)
	if rep.Annotations != 2 || rep.UnchangedAnnotations != len(b.Annotations) || rep.Relations != 0 || len(rep.Conflicts) != 0 {
		t.Fatalf("merge %+v", rep)
	}
	anns, _ := p.Annotations(bg, storage.Filter{Kind: storage.KindCode})
	for _, a := range anns {
		ev := a.Attrs["brat_event"]
		if !strings.HasPrefix(ev, "Attribution Source:") || !strings.Contains(a.Text, "wrote") {
			continue
		}
		for _, f := range strings.Fields(ev)[1:] {
			_, id, _ := strings.Cut(f, ":")
			if _, err := p.Annotation(bg, id); err != nil {
				t.Errorf("event %q names %s: %v", ev, id, err)
			}
		}
		return
	}
	t.Fatal("the new event annotation is missing")
}

// TestMergeKeepsCodersApart: the same spans by another coder are that
// coder's work, not already there.
func TestMergeKeepsCodersApart(t *testing.T) {
	p := newProject(t)
	b := mergeBundle(t)
	mustMerge(t, p, freshIDs(b))
	other := freshIDs(b)
	other.Annotators[0].Name = "Ben"
	rep := mustMerge(t, p, other)
	if rep.Annotations != len(b.Annotations) || rep.UnchangedAnnotations != 0 || rep.Annotators != 1 {
		t.Fatalf("another coder's merge %+v", rep)
	}
}
