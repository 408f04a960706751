package detect

import (
	"strings"
	"testing"
)

// quotesOf returns the texts of the quotations findQuotes sees.
func quotesOf(text string) []string {
	d := read(text)
	var out []string
	for _, q := range d.quotes {
		var parts []string
		for _, p := range q.parts {
			parts = append(parts, string(d.text[p.Start:p.End]))
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

func TestQuotationMarks(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"curly", "He said “yes” and “no”.", []string{"“yes”", "“no”"}},
		{"straight", `He said "yes" and "no".`, []string{`"yes"`, `"no"`}},
		{"straight at the start", `"Yes," he said.`, []string{`"Yes,"`}},
		{"NYT two apostrophes", "''Yes,'' he said.", []string{"''Yes,''"}},
		{"backticks", "``Yes,'' he said.", []string{"``Yes,''"}},
		{"guillemets", "Il a dit «oui».", []string{"«oui»"}},
		{"reversed guillemets", "Er sagte »ja«.", []string{"»ja«"}},
		{"German low-high", "Er sagte „ja“.", []string{"„ja“"}},
		{"single, British", "He said ‘yes’ firmly.", []string{"‘yes’"}},
		{"single inside double", "“He said ‘yes’ to me,” she said.", []string{"“He said ‘yes’ to me,”"}},
		{"apostrophes are not marks", "Voters’ choice isn’t Ana’s.", nil},
		{"a decade", "In the ’90s it grew.", nil},
		{"multi-paragraph", "“First part.\n“Second part.”", []string{"“First part.|“Second part.”"}},
		{"unclosed at a paragraph end", "“Never closed.\nNext paragraph.", []string{"“Never closed."}},
		{"CJK corner brackets", "他说「好」。", []string{"「好」"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := quotesOf(tc.text)
			if strings.Join(got, "§") != strings.Join(tc.want, "§") {
				t.Errorf("%q: quotations %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// sentencesOf returns the texts of the sentences.
func sentencesOf(text string) []string {
	d := read(text)
	var out []string
	for _, s := range d.sents {
		out = append(out, string(d.text[d.toks[s.from].start:d.toks[s.to-1].end]))
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"plain", "It rained. We stayed.", []string{"It rained.", "We stayed."}},
		{"titles", "Sen. Cruz and Gov. Abbott met Mr. Lee. They agreed.", []string{"Sen. Cruz and Gov. Abbott met Mr. Lee.", "They agreed."}},
		{"U.S. and initials", "The U.S. envoy met Donald J. Trump. Then he left.", []string{"The U.S. envoy met Donald J. Trump.", "Then he left."}},
		{"quotation with full stops", "“We won. We always do,” she said. Then she left.", []string{"“We won. We always do,” she said.", "Then she left."}},
		{"question inside a quotation", "“Why?” she asked. Nobody knew.", []string{"“Why?” she asked.", "Nobody knew."}},
		{"quotation ends the sentence", "He said: “We won.” Then he left.", []string{"He said: “We won.”", "Then he left."}},
		{"paragraphs", "A headline\nThe first sentence", []string{"A headline", "The first sentence"}},
		{"numbers", "It fell 3.5 percent. Prices rose.", []string{"It fell 3.5 percent.", "Prices rose."}},
		{"lower case after a stop", "It cost $5 vs. $6 a year ago.", []string{"It cost $5 vs. $6 a year ago."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sentencesOf(tc.text)
			if strings.Join(got, "§") != strings.Join(tc.want, "§") {
				t.Errorf("%q: sentences %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestInflections(t *testing.T) {
	for form, lemma := range map[string]string{
		"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell",
		"argued": "argue", "argues": "argue", "arguing": "argue", "admitted": "admit", "admitting": "admit",
		"wrote": "write", "written": "write", "writing": "write", "denies": "deny", "denied": "deny",
		"worried": "worry", "planned": "plan", "plans": "plan", "stressed": "stress", "stresses": "stress",
		"thought": "think", "believes": "believe", "showed": "show", "shown": "show", "criticised": "criticise",
	} {
		infos := cues[form]
		if len(infos) == 0 || infos[0].lemma != lemma {
			t.Errorf("%q: %+v, want a form of %q", form, infos, lemma)
		}
	}
	for _, w := range []string{"sad", "saids", "tolded", "the"} {
		if cues[w] != nil {
			t.Errorf("%q is not a cue", w)
		}
	}
}

func TestTokens(t *testing.T) {
	d := read("Clinton’s U.S. so-called 3,000 voters’ “plan”")
	var words []string
	for _, tk := range d.toks {
		words = append(words, tk.text)
	}
	if got := strings.Join(words, " "); got != "Clinton’s U.S. so-called 3,000 voters ’ “ plan ”" {
		t.Errorf("tokens %q", got)
	}
	if !d.toks[0].poss || d.toks[0].base != "clinton" {
		t.Errorf("possessive %+v", d.toks[0])
	}
	// Offsets are code points, also after astral characters.
	d = read("👩🏽‍💼 Ana said “yes”.")
	for _, tk := range d.toks {
		if string(d.text[tk.start:tk.end]) != tk.text {
			t.Errorf("token %q at [%d,%d) reads %q", tk.text, tk.start, tk.end, string(d.text[tk.start:tk.end]))
		}
	}
}
