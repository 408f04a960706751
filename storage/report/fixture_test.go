package report

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

var bg = context.Background()

// The invented harbour project: four articles in two outlets, four
// speakers, two coders, three codes, three claims. Every table of the
// tests was counted by hand from this list.
//
//	D1 Gazette 2024-01-15 done:   q1 Okonjo (through a mention) "the wall will hold" 4 words [Economy]
//	                              q2 Adler "the town can borrow cheaply" 5
//	                              q3 no speaker "never again" 2
//	                              q9 Okonjo, coder ben, same span as q1, 4
//	                              c1 Okonjo CFS false "the sea rose by a metre"
//	                              a detector's suggested quote (never counted)
//	D2 Gazette "3 February 2024" in progress:
//	                              q4 Okonjo "storms are coming" 3 [Economy, Safety]
//	                              q5 Harbour Board "repairs start soon" 3
//	D3 Tribune 2024-02-20 done:   q6 Park "the data is clear" 4 [Safety]
//	                              q7 Okonjo and Adler "costs will fall" 3
//	                              coded passage "Experts disputed the cost figures" 5 [Climate, Economy]
//	                              c2 Adler UFS "inflation is low"; c3 no speaker CFS true "Rates are high"
//	D4 Tribune, no date, new:     q8 Adler "we will pay" 3
//
// Speakers: Okonjo woman politician (Harbour Party, NG); Adler man
// official (Treasury, IL); Park man expert (KR); Harbour Board, an
// organisation with no gender. Codes: Economy, Safety, and Climate under
// Safety. Set "Sample": D1 and D4.
type harbour struct {
	p                          *sqlite.Project
	docs                       [4]storage.Document
	q                          map[string]storage.Annotation // q1..q9, passage, c1..c3
	okonjo, adler, park, board storage.Speaker
	economy, safety, climate   storage.Code
	ana, ben                   storage.Annotator
}

var harbourTexts = [4]string{
	"Okonjo said “the wall will hold” on Monday. Adler said the town can borrow cheaply. Someone shouted “never again”. Okonjo claimed the sea rose by a metre.",
	"Okonjo warned that “storms are coming” again. The Harbour Board said repairs start soon.",
	"Park said “the data is clear” and Okonjo and Adler agreed that “costs will fall”. Experts disputed the cost figures. Adler claimed inflation is low. Rates are high.",
	"Adler said “we will pay” later.",
}

func harbourProject(t testing.TB) *harbour {
	t.Helper()
	p, err := sqlite.Create(filepath.Join(t.TempDir(), "harbour.saywho"), "Harbour")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	h := &harbour{p: p, q: map[string]storage.Annotation{}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	meta := []storage.Document{
		{Title: "Sea wall", Outlet: "Gazette", Published: "2024-01-15", Status: storage.StatusDone},
		{Title: "Storms", Outlet: "Gazette", Published: "3 February 2024", Status: storage.StatusInProgress},
		{Title: "Costs", Outlet: "Tribune", Published: "2024-02-20", Status: storage.StatusDone},
		{Title: "Payment", Outlet: "Tribune"},
	}
	for i, d := range meta {
		d.Text = harbourTexts[i]
		h.docs[i], err = p.AddDocument(bg, d)
		must(err)
	}
	_, err = p.CreateSet(bg, "Sample", "", []string{h.docs[0].ID, h.docs[3].ID})
	must(err)
	h.ana, err = p.EnsureAnnotator(bg, "ana")
	must(err)
	h.ben, err = p.EnsureAnnotator(bg, "ben")
	must(err)
	speaker := func(s storage.Speaker) storage.Speaker {
		s, err := p.AddSpeaker(bg, s)
		must(err)
		return s
	}
	h.okonjo = speaker(storage.Speaker{Name: "Okonjo", Gender: "woman", Type: "person", Role: "politician", Affiliation: "Harbour Party", Country: "NG"})
	h.adler = speaker(storage.Speaker{Name: "Adler", Gender: "man", Type: "person", Role: "official", Affiliation: "Treasury", Country: "IL"})
	h.park = speaker(storage.Speaker{Name: "Park", Gender: "man", Type: "person", Role: "expert", Country: "KR"})
	h.board = speaker(storage.Speaker{Name: "Harbour Board", Type: "organisation"})
	code := func(c storage.Code) storage.Code {
		c, err := p.AddCode(bg, c)
		must(err)
		return c
	}
	h.economy = code(storage.Code{Name: "Economy", Color: "#AA3377", Position: 0})
	h.safety = code(storage.Code{Name: "Safety", Color: "#228833", Position: 1})
	h.climate = code(storage.Code{Name: "Climate", ParentID: h.safety.ID, Color: "#4477AA"})
	add := func(name string, doc int, kind storage.Kind, text string, who storage.Annotator, attrs map[string]string, codes ...string) storage.Annotation {
		t.Helper()
		r := storage.FindAll(harbourTexts[doc], text)
		if len(r) == 0 {
			t.Fatalf("%q not in document %d", text, doc+1)
		}
		a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: h.docs[doc].ID, Kind: kind, Start: r[0].Start, End: r[0].End,
			AnnotatorID: who.ID, Attrs: attrs, Codes: codes})
		must(err)
		h.q[name] = a
		return a
	}
	link := func(typ storage.RelationType, from storage.Annotation, to storage.Speaker) {
		_, err := p.Link(bg, storage.Relation{Type: typ, SourceID: from.ID, TargetSpeakerID: to.ID, AnnotatorID: from.AnnotatorID})
		must(err)
	}
	q1 := add("q1", 0, storage.KindQuote, "the wall will hold", h.ana, nil, h.economy.ID)
	mention := add("m1", 0, storage.KindSpeakerMention, "Okonjo", h.ana, nil)
	mention.SpeakerID = h.okonjo.ID
	_, err = p.UpdateAnnotation(bg, mention)
	must(err)
	_, err = p.Link(bg, storage.Relation{Type: storage.RelSaidBy, SourceID: q1.ID, TargetID: mention.ID, AnnotatorID: h.ana.ID})
	must(err)
	link(storage.RelSaidBy, add("q2", 0, storage.KindQuote, "the town can borrow cheaply", h.ana, nil), h.adler)
	add("q3", 0, storage.KindQuote, "never again", h.ana, nil)
	link(storage.RelSaidBy, add("q9", 0, storage.KindQuote, "the wall will hold", h.ben, nil), h.okonjo)
	link(storage.RelClaimedBy, add("c1", 0, storage.KindClaim, "the sea rose by a metre", h.ana,
		map[string]string{storage.AttrCheckWorthiness: "CFS", storage.AttrVerdict: "false"}), h.okonjo)
	r := storage.FindAll(harbourTexts[0], "Okonjo claimed")[0]
	_, err = p.AddAnnotation(bg, storage.Annotation{DocumentID: h.docs[0].ID, Kind: storage.KindQuote, Start: r.Start, End: r.End,
		AnnotatorID: h.ana.ID, Origin: "detector", State: storage.StateSuggested})
	must(err)
	link(storage.RelSaidBy, add("q4", 1, storage.KindQuote, "storms are coming", h.ana, nil, h.economy.ID, h.safety.ID), h.okonjo)
	link(storage.RelSaidBy, add("q5", 1, storage.KindQuote, "repairs start soon", h.ana, nil), h.board)
	link(storage.RelSaidBy, add("q6", 2, storage.KindQuote, "the data is clear", h.ana, nil, h.safety.ID), h.park)
	q7 := add("q7", 2, storage.KindQuote, "costs will fall", h.ana, nil)
	link(storage.RelSaidBy, q7, h.okonjo)
	// Link gives a quote one speaker; imports (brat) can give it two.
	rep, err := p.Merge(bg, &storage.Bundle{Relations: []storage.Relation{{ID: storage.NewID(), Type: storage.RelSaidBy, SourceID: q7.ID,
		TargetSpeakerID: h.adler.ID, AnnotatorID: h.ana.ID, Created: q7.Created}}}, nil)
	if err != nil || rep.Relations != 1 {
		t.Fatalf("second speaker of q7: %+v, %v", rep, err)
	}
	add("passage", 2, storage.KindCode, "Experts disputed the cost figures", h.ana, nil, h.climate.ID, h.economy.ID)
	link(storage.RelClaimedBy, add("c2", 2, storage.KindClaim, "inflation is low", h.ana,
		map[string]string{storage.AttrCheckWorthiness: "UFS"}), h.adler)
	add("c3", 2, storage.KindClaim, "Rates are high", h.ana, map[string]string{storage.AttrCheckWorthiness: "CFS", storage.AttrVerdict: "true"})
	link(storage.RelSaidBy, add("q8", 3, storage.KindQuote, "we will pay", h.ana, nil), h.adler)
	return h
}

// ids returns the ids of the named annotations.
func (h *harbour) ids(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = h.q[n].ID
	}
	return out
}
