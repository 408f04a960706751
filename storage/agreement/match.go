package agreement

import (
	"sort"

	"github.com/saywho-app/saywho/storage"
)

// Match counts how two coders' spans pair up: Matched pairs, spans only
// coder A marked, spans only coder B marked, and F1 = 2·Matched / (|A| +
// |B|), undefined when neither marked anything.
type Match struct {
	Matched int   `json:"matched"`
	OnlyA   int   `json:"only_a"`
	OnlyB   int   `json:"only_b"`
	F1      Ratio `json:"f1"`
}

// newMatch builds a Match from m matches among a and b spans.
func newMatch(m, a, b int) Match {
	return Match{Matched: m, OnlyA: a - m, OnlyB: b - m, F1: ratio(2*float64(m), float64(a+b))}
}

// plus sums two Matches (a micro average).
func (m Match) plus(o Match) Match {
	n := m.Matched + o.Matched
	return newMatch(n, n+m.OnlyA+o.OnlyA, n+m.OnlyB+o.OnlyB)
}

// exactMatches counts the spans of a and b with the same parts, each span
// matched at most once.
func exactMatches(a, b []span) int {
	left := map[string]int{}
	for _, s := range a {
		left[storage.RangesKey(s.parts)]++
	}
	m := 0
	for _, s := range b {
		if k := storage.RangesKey(s.parts); left[k] > 0 {
			left[k]--
			m++
		}
	}
	return m
}

// overlapPairs pairs spans of a and b that share at least one code point,
// one to one: greedily, the pair sharing the most code points first, ties
// in the order of the spans (a's, then b's). It returns index pairs [i, j].
func overlapPairs(a, b []span) [][2]int {
	type candidate struct{ i, j, shared int }
	var cs []candidate
	for i := range a {
		for j := range b {
			if n := storage.SharedLength(a[i].parts, b[j].parts); n > 0 {
				cs = append(cs, candidate{i, j, n})
			}
		}
	}
	sort.SliceStable(cs, func(x, y int) bool { return cs[x].shared > cs[y].shared })
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	var out [][2]int
	for _, c := range cs {
		if !usedA[c.i] && !usedB[c.j] {
			usedA[c.i], usedB[c.j] = true, true
			out = append(out, [2]int{c.i, c.j})
		}
	}
	return out
}
