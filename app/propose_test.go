package app

import (
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// at returns the code-point range of the part of text between [ and ] in
// marked, and text without the brackets.
func at(marked string) (text string, start, end int) {
	b, e := strings.Index(marked, "["), strings.Index(marked, "]")
	text = marked[:b] + marked[b+1:e] + marked[e+1:]
	start = len([]rune(marked[:b]))
	end = start + len([]rune(marked[b+1:e]))
	return text, start, end
}

func TestProposeSpeakers(t *testing.T) {
	speakers := []storage.SpeakerStats{
		{Speaker: storage.Speaker{ID: "ortiz", Name: "Ana Ortiz", Aliases: []string{"the mayor"}}},
		{Speaker: storage.Speaker{ID: "baker", Name: "Tom Baker"}},
		{Speaker: storage.Speaker{ID: "park", Name: "Lena Park"}},
		{Speaker: storage.Speaker{ID: "un", Name: "UN"}},
	}
	for _, tc := range []struct {
		name, marked string
		want         []string // speaker ids, nearest first
	}{
		{"named after the quote", "Intro.\n[“We waited,”] Ortiz told reporters.", []string{"ortiz"}},
		{"named before in the sentence", "Tom Baker said [the budget is wrong].", []string{"baker"}},
		{"previous sentence", "Ana Ortiz spoke first. Then Tom Baker stood up. [“No,”] he said.", []string{"baker"}},
		{"two sentences back is out", "Lena Park left. Ana Ortiz spoke. Baker stood up. [“No,”] he said.", []string{"baker"}},
		{"alias, any case", "The Mayor said [that it works].", []string{"ortiz"}},
		{"names inside the quote come last", "Ortiz said [“Baker is wrong”].", []string{"ortiz", "baker"}},
		{"abbreviation does not end the sentence", "U.S. envoy Lena Park said on Monday that [talks would go on].", []string{"park"}},
		{"word boundaries", "The UNESCO site, Parker said, [is safe].", nil},
		{"paragraph break stops the search", "Tom Baker spoke.\n[“Yes,”] she said.", nil},
		{"emoji before the quote", "🌊 Lena Park said [it is fine] 🌊.", []string{"park"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, s, e := at(tc.marked)
			var got []string
			for _, h := range proposeSpeakers([]rune(text), s, e, speakers, nil) {
				got = append(got, h.speakerID)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("proposed %v, want %v", got, tc.want)
			}
		})
	}
}

func TestProposeSpeakersPrefersMentions(t *testing.T) {
	text, s, e := at("Ana Ortiz said [it works].")
	speakers := []storage.SpeakerStats{{Speaker: storage.Speaker{ID: "ortiz", Name: "Ana Ortiz"}}}
	anns := []storage.Annotation{{ID: "m1", Kind: storage.KindSpeakerMention, Start: 0, End: 9, SpeakerID: "ortiz"}}
	got := proposeSpeakers([]rune(text), s, e, speakers, anns)
	if len(got) != 2 || got[0].mention != "m1" || got[1].speakerID != "ortiz" || got[1].mention != "" {
		t.Fatalf("got %+v, want the mention first, then the registry speaker", got)
	}
}

func TestGuessQuoteType(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"“We have waited long enough,”", "direct"},
		{`"Fuel costs have doubled."`, "direct"},
		{"«Nous attendons»", "direct"},
		{"„Wir warten“", "mixed"}, // German closing mark is “, read as an opening one
		{"that the plan was “a mistake”", "mixed"},
		{"that Ukraine’s leadership must take part", "indirect"},
		{"   ", "indirect"},
	} {
		if got := guessQuoteType(tc.text); got != tc.want {
			t.Errorf("guessQuoteType(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestMatchSpeaker(t *testing.T) {
	speakers := []storage.SpeakerStats{
		{Speaker: storage.Speaker{ID: "z", Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelensky"}}},
		{Speaker: storage.Speaker{ID: "p", Name: "Dmitry Peskov"}},
		{Speaker: storage.Speaker{ID: "d1", Name: "Ana Park"}},
		{Speaker: storage.Speaker{ID: "d2", Name: "Lena Park"}},
	}
	for _, tc := range []struct{ text, want string }{
		{"Zelenskyy", "z"}, {" zelenskyy ", "z"}, {"Zelenskyy’s", "z"}, {"Volodymyr Zelenskyy", "z"}, {"Zelensky", "z"},
		{"Peskov", "p"}, {"Park", ""}, {"Dmitry", ""},
	} {
		if got := matchSpeaker(speakers, tc.text); got != tc.want {
			t.Errorf("matchSpeaker(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTrimSpan(t *testing.T) {
	text := []rune(" \n a b \t")
	if s, e := trimSpan(text, 0, len(text)); s != 3 || e != 6 {
		t.Errorf("trimSpan = [%d,%d), want [3,6)", s, e)
	}
	if s, e := trimSpan(text, 0, 2); s != e {
		t.Errorf("all-space span trimmed to [%d,%d), want empty", s, e)
	}
}

func TestNearbyQuote(t *testing.T) {
	text, ms, me := at("“It works,” [Ortiz] said. “And more,” she added.\n“Next”")
	anns := []storage.Annotation{
		{ID: "q1", Kind: storage.KindQuote, Start: 0, End: 11},
		{ID: "q2", Kind: storage.KindQuote, Start: 25, End: 36},
		{ID: "q3", Kind: storage.KindQuote, Start: 48, End: 54},
	}
	m := storage.Annotation{ID: "m", Kind: storage.KindSpeakerMention, Start: ms, End: me}
	none := func(string) bool { return false }
	if got := nearbyQuote([]rune(text), m, anns, none); got != "q1" {
		t.Errorf("nearest quote %q, want q1", got)
	}
	linked := func(id string) bool { return id == "q1" }
	if got := nearbyQuote([]rune(text), m, anns, linked); got != "q2" {
		t.Errorf("with q1 linked: %q, want q2", got)
	}
	all := func(id string) bool { return id != "q3" }
	if got := nearbyQuote([]rune(text), m, anns, all); got != "" {
		t.Errorf("a quote past a paragraph break was offered: %q", got)
	}
}
