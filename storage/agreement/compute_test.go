package agreement

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

const (
	quote   = storage.KindQuote
	mention = storage.KindSpeakerMention
	cue     = storage.KindCue
)

// pairLine renders a pair's figures for comparison with a hand-made line.
func pairLine(r *Report, p Pair) string {
	return fmt.Sprintf("%s-%s docs %d exact %s %s overlap %s %s", r.Name(p.A), r.Name(p.B), p.Documents,
		p.Exact.counts(), p.Exact.F1, p.Overlap.counts(), p.Overlap.F1)
}

func TestCompute(t *testing.T) {
	for _, tc := range []struct {
		name    string
		build   func(x *builder)
		alpha   map[storage.Kind]float64 // NaN: undefined
		overall float64
		pairs   map[storage.Kind][]string // "" kind: over all kinds
	}{{
		// 10 code points, astral emoji and CJK. A marks 0–5, B 0–4:
		// o_11 = 8, o_10 = o_01 = 1, o_00 = 10; n_1 = 9, n_0 = 11;
		// alpha = 1 − 19·2/(2·9·11) = 0.8081.
		name: "two coders, one boundary differs",
		build: func(x *builder) {
			a, b := x.coder("A"), x.coder("B")
			d := x.doc("“Yes” 🌊 中文")
			x.span(d, a, quote, 0, 5)
			x.span(d, b, quote, 0, 4)
		},
		alpha:   map[storage.Kind]float64{quote: 0.8081, mention: math.NaN()},
		overall: 0.8081,
		pairs:   map[storage.Kind][]string{quote: {"A-B docs 1 exact 0/1/1 0.000 overlap 1/0/0 1.000"}},
	}, {
		// Document 1 (4 code points, coded by A, B, C): quotes A 0–2,
		// B 0–2, C 0–1. Document 2 (g + combining tilde, coded by A and B
		// only): A quote 0–1, B a cue 1–2. Quote units: (m,k) = (3,3),
		// (3,2), (3,0)×2, (2,1), (2,0): o_11 = 4, o_00 = 8, o_01 = 2,
		// n_1 = 6, n_0 = 10, alpha = 1 − 15·4/(2·6·10) = 0.5. Cue units:
		// o_00 = 14, o_01 = 1, n_1 = 1, n_0 = 15, alpha = 1 − 15·2/30 = 0.
		// Over all kinds each code point's value is the set of kinds
		// covering it: Q (quote), C (cue) or N (none). o_QQ = 4,
		// o_NN = 6, o_QN = o_NQ = 2, o_NC = o_CN = 1; n_Q = 6, n_N = 9,
		// n_C = 1, n = 16; alpha = 1 − 15·6/(256 − 36 − 81 − 1) = 0.3478.
		name: "three coders, one missing on a document",
		build: func(x *builder) {
			a, b, c := x.coder("A"), x.coder("B"), x.coder("C")
			d1, d2 := x.doc("中文🌊!"), x.doc("g̃")
			x.span(d1, a, quote, 0, 2)
			x.span(d1, b, quote, 0, 2)
			x.span(d1, c, quote, 0, 1)
			x.span(d2, a, quote, 0, 1)
			x.span(d2, b, cue, 1, 2)
		},
		alpha:   map[storage.Kind]float64{quote: 0.5, cue: 0, mention: math.NaN()},
		overall: 0.3478,
		pairs: map[storage.Kind][]string{
			quote: {
				"A-B docs 2 exact 1/1/0 0.667 overlap 1/1/0 0.667",
				"A-C docs 1 exact 0/1/1 0.000 overlap 1/0/0 1.000",
				"B-C docs 1 exact 0/1/1 0.000 overlap 1/0/0 1.000",
			},
			cue: {
				"A-B docs 2 exact 0/0/1 0.000 overlap 0/0/1 0.000",
				"A-C docs 1 exact 0/0/0 n/a overlap 0/0/0 n/a",
				"B-C docs 1 exact 0/0/0 n/a overlap 0/0/0 n/a",
			},
			"": {
				"A-B docs 2 exact 1/1/1 0.500 overlap 1/1/1 0.500",
				"A-C docs 1 exact 0/1/1 0.000 overlap 1/0/0 1.000",
				"B-C docs 1 exact 0/1/1 0.000 overlap 1/0/0 1.000",
			},
		},
	}, {
		name: "perfect agreement",
		build: func(x *builder) {
			a, b := x.coder("A"), x.coder("B")
			d := x.doc("Zoë said: “שלום 👋 world.”")
			for _, c := range []string{a, b} {
				x.span(d, c, mention, 0, 3)
				x.span(d, c, quote, 10, 25)
			}
		},
		alpha:   map[storage.Kind]float64{quote: 1, mention: 1},
		overall: 1,
		pairs:   map[storage.Kind][]string{"": {"A-B docs 1 exact 2/0/0 1.000 overlap 2/0/0 1.000"}},
	}, {
		// A's long quote overlaps both of B's; it goes to the one it
		// shares more code points with (6 against 3), one to one.
		name: "overlap matching is one to one",
		build: func(x *builder) {
			a, b := x.coder("A"), x.coder("B")
			d := x.doc("abcdefghij")
			x.span(d, a, quote, 0, 10)
			x.span(d, b, quote, 0, 3)
			x.span(d, b, quote, 4, 10)
		},
		pairs: map[storage.Kind][]string{quote: {"A-B docs 1 exact 0/1/2 0.000 overlap 1/0/1 0.667"}},
	}, {
		// A's discontinuous quote covers 0–2 and 6–8 only, B's 2–6: no
		// code point is shared. Every unit disagrees: n_0 = n_1 = 8,
		// o_01 = 8, alpha = 1 − 15·16/(2·8·8) = −0.875.
		name: "discontinuous spans cover their parts only",
		build: func(x *builder) {
			a, b := x.coder("A"), x.coder("B")
			d := x.doc("ab“cd”ef")
			x.span(d, a, quote, 0, 2, 6, 8)
			x.span(d, b, quote, 2, 6)
		},
		alpha:   map[storage.Kind]float64{quote: -0.875},
		overall: -0.875,
		pairs:   map[storage.Kind][]string{quote: {"A-B docs 1 exact 0/1/1 0.000 overlap 0/1/1 0.000"}},
	}, {
		// B's suggestion that was not accepted is not B's judgement; the
		// accepted one is.
		name: "unaccepted suggestions do not count",
		build: func(x *builder) {
			a, b := x.coder("A"), x.coder("B")
			d := x.doc("one two three")
			x.span(d, a, quote, 0, 3)
			x.span(d, b, quote, 0, 3)
			s := x.ann(x.span(d, b, quote, 4, 7))
			s.Origin, s.State = "detector", storage.StateSuggested
			r := x.ann(x.span(d, b, quote, 8, 13))
			r.Origin, r.State = "detector", storage.StateRejected
			ok := x.ann(x.span(d, a, cue, 4, 7))
			ok.Origin, ok.State = "detector", storage.StateAccepted
		},
		pairs: map[storage.Kind][]string{quote: {"A-B docs 1 exact 1/0/0 1.000 overlap 1/0/0 1.000"},
			cue: {"A-B docs 1 exact 0/1/0 0.000 overlap 0/1/0 0.000"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			x := newBuilder(t)
			tc.build(x)
			r := x.compute(Options{})
			for k, want := range tc.alpha {
				got := kind(t, r, k).Alpha
				if math.IsNaN(want) && got.Defined() || !math.IsNaN(want) && !near(got, want) {
					t.Errorf("%s alpha = %v, want %.4f", k, got, want)
				}
			}
			if tc.alpha != nil && !near(r.Overall.Alpha, tc.overall) {
				t.Errorf("overall alpha = %v, want %.4f", r.Overall.Alpha, tc.overall)
			}
			for k, want := range tc.pairs {
				res := r.Overall
				if k != "" {
					res = kind(t, r, k)
				}
				var got []string
				for _, p := range res.Pairs {
					got = append(got, pairLine(r, p))
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%q pairs:\n%s\nwant:\n%s", k, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

func TestComputeOptions(t *testing.T) {
	x := newBuilder(t)
	a, b, c := x.coder("Ana"), x.coder("Ben"), x.coder("Cem")
	d1, d2 := x.doc("first text"), x.doc("second text")
	x.span(d1, a, quote, 0, 5)
	x.span(d1, b, quote, 0, 5)
	x.span(d2, a, quote, 0, 6)
	x.span(d2, c, mention, 0, 6)
	// Only Ana and Cem, only document 2, only quotes.
	r := x.compute(Options{Coders: []string{c, a, c}, Kinds: []storage.Kind{quote}, DocumentIDs: []string{d2}})
	if len(r.Coders) != 2 || r.Coders[0].Name != "Cem" || r.Coders[1].Name != "Ana" || r.Documents != 1 {
		t.Fatalf("coders %+v, %d documents", r.Coders, r.Documents)
	}
	if len(r.Kinds) != 1 || r.Kinds[0].Kind != quote {
		t.Fatalf("kinds %+v", r.Kinds)
	}
	// Cem coded document 2 (a mention) but marked no quote there.
	if got := pairLine(r, r.Kinds[0].Pairs[0]); got != "Cem-Ana docs 1 exact 0/0/1 0.000 overlap 0/0/1 0.000" {
		t.Errorf("pair %s", got)
	}
	// By default every active coder, by name.
	r = x.compute(Options{})
	if len(r.Coders) != 3 || r.Coders[0].ID != a || r.Coders[2].ID != c || r.Documents != 2 {
		t.Errorf("default coders %+v, %d documents", r.Coders, r.Documents)
	}
	if n := len(r.Overall.Pairs); n != 2 {
		t.Errorf("%d pairs over all kinds; Ben and Cem share no document, so 2", n)
	}
}

func TestComputeErrors(t *testing.T) {
	x := newBuilder(t)
	a, b := x.coder("Ana"), x.coder("Ben")
	idle := x.coder("Idle")
	d1, d2 := x.doc("first text"), x.doc("second text")
	x.span(d1, a, quote, 0, 5)
	x.span(d2, b, quote, 0, 6)
	s := x.ann(x.span(d1, b, quote, 0, 5))
	s.Origin, s.State = "detector", storage.StateSuggested
	for _, tc := range []struct {
		name string
		opts Options
		is   error
		want string
	}{
		{"no shared document", Options{}, ErrTooFewCoders, "Ana: 1, Ben: 1"},
		{"one coder", Options{Coders: []string{a}}, ErrTooFewCoders, "1 coder(s)"},
		{"a coder with no annotations", Options{Coders: []string{a, idle}, DocumentIDs: []string{d1}}, ErrTooFewCoders, "Idle: 0"},
		{"unknown coder", Options{Coders: []string{a, "nobody"}}, storage.ErrNotFound, `"nobody"`},
		{"unknown document", Options{DocumentIDs: []string{"nope"}}, storage.ErrNotFound, `"nope"`},
		{"unknown kind", Options{Kinds: []storage.Kind{"speech"}}, nil, `"speech"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compute(x.b, tc.opts)
			if err == nil || tc.is != nil && !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %v mentioning %s", err, tc.is, tc.want)
			}
		})
	}
}

func TestComputeSurvivesBadSpans(t *testing.T) {
	x := newBuilder(t)
	a, b := x.coder("A"), x.coder("B")
	d := x.doc("short")
	x.span(d, a, quote, 0, 5)
	x.span(d, b, quote, 0, 5)
	bad := x.ann(x.span(d, b, quote, 0, 5))
	bad.Start, bad.End, bad.Ranges = -4, 99, []storage.Range{{Start: 7, End: 3}, {Start: -2, End: 200}}
	x.b.Annotations = append(x.b.Annotations, storage.Annotation{ID: "orphan", DocumentID: "gone", Kind: quote, AnnotatorID: a, Start: 0, End: 3})
	r := x.compute(Options{})
	res := kind(t, r, quote)
	if r.Documents != 1 || res.Units != 5 {
		t.Fatalf("%d documents, %d units; want 1 and 5", r.Documents, res.Units)
	}
	if got := pairLine(r, res.Pairs[0]); got != "A-B docs 1 exact 1/0/1 0.667 overlap 1/0/1 0.667" {
		t.Errorf("pair %s", got)
	}
}
