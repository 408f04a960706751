package detect

import (
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// want is an expected quote: its parts' texts, type, cue, speaker mention
// and the speaker it resolves to, and the rule.
type want struct {
	parts   []string
	typ     string
	cue     string
	mention string
	speaker string
	rule    string
}

// find returns the quote of r whose first part's text is first.
func find(r Result, text string, first string) (Quote, bool) {
	for _, q := range r.Quotes {
		if partText(text, q.Ranges[0]) == first {
			return q, true
		}
	}
	return Quote{}, false
}

func partText(text string, r storage.Range) string { return string([]rune(text)[r.Start:r.End]) }

func checkQuote(t *testing.T, text string, r Result, w want) {
	t.Helper()
	q, ok := find(r, text, w.parts[0])
	if !ok {
		var got []string
		for _, q := range r.Quotes {
			got = append(got, q.Rule+": "+q.Text)
		}
		t.Errorf("%q: no quote %q; got %q", text, w.parts[0], got)
		return
	}
	var parts []string
	for _, p := range q.Ranges {
		parts = append(parts, partText(text, p))
	}
	if strings.Join(parts, "|") != strings.Join(w.parts, "|") {
		t.Errorf("%q: parts %q, want %q", text, parts, w.parts)
	}
	if w.typ != "" && q.Type != w.typ {
		t.Errorf("%q: type %s, want %s", text, q.Type, w.typ)
	}
	if w.rule != "" && q.Rule != w.rule {
		t.Errorf("%q: rule %q, want %q", text, q.Rule, w.rule)
	}
	cue := ""
	if q.Cue >= 0 {
		cue = r.Cues[q.Cue].Text
	}
	if cue != w.cue {
		t.Errorf("%q: cue %q, want %q", text, cue, w.cue)
	}
	mention, speaker := "", ""
	if q.Mention >= 0 {
		mention, speaker = r.Mentions[q.Mention].Text, r.Mentions[q.Mention].Speaker
	}
	if mention != w.mention || speaker != w.speaker {
		t.Errorf("%q: mention %q (%q), want %q (%q)", text, mention, speaker, w.mention, w.speaker)
	}
}

func TestFrames(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want want
	}{
		{"before, that", "Mayor Ana Ortiz said that the bridge would reopen in May.",
			want{[]string{"that the bridge would reopen in May"}, "indirect", "said", "Mayor Ana Ortiz", "Ana Ortiz", RuleBefore}},
		{"before, bare clause", "The minister said the talks had failed.",
			want{[]string{"the talks had failed"}, "indirect", "said", "The minister", "", RuleBefore}},
		{"before, object and adverbials", "Ortiz told reporters on Monday that the budget was final.",
			want{[]string{"that the budget was final"}, "indirect", "told", "Ortiz", "Ortiz", RuleBefore}},
		{"before, auxiliaries", "Ortiz has also repeatedly argued that taxes must rise.",
			want{[]string{"that taxes must rise"}, "indirect", "argued", "Ortiz", "Ortiz", RuleBefore}},
		{"before, colon and quotation", "The mayor said: “We will rebuild.”",
			want{[]string{"“We will rebuild.”"}, "direct", "said", "The mayor", "", RuleBefore}},
		{"after, indirect", "The bridge will reopen in May, Ortiz said.",
			want{[]string{"The bridge will reopen in May"}, "indirect", "said", "Ortiz", "Ortiz", RuleAfter}},
		{"after, direct", "“We will rebuild,” Ortiz said on Monday.",
			want{[]string{"“We will rebuild,”"}, "direct", "said", "Ortiz", "Ortiz", RuleAfter}},
		{"after, inverted", "“We will rebuild,” said Ana Ortiz, the mayor of Lyon.",
			want{[]string{"“We will rebuild,”"}, "direct", "said", "Ana Ortiz", "Ana Ortiz", RuleInverted}},
		{"inside: one quote around its frame", "“We will rebuild,” Ortiz said, “and we will do it fast.”",
			want{[]string{"“We will rebuild,”", "“and we will do it fast.”"}, "direct", "said", "Ortiz", "Ortiz", RuleInside}},
		{"inside, indirect", "The economy, Ortiz said, is weaker than it looks.",
			want{[]string{"The economy", "is weaker than it looks"}, "indirect", "said", "Ortiz", "Ortiz", RuleInside}},
		{"split quote joined", "“We will rebuild,” Ortiz said. “It will take a year.”",
			want{[]string{"“We will rebuild,”", "“It will take a year.”"}, "direct", "said", "Ortiz", "Ortiz", RuleAfter + ", split quote joined"}},
		{"according to, before", "According to the ministry, exports fell by a third.",
			want{[]string{"exports fell by a third"}, "indirect", "According to", "the ministry", "", RuleAccording}},
		{"according to, after", "Exports fell by a third, according to the ministry.",
			want{[]string{"Exports fell by a third"}, "indirect", "according to", "the ministry", "", RuleAccording}},
		{"colon", "Ortiz: “We will rebuild.”",
			want{[]string{"“We will rebuild.”"}, "direct", "", "Ortiz", "Ortiz", RuleColon}},
		{"participle", "Ortiz spoke for an hour, saying that the city would recover.",
			want{[]string{"that the city would recover"}, "indirect", "saying", "Ortiz", "Ortiz", RuleParticiple}},
		{"participle after a noun", "The ministry issued a statement saying that exports fell.",
			want{[]string{"that exports fell"}, "indirect", "saying", "The ministry", "", RuleParticiple}},
		{"progressive", "Ortiz is now arguing that taxes must rise.",
			want{[]string{"that taxes must rise"}, "indirect", "arguing", "Ortiz", "Ortiz", RuleBefore}},
		{"belief", "Ortiz believes that the vote was rigged.",
			want{[]string{"that the vote was rigged"}, "indirect", "believes", "Ortiz", "Ortiz", RuleBefore}},
		{"intention", "Ortiz wants to run for governor next year.",
			want{[]string{"to run for governor next year"}, "indirect", "wants", "Ortiz", "Ortiz", RuleBefore}},
		{"evidence", "A new poll shows that voters are split.",
			want{[]string{"that voters are split"}, "indirect", "shows", "A new poll", "", RuleBefore}},
		{"evaluation", "Senator Lee criticized the plan as reckless and expensive.",
			want{[]string{"the plan as reckless and expensive"}, "indirect", "criticized", "Senator Lee", "Lee", RuleObject}},
		{"mixed: a quoted fragment", "Hegseth dismissed the bid as “unrealistic.”",
			want{[]string{"the bid as “unrealistic.”"}, "mixed", "dismissed", "Hegseth", "Hegseth", RuleObject}},
		{"role noun with a prepositional phrase", "A spokeswoman for the ministry said the figures were wrong.",
			want{[]string{"the figures were wrong"}, "indirect", "said", "A spokeswoman for the ministry", "", RuleBefore}},
		{"organisation", "The White House said the visit was postponed.",
			want{[]string{"the visit was postponed"}, "indirect", "said", "The White House", "White House", RuleBefore}},
		{"appositive", "Peskov, the Kremlin spokesman, said the call was useful.",
			want{[]string{"the call was useful"}, "indirect", "said", "Peskov, the Kremlin spokesman", "Peskov", RuleBefore}},
		{"role with a name in apposition", "The treasurer, Yosef Adler (יוסף אדלר), said the town can borrow.",
			want{[]string{"the town can borrow"}, "indirect", "said", "The treasurer, Yosef Adler (יוסף אדלר)", "Yosef Adler", RuleBefore}},
		{"relative clause", "They met the administration, which insisted that talks were pointless.",
			want{[]string{"that talks were pointless"}, "indirect", "insisted", "the administration", "", RuleBefore}},
		{"title with a dot", "Sen. Ted Cruz said the deal was dead.",
			want{[]string{"the deal was dead"}, "indirect", "said", "Sen. Ted Cruz", "Ted Cruz", RuleBefore}},
		{"parenthesis before the cue", "Sen. Tim Kaine (D-Va.) said the deal was dead.",
			want{[]string{"the deal was dead"}, "indirect", "said", "Sen. Tim Kaine", "Tim Kaine", RuleBefore}},
		{"NYT quotation marks", "''We will rebuild,'' Mr. Ortiz said.",
			want{[]string{"''We will rebuild,''"}, "direct", "said", "Mr. Ortiz", "Ortiz", RuleAfter}},
		{"guillemets", "«Nous reconstruirons», Ortiz said.",
			want{[]string{"«Nous reconstruirons»"}, "direct", "said", "Ortiz", "Ortiz", RuleAfter}},
		{"single marks, British style", "‘We will rebuild,’ Ortiz said.",
			want{[]string{"‘We will rebuild,’"}, "direct", "said", "Ortiz", "Ortiz", RuleAfter}},
		{"straight marks", `"We will rebuild," Ortiz said.`,
			want{[]string{`"We will rebuild,"`}, "direct", "said", "Ortiz", "Ortiz", RuleAfter}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkQuote(t, tc.text, Detect(tc.text, nil), tc.want)
		})
	}
}

func TestSeveralAttributionsInASentence(t *testing.T) {
	text := "Ortiz said the plan was sound and added that work would begin soon."
	r := Detect(text, nil)
	if len(r.Quotes) != 2 {
		t.Fatalf("%d quotes, want 2: %+v", len(r.Quotes), r.Quotes)
	}
	checkQuote(t, text, r, want{[]string{"the plan was sound"}, "indirect", "said", "Ortiz", "Ortiz", RuleBefore})
	checkQuote(t, text, r, want{[]string{"that work would begin soon"}, "indirect", "added", "Ortiz", "Ortiz", RuleCoordinated})

	text = "Ortiz said taxes would rise, but Lee argued that they would fall."
	r = Detect(text, nil)
	// A bare clause opening with a common noun reads as the verb's object.
	checkQuote(t, text, r, want{[]string{"taxes would rise"}, "indirect", "said", "Ortiz", "Ortiz", RuleObject})
	checkQuote(t, text, r, want{[]string{"that they would fall"}, "indirect", "argued", "Lee", "Lee", RuleBefore})

	// A frame after "that" is nested: the outer content stays whole.
	text = "Ortiz said that Lee believes that the vote was rigged."
	r = Detect(text, nil)
	checkQuote(t, text, r, want{[]string{"that Lee believes that the vote was rigged"}, "indirect", "said", "Ortiz", "Ortiz", RuleBefore})
	checkQuote(t, text, r, want{[]string{"that the vote was rigged"}, "indirect", "believes", "Lee", "Lee", RuleBefore})
}

func TestSpeakersAcrossTheText(t *testing.T) {
	text := "Ana Ortiz spoke first. “We will win,” she said.\n" +
		"Mr. Lee answered later. “We will not,” he said. Ortiz replied that time would tell.\n" +
		"“Nobody will stop us.”"
	r := Detect(text, nil)
	checkQuote(t, text, r, want{[]string{"“We will win,”"}, "direct", "said", "she", "", RuleAfter})
	checkQuote(t, text, r, want{[]string{"that time would tell"}, "indirect", "replied", "Ortiz", "Ortiz", RuleBefore})
	// A floating quote takes the speaker of the attribution before it.
	checkQuote(t, text, r, want{[]string{"“Nobody will stop us.”"}, "direct", "", "Ortiz", "Ortiz", RuleFloating})

	// Pronouns resolve to the last compatible named speaker: "she"
	// skips a man.
	text = "Ana Ortiz said that the bridge would reopen. Mr. Ben Lee said that it would not. “It will,” she said. “Never,” he said."
	r = Detect(text, nil)
	checkQuote(t, text, r, want{[]string{"“It will,”"}, "direct", "said", "she", "Ana Ortiz", RuleAfter})
	checkQuote(t, text, r, want{[]string{"“Never,”"}, "direct", "said", "he", "Ben Lee", RuleAfter})
	// A surname refers back to the full name.
	text = "Ana Ortiz said that the bridge would reopen. Ortiz added that it would be soon."
	r = Detect(text, nil)
	checkQuote(t, text, r, want{[]string{"that it would be soon"}, "indirect", "added", "Ortiz", "Ana Ortiz", RuleBefore})
	if len(r.NewSpeakers) != 1 || r.NewSpeakers[0] != "Ana Ortiz" {
		t.Errorf("new speakers %q, want Ana Ortiz once", r.NewSpeakers)
	}
}

func TestRegistry(t *testing.T) {
	reg := NewRegistry([]storage.Speaker{{ID: "s1", Name: "Ana Ortiz", Aliases: []string{"Mayor Ortiz"}}, {ID: "s2", Name: "Ben Lee"}})
	text := "Ortiz said that the bridge would reopen. Mayor Ortiz added that it would be soon. Lee said it would not."
	r := Detect(text, reg)
	if len(r.Mentions) != 3 {
		t.Fatalf("%d mentions: %+v", len(r.Mentions), r.Mentions)
	}
	for i, id := range []string{"s1", "s1", "s2"} {
		if m := r.Mentions[i]; m.SpeakerID != id || m.New {
			t.Errorf("mention %q resolves to %q (new %v), want %s", m.Text, m.SpeakerID, m.New, id)
		}
	}
	if len(r.NewSpeakers) != 0 {
		t.Errorf("registry speakers proposed as new: %q", r.NewSpeakers)
	}
}

func TestNoFalseFrames(t *testing.T) {
	for _, text := range []string{
		"The proposed agreement would see more aid.",      // a participle as an adjective
		"The United States and Canada signed the treaty.", // "States" is a name
		"Budget Talks Collapse As Unions Walk Out",        // a headline's capitals are not names
		"The report was published on Monday.",             // no cue
	} {
		for _, q := range Detect(text, nil).Quotes {
			t.Errorf("%q: unexpected %s quote %q", text, q.Rule, q.Text)
		}
	}
	// A cue inside a quotation is the speaker's word, not a frame.
	text := "“I said we would win, and we did,” Ortiz wrote."
	r := Detect(text, nil)
	if len(r.Quotes) != 1 || r.Cues[r.Quotes[0].Cue].Text != "wrote" {
		t.Errorf("%q: %+v", text, r.Quotes)
	}
}

func TestHeadlineNames(t *testing.T) {
	// In a headline only words capitalised in the article count as names.
	text := "Ortiz Says Bridge Will Reopen Soon\nAna Ortiz said on Monday that the bridge would reopen."
	r := Detect(text, nil)
	checkQuote(t, text, r, want{[]string{"Bridge Will Reopen Soon"}, "indirect", "Says", "Ortiz", "Ana Ortiz", RuleObject})
}

func TestMultiParagraphQuote(t *testing.T) {
	text := "Ortiz said: “We will rebuild the bridge.\n“It will take a year. Nobody will stop us.”\nThe council met later."
	r := Detect(text, nil)
	checkQuote(t, text, r, want{[]string{"“We will rebuild the bridge.", "“It will take a year. Nobody will stop us.”"}, "direct", "said", "Ortiz", "Ortiz", RuleBefore})
	if len(r.Quotes) != 1 {
		t.Errorf("%d quotes, want the one over two paragraphs", len(r.Quotes))
	}
}

func TestSuggestions(t *testing.T) {
	text := "“We will rebuild,” Ortiz said, “and fast.”"
	s := Detect(text, nil).Suggestions()
	kinds := map[storage.Kind]int{}
	for _, a := range s.Annotations {
		kinds[a.Kind]++
		switch a.Kind {
		case storage.KindQuote:
			if len(a.Ranges) != 2 || a.Attrs[storage.AttrRule] != RuleInside || a.Attrs[storage.AttrQuoteType] != "direct" {
				t.Errorf("quote %+v", a)
			}
		case storage.KindSpeakerMention:
			if a.Attrs[storage.AttrProposedSpeaker] != "Ortiz" {
				t.Errorf("mention %+v", a)
			}
		}
	}
	if kinds[storage.KindQuote] != 1 || kinds[storage.KindCue] != 1 || kinds[storage.KindSpeakerMention] != 1 || len(s.Relations) != 2 {
		t.Errorf("%v and %d relations", kinds, len(s.Relations))
	}
}
