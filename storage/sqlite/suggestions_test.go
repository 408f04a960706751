package sqlite

import (
	"errors"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
)

const suggestText = "“We will win,” Ana Park said. Officials said talks would go on. “Soon,” she added."

// proposal builds a detector's suggestion of a quote with its cue and
// speaker mention, found by their texts in suggestText; prefix makes the
// local ids unique.
func proposal(t *testing.T, prefix, quote, cue, mention, speakerName string) storage.Suggestions {
	t.Helper()
	qs, qe := span(t, suggestText, quote)
	cs, ce := span(t, suggestText, cue)
	ms, me := span(t, suggestText, mention)
	m := storage.Annotation{ID: prefix + "m", Kind: storage.KindSpeakerMention, Start: ms, End: me, Attrs: map[string]string{storage.AttrRule: "name"}}
	if speakerName != "" {
		m.Attrs[storage.AttrProposedSpeaker] = speakerName
	}
	return storage.Suggestions{
		Annotations: []storage.Annotation{
			{ID: prefix + "q", Kind: storage.KindQuote, Start: qs, End: qe, Attrs: map[string]string{storage.AttrQuoteType: "direct", storage.AttrRule: "frame after content"}},
			{ID: prefix + "c", Kind: storage.KindCue, Start: cs, End: ce},
			m,
		},
		Relations: []storage.Relation{
			{Type: storage.RelSaidBy, SourceID: prefix + "q", TargetID: prefix + "m"},
			{Type: storage.RelCueOf, SourceID: prefix + "c", TargetID: prefix + "q"},
		},
	}
}

func join(ss ...storage.Suggestions) storage.Suggestions {
	var out storage.Suggestions
	for _, s := range ss {
		out.Annotations = append(out.Annotations, s.Annotations...)
		out.Relations = append(out.Relations, s.Relations...)
	}
	return out
}

// undoableProject is a new project with undo enabled.
func undoableProject(t *testing.T) *Project {
	t.Helper()
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	return p
}

func suggestDoc(t *testing.T, p *Project) (storage.Document, storage.Annotator) {
	t.Helper()
	return seedText(t, p, suggestText)
}

// threeQuotes proposes the three quotes of suggestText.
func threeQuotes(t *testing.T) storage.Suggestions {
	t.Helper()
	return join(
		proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park"),
		proposal(t, "b", "talks would go on.", "said talks", "Officials", ""),
		proposal(t, "c", "“Soon,”", "added", "she", ""),
	)
}

// byState lists the document's annotations of kind in state, by text.
func byState(t *testing.T, p *Project, doc string, kind storage.Kind, state string) []string {
	t.Helper()
	all, err := p.Annotations(bg, storage.Filter{DocumentID: doc, Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range all {
		if a.State == state {
			out = append(out, a.Text)
		}
	}
	return out
}

func quoteByText(t *testing.T, p *Project, doc, text string) storage.Annotation {
	t.Helper()
	all, err := p.Annotations(bg, storage.Filter{DocumentID: doc, Kind: storage.KindQuote})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if a.Text == text {
			return a
		}
	}
	t.Fatalf("no quote %q", text)
	return storage.Annotation{}
}

func TestReplaceSuggestions(t *testing.T) {
	p := newProject(t)
	d, coder := suggestDoc(t, p)
	first := proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park")
	rep, err := p.ReplaceSuggestions(bg, d.ID, first, storage.SuggestOptions{Coders: []string{coder.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if rep != (storage.SuggestReport{Added: 1}) {
		t.Errorf("first run: %+v", rep)
	}
	q := quoteByText(t, p, d.ID, "“We will win,”")
	if q.Origin != storage.OriginDetector || q.State != storage.StateSuggested || q.Attrs[storage.AttrRule] != "frame after content" {
		t.Errorf("stored suggestion %+v", q)
	}
	rels, _ := p.Relations(bg, d.ID)
	if len(rels) != 2 {
		t.Errorf("%d relations, want said_by and cue_of", len(rels))
	}

	// A coder's own quote on the second sentence: the detector must not
	// touch it nor propose an overlapping quote.
	hs, he := span(t, suggestText, "talks would go on")
	human, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: hs, End: he, AnnotatorID: coder.ID})
	if err != nil {
		t.Fatal(err)
	}
	second := join(
		proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park"),
		proposal(t, "b", "talks would go on.", "said talks", "Officials", ""),
	)
	rep, err = p.ReplaceSuggestions(bg, d.ID, second, storage.SuggestOptions{Coders: []string{coder.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if rep != (storage.SuggestReport{Added: 1, Replaced: 3, Covered: 1}) {
		t.Errorf("second run: %+v", rep)
	}
	if got, err := p.Annotation(bg, human.ID); err != nil || got.State != "" || got.Origin != storage.OriginHuman {
		t.Errorf("the coder's quote changed: %+v %v", got, err)
	}
	if got := byState(t, p, d.ID, storage.KindSpeakerMention, storage.StateSuggested); len(got) != 1 || got[0] != "Ana Park" {
		t.Errorf("pending mentions %q: the covered quote's mention should be dropped with it", got)
	}

	// Rejected spans are remembered; accepted ones are kept and not
	// proposed again (they now are a coder's annotations).
	q = quoteByText(t, p, d.ID, "“We will win,”")
	if err := p.RejectSuggestion(bg, q.ID); err != nil {
		t.Fatal(err)
	}
	rep, err = p.ReplaceSuggestions(bg, d.ID, first, storage.SuggestOptions{Coders: []string{coder.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if rep != (storage.SuggestReport{Rejected: 1}) {
		t.Errorf("after a rejection: %+v", rep)
	}
	if got := byState(t, p, d.ID, storage.KindQuote, storage.StateRejected); len(got) != 1 {
		t.Errorf("rejected quotes %q: the rejection must stay in the project", got)
	}
}

func TestReplaceSuggestionsReusesACodersMention(t *testing.T) {
	p := newProject(t)
	d, coder := suggestDoc(t, p)
	ms, me := span(t, suggestText, "Ana Park")
	mine, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindSpeakerMention, Start: ms, End: me, AnnotatorID: coder.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ReplaceSuggestions(bg, d.ID, proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park"), storage.SuggestOptions{Coders: []string{coder.ID}}); err != nil {
		t.Fatal(err)
	}
	if got := byState(t, p, d.ID, storage.KindSpeakerMention, storage.StateSuggested); len(got) != 0 {
		t.Errorf("a suggested mention duplicates the coder's: %q", got)
	}
	q := quoteByText(t, p, d.ID, "“We will win,”")
	rels, _ := p.Relations(bg, d.ID)
	var linked bool
	for _, r := range rels {
		linked = linked || r.Type == storage.RelSaidBy && r.SourceID == q.ID && r.TargetID == mine.ID
	}
	if !linked {
		t.Errorf("the suggestion is not linked to the coder's mention: %+v", rels)
	}
}

func TestAcceptSuggestion(t *testing.T) {
	p := undoableProject(t)
	d, coder := suggestDoc(t, p)
	if _, err := p.ReplaceSuggestions(bg, d.ID, proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park"), storage.SuggestOptions{Coders: []string{coder.ID}}); err != nil {
		t.Fatal(err)
	}
	q := quoteByText(t, p, d.ID, "“We will win,”")
	if err := p.AcceptSuggestion(bg, q.ID, coder.ID); err != nil {
		t.Fatal(err)
	}
	all, _ := p.Annotations(bg, storage.Filter{DocumentID: d.ID})
	if len(all) != 3 {
		t.Fatalf("%d annotations, want quote, cue, mention", len(all))
	}
	for _, a := range all {
		if a.State != storage.StateAccepted || a.Origin != storage.OriginDetector || a.AnnotatorID != coder.ID || a.Attrs[storage.AttrAccepted] == "" {
			t.Errorf("%s %q after accept: state %q origin %q coder %q attrs %v", a.Kind, a.Text, a.State, a.Origin, a.AnnotatorID, a.Attrs)
		}
		if a.Kind == storage.KindSpeakerMention {
			s, err := p.Speaker(bg, a.SpeakerID)
			if err != nil || s.Name != "Ana Park" {
				t.Errorf("the proposed speaker was not added and linked: %+v %v", s, err)
			}
			if _, ok := a.Attrs[storage.AttrProposedSpeaker]; ok {
				t.Error("the proposal attribute stayed after the speaker was added")
			}
		}
	}
	rels, _ := p.Relations(bg, d.ID)
	for _, r := range rels {
		if r.AnnotatorID != coder.ID {
			t.Errorf("%s link still belongs to %s", r.Type, r.AnnotatorID)
		}
	}
	if err := p.AcceptSuggestion(bg, q.ID, coder.ID); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("accepting twice: %v, want ErrInvalid", err)
	}
	// Undo restores the pending suggestion and removes the new speaker.
	if label, err := p.Undo(bg); err != nil || label != "Accept suggestion" {
		t.Fatalf("undo: %q %v", label, err)
	}
	if got := byState(t, p, d.ID, "", storage.StateSuggested); len(got) != 3 {
		t.Errorf("after undo %d pending, want 3", len(got))
	}
	if sp, _ := p.Speakers(bg); len(sp) != 0 {
		t.Errorf("after undo the registry holds %d speakers", len(sp))
	}
}

func TestAcceptSuggestionMatchesTheRegistry(t *testing.T) {
	p := newProject(t)
	d, coder := suggestDoc(t, p)
	park, err := p.AddSpeaker(bg, storage.Speaker{Name: "Ana Park"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ReplaceSuggestions(bg, d.ID, proposal(t, "a", "“We will win,”", "said", "Ana Park", "Park"), storage.SuggestOptions{Coders: []string{coder.ID}}); err != nil {
		t.Fatal(err)
	}
	if err := p.AcceptSuggestion(bg, quoteByText(t, p, d.ID, "“We will win,”").ID, coder.ID); err != nil {
		t.Fatal(err)
	}
	ms, _ := p.Annotations(bg, storage.Filter{DocumentID: d.ID, Kind: storage.KindSpeakerMention})
	if len(ms) != 1 || ms[0].SpeakerID != park.ID {
		t.Errorf("mention resolved to %+v, want the registry's Ana Park by surname", ms)
	}
	if sp, _ := p.Speakers(bg); len(sp) != 1 {
		t.Errorf("%d speakers: a duplicate was added", len(sp))
	}
}

func TestRejectSuggestionKeepsASharedMention(t *testing.T) {
	p := undoableProject(t)
	d, _ := suggestDoc(t, p)
	s := proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park")
	fs, fe := span(t, suggestText, "“Soon,”")
	s.Annotations = append(s.Annotations, storage.Annotation{ID: "float", Kind: storage.KindQuote, Start: fs, End: fe})
	s.Relations = append(s.Relations, storage.Relation{Type: storage.RelSaidBy, SourceID: "float", TargetID: "am"})
	if _, err := p.ReplaceSuggestions(bg, d.ID, s, storage.SuggestOptions{}); err != nil {
		t.Fatal(err)
	}
	q := quoteByText(t, p, d.ID, "“We will win,”")
	if err := p.RejectSuggestion(bg, q.ID); err != nil {
		t.Fatal(err)
	}
	if got := byState(t, p, d.ID, "", storage.StateRejected); len(got) != 2 {
		t.Errorf("rejected %q, want the quote and its cue", got)
	}
	if got := byState(t, p, d.ID, storage.KindSpeakerMention, storage.StateSuggested); len(got) != 1 {
		t.Errorf("the mention the other quote uses should stay pending: %q", got)
	}
	if _, err := p.Undo(bg); err != nil {
		t.Fatal(err)
	}
	if got := byState(t, p, d.ID, "", storage.StateSuggested); len(got) != 4 {
		t.Errorf("after undo %d pending, want 4", len(got))
	}
}

func TestAcceptSuggestionsAndCounts(t *testing.T) {
	p := undoableProject(t)
	d, coder := suggestDoc(t, p)
	s := threeQuotes(t)
	if _, err := p.ReplaceSuggestions(bg, d.ID, s, storage.SuggestOptions{}); err != nil {
		t.Fatal(err)
	}
	quotes, all, err := p.SuggestionStats(bg)
	if err != nil {
		t.Fatal(err)
	}
	if quotes != (storage.SuggestionCounts{Pending: 3}) || all.Pending != 9 {
		t.Errorf("before: quotes %+v, all %+v", quotes, all)
	}
	if err := p.RejectSuggestion(bg, quoteByText(t, p, d.ID, "“Soon,”").ID); err != nil {
		t.Fatal(err)
	}
	n, err := p.AcceptSuggestions(bg, d.ID, coder.ID)
	if err != nil || n != 2 {
		t.Fatalf("accept all: %d, %v; want 2", n, err)
	}
	time.Sleep(2 * time.Millisecond) // timestamps have millisecond precision
	edited := quoteByText(t, p, d.ID, "talks would go on.")
	edited.End--
	if _, err := p.UpdateAnnotation(bg, edited); err != nil {
		t.Fatal(err)
	}
	quotes, _, _ = p.SuggestionStats(bg)
	if want := (storage.SuggestionCounts{Accepted: 1, Corrected: 1, Rejected: 1}); quotes != want {
		t.Errorf("after: %+v, want %+v", quotes, want)
	}
	// Accept all is one step to undo (the edit first).
	p.Undo(bg)
	if label, err := p.Undo(bg); err != nil || label != "Accept all suggestions" {
		t.Fatalf("undo: %q %v", label, err)
	}
	if quotes, _, _ = p.SuggestionStats(bg); quotes != (storage.SuggestionCounts{Pending: 2, Rejected: 1}) {
		t.Errorf("after undo: %+v", quotes)
	}
}

func TestSnapshotLeavesSuggestionsOut(t *testing.T) {
	p := newProject(t)
	d, coder := suggestDoc(t, p)
	s := threeQuotes(t)
	if _, err := p.ReplaceSuggestions(bg, d.ID, s, storage.SuggestOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := p.AcceptSuggestion(bg, quoteByText(t, p, d.ID, "“We will win,”").ID, coder.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.RejectSuggestion(bg, quoteByText(t, p, d.ID, "“Soon,”").ID); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		include          bool
		annotations, rel int
	}{{false, 3, 2}, {true, 9, 6}} {
		b, err := p.Snapshot(bg, storage.SnapshotOptions{IncludeSuggestions: tc.include})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Annotations) != tc.annotations || len(b.Relations) != tc.rel {
			t.Errorf("include=%v: %d annotations, %d relations; want %d, %d", tc.include, len(b.Annotations), len(b.Relations), tc.annotations, tc.rel)
		}
	}
}

func TestReplaceSuggestionsOnlyKeepsClearOfTheCodersAndAccepted(t *testing.T) {
	p := newProject(t)
	d, coder := suggestDoc(t, p)
	gold, err := p.EnsureAnnotator(bg, "gold")
	if err != nil {
		t.Fatal(err)
	}
	hs, he := span(t, suggestText, "talks would go on")
	if _, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: hs, End: he, AnnotatorID: gold.ID}); err != nil {
		t.Fatal(err)
	}
	ms, me := span(t, suggestText, "Officials")
	goldMention, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindSpeakerMention, Start: ms, End: me, AnnotatorID: gold.ID})
	if err != nil {
		t.Fatal(err)
	}
	s := join(
		proposal(t, "a", "“We will win,”", "said", "Ana Park", "Ana Park"),
		proposal(t, "b", "talks would go on.", "said talks", "Officials", ""),
	)
	opts := storage.SuggestOptions{Coders: []string{coder.ID}}
	rep, err := p.ReplaceSuggestions(bg, d.ID, s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep != (storage.SuggestReport{Added: 2}) {
		t.Errorf("another coder's quote stopped a suggestion: %+v", rep)
	}
	rels, _ := p.Relations(bg, d.ID)
	for _, r := range rels {
		if r.TargetID == goldMention.ID {
			t.Error("a suggestion was linked to another coder's mention")
		}
	}
	if err := p.AcceptSuggestion(bg, quoteByText(t, p, d.ID, "“We will win,”").ID, coder.ID); err != nil {
		t.Fatal(err)
	}
	rep, err = p.ReplaceSuggestions(bg, d.ID, s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep != (storage.SuggestReport{Added: 1, Replaced: 3, Covered: 1}) {
		t.Errorf("an accepted suggestion was proposed again: %+v", rep)
	}
}
