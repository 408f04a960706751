package widgets

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSpanIndexClampsAndDrops(t *testing.T) {
	x := newSpanIndex([]Span{
		{ID: "neg", Start: -5, End: 3},
		{ID: "past", Start: 8, End: 99},
		{ID: "empty", Start: 4, End: 4},
		{ID: "reversed", Start: 6, End: 2},
		{ID: "outside", Start: 20, End: 30},
	}, 10)
	var got []string
	x.overlapping(0, 10, func(i int) { got = append(got, fmt.Sprintf("%s[%d,%d)", x.spans[i].ID, x.start[i], x.end[i])) })
	if want := []string{"neg[0,3)", "past[8,10)"}; !slices.Equal(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
	if x.spans[0].Color == nil {
		t.Error("a span without colour gets no default colour")
	}
	x.clamp(40) // the text grew: the spans come back
	got = nil
	x.overlapping(0, 40, func(i int) { got = append(got, fmt.Sprintf("%s[%d,%d)", x.spans[i].ID, x.start[i], x.end[i])) })
	if want := []string{"neg[0,3)", "past[8,40)", "outside[20,30)"}; !slices.Equal(got, want) {
		t.Errorf("after clamp(40) spans = %v, want %v", got, want)
	}
}

func TestSpanIndexOverlappingMatchesBruteForce(t *testing.T) {
	var spans []Span
	seed := uint32(1)
	for i := range 300 {
		seed = seed*1664525 + 1013904223
		s := int(seed>>8) % 1000
		l := 1 + int(seed>>20)%40
		if i%50 == 0 {
			l = 600 // a few long spans
		}
		spans = append(spans, Span{ID: fmt.Sprint(i), Start: s, End: s + l})
	}
	x := newSpanIndex(spans, 1200)
	for _, q := range [][2]int{{0, 1}, {100, 140}, {999, 1000}, {500, 501}, {1100, 1200}, {0, 1200}} {
		var got, want []string
		x.overlapping(q[0], q[1], func(i int) { got = append(got, x.spans[i].ID) })
		for i, s := range x.spans {
			if x.start[i] < q[1] && x.end[i] > q[0] {
				want = append(want, s.ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("overlapping%v = %d spans, want %d", q, len(got), len(want))
		}
	}
}

func TestSpanLevelsKeepOverlappingSpansApart(t *testing.T) {
	x := newSpanIndex([]Span{
		{ID: "quote", Start: 0, End: 50},
		{ID: "speaker", Start: 0, End: 10},
		{ID: "cue", Start: 11, End: 15},
		{ID: "inner", Start: 12, End: 14},
		{ID: "next", Start: 45, End: 60},
		{ID: "after", Start: 60, End: 70},
	}, 100)
	levels := map[string]uint8{}
	for i, s := range x.spans {
		levels[s.ID] = x.level[i]
	}
	want := map[string]uint8{"quote": 0, "speaker": 1, "cue": 1, "inner": 2, "next": 1, "after": 0}
	for id, lv := range want {
		if levels[id] != lv {
			t.Errorf("level of %s = %d, want %d (all: %v)", id, levels[id], lv, levels)
		}
	}
	for i, a := range x.spans {
		for j, b := range x.spans {
			if i < j && x.start[i] < x.end[j] && x.start[j] < x.end[i] && x.level[i] == x.level[j] {
				t.Errorf("%s and %s overlap on level %d", a.ID, b.ID, x.level[i])
			}
		}
	}
}

func TestSpanIndexAtIsInnermostFirst(t *testing.T) {
	x := newSpanIndex([]Span{
		{ID: "quote", Start: 0, End: 50},
		{ID: "claim", Start: 5, End: 30},
		{ID: "cue", Start: 10, End: 14},
	}, 100)
	ids := func(off int) (out []string) {
		for _, i := range x.at(off) {
			out = append(out, x.spans[i].ID)
		}
		return out
	}
	tests := []struct {
		off  int
		want []string
	}{
		{12, []string{"cue", "claim", "quote"}},
		{14, []string{"claim", "quote"}},
		{2, []string{"quote"}},
		{50, nil},
	}
	for _, tt := range tests {
		if got := ids(tt.off); !slices.Equal(got, tt.want) {
			t.Errorf("at(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}

func TestSpansSetBeforeTextAreKept(t *testing.T) {
	test.NewTempApp(t)
	v := NewArticleView()
	v.SetSpans(sampleSpans())
	v.SetText(sampleText)
	if got := v.SpansAt(strings.Index(sampleText, "said")); !slices.Equal(got, []string{"c1", "q1"}) {
		t.Errorf("spans at \"said\" = %v, want [c1 q1]", got)
	}
	v.SetText(strings.Repeat("x", 30)) // the quote and its speaker start at 24
	if got := v.SpansAt(25); !slices.Equal(got, []string{"s1", "q1"}) {
		t.Errorf("spans clamped to a short text = %v, want [s1 q1]", got)
	}
}
