package detect

import (
	"reflect"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDetect feeds the detector arbitrary text: it must not panic, and
// every proposal must lie inside the text, in order, and point at valid
// cues and mentions. Two runs give the same result.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"", "“", "”", "''", "``", "\n\n", "said", ", said", "said,", "according to", "according to ,", ":", "Ortiz:",
		"“We will rebuild,” Ortiz said, “and fast.”", "Ortiz said that", "Ortiz, the mayor,", "(said)", "Sen. said.",
		"“Open.\n“Reopen.\n“Again", "He said: “", "‘a’ ‘b", "«»", "»«", "U.S. said", "A. B. C. said D.",
		"According to X, Y. Z, according to W.", "“Q!” she said. “Q2.” “Q3.”", "Ana, who said that, said it.",
		"👩🏽‍💼 said “yes” ’90s", "The treasurer, Yosef Adler (יוסף אדלר), said the town can borrow.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		n := utf8.RuneCountInString(text)
		done := make(chan Result, 1)
		go func() { done <- Detect(text, nil) }()
		var r Result
		select {
		case r = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%q: no result after 5 s", text)
		}
		inside := func(what string, start, end int) {
			if start < 0 || end > n || start >= end {
				t.Fatalf("%q: %s [%d,%d) outside the text of %d code points", text, what, start, end, n)
			}
		}
		for _, q := range r.Quotes {
			prev := -1
			for _, p := range q.Ranges {
				inside("quote part", p.Start, p.End)
				if p.Start < prev {
					t.Fatalf("%q: parts out of order %+v", text, q.Ranges)
				}
				prev = p.End
			}
			if q.Cue >= len(r.Cues) || q.Mention >= len(r.Mentions) {
				t.Fatalf("%q: quote points past the cues or mentions: %+v", text, q)
			}
		}
		for _, c := range r.Cues {
			inside("cue", c.Start, c.End)
		}
		for _, m := range r.Mentions {
			inside("mention", m.Start, m.End)
		}
		if again := Detect(text, nil); !reflect.DeepEqual(r, again) {
			t.Fatalf("%q: two runs differ", text)
		}
	})
}
