package evaluate

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage"
)

// builder makes a bundle of one or more documents with gold ("g") and
// predicted annotations.
type builder struct {
	b   storage.Bundle
	n   int
	doc string
}

func newBuilder() *builder { return &builder{} }

// document adds a document and makes it current.
func (x *builder) document(text string) *builder {
	x.doc = "d" + string(rune('0'+len(x.b.Documents)))
	x.b.Documents = append(x.b.Documents, storage.Document{ID: x.doc, Text: text, Length: utf8.RuneCountInString(text)})
	return x
}

// at returns the code-point range of the nth (0-based) occurrence of s in
// the current document.
func (x *builder) at(s string, nth int) storage.Range {
	text := x.b.Documents[len(x.b.Documents)-1].Text
	from := 0
	for {
		i := strings.Index(text[from:], s)
		if i < 0 {
			panic("not in text: " + s)
		}
		if nth == 0 {
			start := utf8.RuneCountInString(text[:from+i])
			return storage.Range{Start: start, End: start + utf8.RuneCountInString(s)}
		}
		nth--
		from += i + len(s)
	}
}

// ann adds an annotation by coder over the given parts (texts, first
// occurrence) and returns its id. Coder "detector" makes a suggestion.
func (x *builder) ann(coder string, kind storage.Kind, texts ...string) string {
	x.n++
	id := "a" + string(rune('A'+x.n))
	a := storage.Annotation{ID: id, DocumentID: x.doc, Kind: kind, AnnotatorID: coder, Attrs: map[string]string{}}
	if coder == "detector" {
		a.Origin, a.State = storage.OriginDetector, storage.StateSuggested
	}
	for _, t := range texts {
		a.Ranges = append(a.Ranges, x.at(t, 0))
	}
	a.Start, a.End = a.Ranges[0].Start, a.Ranges[len(a.Ranges)-1].End
	if len(a.Ranges) == 1 {
		a.Ranges = nil
	}
	a.Text = string([]rune(x.b.Documents[len(x.b.Documents)-1].Text)[a.Start:a.End])
	x.b.Annotations = append(x.b.Annotations, a)
	return id
}

func (x *builder) link(t storage.RelationType, src, dst string) {
	x.b.Relations = append(x.b.Relations, storage.Relation{ID: src + dst, Type: t, SourceID: src, TargetID: dst})
}

func (x *builder) speaker(id, mention string) {
	for i := range x.b.Annotations {
		if x.b.Annotations[i].ID == mention {
			x.b.Annotations[i].SpeakerID = id
		}
	}
}

func (x *builder) rule(id, rule string) {
	for i := range x.b.Annotations {
		if x.b.Annotations[i].ID == id {
			x.b.Annotations[i].Attrs[storage.AttrRule] = rule
		}
	}
}

const one = "Officials said the talks would resume next week in Geneva after a long pause."

func TestQuoteOverlapThreshold(t *testing.T) {
	// The gold quote has ten words; a prediction must cover three.
	gold := "the talks would resume next week in Geneva after a"
	for _, tc := range []struct {
		pred    string
		overlap float64
		matched int
	}{
		{"the talks would", 0.3, 1},
		{"the talks", 0.3, 0},
		{"the talks", 0.2, 1},
		{"Officials said the talks would resume next week in Geneva after a long pause", 0.3, 1}, // longer is fine
		{"said the", 0.3, 0},
	} {
		x := newBuilder().document(one)
		x.ann("g", storage.KindQuote, gold)
		x.ann("detector", storage.KindQuote, tc.pred)
		r, err := Compute(&x.b, Options{Gold: []string{"g"}, Overlap: tc.overlap})
		if err != nil {
			t.Fatal(err)
		}
		if r.Quotes.Matched != tc.matched {
			t.Errorf("pred %q at %.1f: %d matched, want %d", tc.pred, tc.overlap, r.Quotes.Matched, tc.matched)
		}
	}
}

func TestQuotesMatchOneToOne(t *testing.T) {
	text := "Ana said the plan works. Ben said the plan fails badly."
	x := newBuilder().document(text)
	x.ann("g", storage.KindQuote, "the plan works")
	x.ann("g", storage.KindQuote, "the plan fails badly")
	x.ann("detector", storage.KindQuote, "the plan works. Ben said the plan fails badly")
	r, err := Compute(&x.b, Options{Gold: []string{"g"}})
	if err != nil {
		t.Fatal(err)
	}
	q := r.Quotes
	if q.Matched != 1 || q.Gold != 2 || q.Predicted != 1 || q.Precision != 1 || q.Recall != 0.5 {
		t.Errorf("one long prediction over two gold quotes: %+v", q)
	}
	if float64(q.F1) < 0.666 || float64(q.F1) > 0.667 {
		t.Errorf("F1 = %v, want 2/3", q.F1)
	}
	// It matched the gold quote it covers most of: both fully, then the
	// one sharing more words.
	if r.Failures.Boundaries[0].Key != "gold inside predicted (too long)" {
		t.Errorf("boundaries %+v", r.Failures.Boundaries)
	}
}

func TestExactMatchIgnoresPunctuation(t *testing.T) {
	text := `“We will win,” Ana said. Then: “Soon.”`
	for _, tc := range []struct {
		gold, pred []string
		exact      int
	}{
		{[]string{"“We will win,”"}, []string{"We will win"}, 1},
		{[]string{"“We will win,” Ana"}, []string{"We will win"}, 0},
		{[]string{"“We will win,”", "“Soon.”"}, []string{"We will win", "Soon"}, 2},
	} {
		x := newBuilder().document(text)
		for _, g := range tc.gold {
			x.ann("g", storage.KindQuote, g)
		}
		for _, p := range tc.pred {
			x.ann("detector", storage.KindQuote, p)
		}
		r, err := Compute(&x.b, Options{Gold: []string{"g"}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Exact.Matched != tc.exact {
			t.Errorf("%q vs %q: %d exact, want %d", tc.gold, tc.pred, r.Exact.Matched, tc.exact)
		}
	}
}

func TestDiscontinuousQuotes(t *testing.T) {
	text := "“We will win,” Ana said, “and soon.”"
	x := newBuilder().document(text)
	x.ann("g", storage.KindQuote, "“We will win,”", "“and soon.”")
	x.ann("detector", storage.KindQuote, "“We will win,”", "“and soon.”")
	r, err := Compute(&x.b, Options{Gold: []string{"g"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact.Matched != 1 {
		t.Errorf("the same two parts: %d exact matches", r.Exact.Matched)
	}
	// "Ana said" lies between the parts: a continuous prediction over the
	// whole sentence holds words the gold quote lacks.
	y := newBuilder().document(text)
	y.ann("g", storage.KindQuote, "“We will win,”", "“and soon.”")
	y.ann("detector", storage.KindQuote, text)
	r, _ = Compute(&y.b, Options{Gold: []string{"g"}})
	if r.Quotes.Matched != 1 || r.Exact.Matched != 0 {
		t.Errorf("continuous over split: %d matched, %d exact", r.Quotes.Matched, r.Exact.Matched)
	}
}

func TestSpeakerAccuracy(t *testing.T) {
	text := "“Yes,” said Ana Park, the mayor. “No,” Ben Ortiz said. “Maybe,” Cy Li said. “Later,” Di said."
	x := newBuilder().document(text)
	quote := func(q, goldMention, predMention string) {
		g := x.ann("g", storage.KindQuote, q)
		p := x.ann("detector", storage.KindQuote, q)
		if goldMention != "" {
			m := x.ann("g", storage.KindSpeakerMention, goldMention)
			x.link(storage.RelSaidBy, g, m)
		}
		if predMention != "" {
			m := x.ann("detector", storage.KindSpeakerMention, predMention)
			x.rule(m, "name")
			x.link(storage.RelSaidBy, p, m)
		}
	}
	quote("“Yes,”", "Ana Park, the mayor", "Park") // overlapping mentions: right
	quote("“No,”", "Ben Ortiz", "Ana Park")        // wrong
	quote("“Maybe,”", "Cy Li", "")                 // no predicted speaker: wrong
	quote("“Later,”", "", "Di")                    // no gold speaker: not compared
	r, err := Compute(&x.b, Options{Gold: []string{"g"}})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Speakers
	if s.Compared != 3 || s.Correct != 1 || s.NoSpeaker != 1 {
		t.Errorf("speakers %+v, want 1 right of 3, 1 without", s)
	}
	// The same registry speaker counts even when the mentions are apart.
	y := newBuilder().document("Ana Park spoke first. “Yes,” she said.")
	g := y.ann("g", storage.KindQuote, "“Yes,”")
	gm := y.ann("g", storage.KindSpeakerMention, "Ana Park")
	y.link(storage.RelSaidBy, g, gm)
	y.speaker("ana", gm)
	p := y.ann("detector", storage.KindQuote, "“Yes,”")
	pm := y.ann("detector", storage.KindSpeakerMention, "she")
	y.link(storage.RelSaidBy, p, pm)
	y.speaker("ana", pm)
	r, _ = Compute(&y.b, Options{Gold: []string{"g"}})
	if r.Speakers.Correct != 1 {
		t.Errorf("same registry speaker through a pronoun: %+v", r.Speakers)
	}
}

func TestCuesByOverlap(t *testing.T) {
	x := newBuilder().document("Ana has said it, Ben told them, and according to Cy it is so.")
	x.ann("g", storage.KindCue, "has said")
	x.ann("g", storage.KindCue, "told")
	x.ann("g", storage.KindCue, "according to")
	x.ann("detector", storage.KindCue, "said")
	x.ann("detector", storage.KindCue, "according")
	x.ann("detector", storage.KindCue, "is")
	r, err := Compute(&x.b, Options{Gold: []string{"g"}})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Cues
	if c.Matched != 2 || c.Gold != 3 || c.Predicted != 3 {
		t.Errorf("cues %+v, want 2 matched of 3 and 3", c)
	}
	if len(r.Failures.MissedCues) != 1 || r.Failures.MissedCues[0].Key != "told" {
		t.Errorf("missed cues %+v", r.Failures.MissedCues)
	}
}

func TestDocumentsAndGoldPrecedence(t *testing.T) {
	x := newBuilder()
	x.document("Ana said yes today.")
	x.ann("g1", storage.KindQuote, "yes today")
	x.ann("g2", storage.KindQuote, "Ana said yes today")
	x.ann("detector", storage.KindQuote, "yes today")
	x.document("Ben said no.") // coded by g2 only
	x.ann("g2", storage.KindQuote, "no")
	x.document("Nobody coded this.")
	x.ann("detector", storage.KindQuote, "coded this")

	r, err := Compute(&x.b, Options{Gold: []string{"g1", "g2"}})
	if err != nil {
		t.Fatal(err)
	}
	// Document 0 against g1 (listed first), document 1 against g2, where
	// the detector found nothing; document 2 has no gold.
	if r.Documents != 2 || r.Empty != 1 || r.Quotes.Gold != 2 || r.Quotes.Predicted != 1 || r.Exact.Matched != 1 {
		t.Errorf("report %+v", r)
	}
	if len(r.Missed) != 1 || r.Missed[0] != "aE" {
		t.Errorf("missed %q, want the quote of document 1", r.Missed)
	}
	if r.Failures.MissedByCue[0].Key != "(no cue)" {
		t.Errorf("missed by cue %+v", r.Failures.MissedByCue)
	}
	// A coder as the prediction covers only the documents they coded.
	r, err = Compute(&x.b, Options{Gold: []string{"g2"}, Pred: "g1"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents != 1 || r.Quotes.Matched != 1 || r.Exact.Matched != 0 {
		t.Errorf("g1 against g2: %+v", r)
	}
	if _, err := Compute(&x.b, Options{Gold: []string{"nobody"}}); !errors.Is(err, ErrNothingToCompare) {
		t.Errorf("unknown gold coder: %v", err)
	}
}

func TestRejectedSuggestionsAreStillPredictions(t *testing.T) {
	// The detector's output is what it proposed, whatever coders decided
	// since; a coder's gold never holds undecided suggestions.
	x := newBuilder().document(one)
	x.ann("g", storage.KindQuote, "the talks would resume")
	p := x.ann("detector", storage.KindQuote, "the talks would resume")
	x.b.Annotations[len(x.b.Annotations)-1].State = storage.StateRejected
	x.rule(p, "frame after content")
	undecided := x.ann("g", storage.KindQuote, "after a long pause")
	for i := range x.b.Annotations {
		if x.b.Annotations[i].ID == undecided {
			x.b.Annotations[i].State = storage.StateSuggested
		}
	}
	r, err := Compute(&x.b, Options{Gold: []string{"g"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Quotes.Gold != 1 || r.Quotes.Matched != 1 {
		t.Errorf("%+v", r.Quotes)
	}
	if len(r.Rules) != 1 || r.Rules[0].Rule != "frame after content" || r.Rules[0].Matched != 1 {
		t.Errorf("rules %+v", r.Rules)
	}
}

func TestTokens(t *testing.T) {
	text := []rune("Zoë’s 👩🏽 plan: 3.5% “now”")
	m := newTokenMap(text)
	all := m.tokens([]storage.Range{{Start: 0, End: len(text)}})
	// Zoë, s, plan, 3, 5, now
	if len(all) != 6 {
		t.Errorf("%d tokens, want 6: %v", len(all), m)
	}
	if got := m.tokens([]storage.Range{{Start: 1, End: 2}}); len(got) != 1 || got[0] != 0 {
		t.Errorf("a span inside a word holds that word: %v", got)
	}
	// Parts out of text order (kept as a brat file lists them) hold the
	// same tokens.
	a := m.tokens([]storage.Range{{Start: 0, End: 5}, {Start: 15, End: len(text)}})
	b := m.tokens([]storage.Range{{Start: 15, End: len(text)}, {Start: 0, End: 5}})
	if !slices.Equal(a, b) || len(a) != 5 {
		t.Errorf("parts in two orders: %v and %v", a, b)
	}
}
