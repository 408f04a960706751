package evaluate

import (
	"slices"
	"sort"

	"github.com/saywho-app/saywho/storage"
)

// item is a compared span: its annotation, its parts and its word tokens.
type item struct {
	ann    *storage.Annotation
	parts  []storage.Range
	tokens []int32
}

// pair is a matched gold item (g) and predicted item (p), by index.
type pair struct{ g, p int }

// matchQuotes pairs gold and predicted quotes one to one where the
// predicted quote covers at least a share t of the gold quote's word
// tokens: greedily, highest share first, then most shared tokens, then by
// position. A gold quote without word tokens is compared in code points.
func matchQuotes(gold, pred []item, t float64) []pair {
	type candidate struct {
		g, p   int
		ratio  float64
		shared int
	}
	var cs []candidate
	for i, g := range gold {
		for j, p := range pred {
			shared, size := common(g.tokens, p.tokens), len(g.tokens)
			if size == 0 {
				shared, size = storage.SharedLength(g.parts, p.parts), points(g.parts)
			}
			if shared == 0 || size == 0 {
				continue
			}
			if r := float64(shared) / float64(size); r >= t {
				cs = append(cs, candidate{i, j, r, shared})
			}
		}
	}
	sort.SliceStable(cs, func(x, y int) bool {
		if cs[x].ratio != cs[y].ratio {
			return cs[x].ratio > cs[y].ratio
		}
		return cs[x].shared > cs[y].shared
	})
	return greedy(len(gold), len(pred), func(yield func(g, p int)) {
		for _, c := range cs {
			yield(c.g, c.p)
		}
	})
}

// matchExact pairs gold and predicted quotes holding exactly the same word
// tokens (the same code points when the gold quote has no word tokens).
func matchExact(gold, pred []item) []pair {
	return greedy(len(gold), len(pred), func(yield func(g, p int)) {
		for i, g := range gold {
			for j, p := range pred {
				if len(g.tokens) > 0 && slices.Equal(g.tokens, p.tokens) ||
					len(g.tokens) == 0 && slices.Equal(inTextOrder(g.parts), inTextOrder(p.parts)) {
					yield(i, j)
				}
			}
		}
	})
}

// matchOverlap pairs gold and predicted spans sharing at least one code
// point, one to one, the pair sharing the most code points first.
func matchOverlap(gold, pred []item) []pair {
	type candidate struct{ g, p, shared int }
	var cs []candidate
	for i, g := range gold {
		for j, p := range pred {
			if n := storage.SharedLength(g.parts, p.parts); n > 0 {
				cs = append(cs, candidate{i, j, n})
			}
		}
	}
	sort.SliceStable(cs, func(x, y int) bool { return cs[x].shared > cs[y].shared })
	return greedy(len(gold), len(pred), func(yield func(g, p int)) {
		for _, c := range cs {
			yield(c.g, c.p)
		}
	})
}

// greedy takes the candidate pairs in the order given, skipping those
// whose gold or predicted item is already paired.
func greedy(nGold, nPred int, candidates func(yield func(g, p int))) []pair {
	usedG, usedP := make([]bool, nGold), make([]bool, nPred)
	var out []pair
	candidates(func(g, p int) {
		if !usedG[g] && !usedP[p] {
			usedG[g], usedP[p] = true, true
			out = append(out, pair{g, p})
		}
	})
	return out
}

// points counts the code points of a list of parts.
func points(parts []storage.Range) int {
	n := 0
	for _, p := range parts {
		n += p.End - p.Start
	}
	return n
}

// inTextOrder returns a copy of parts sorted by start.
func inTextOrder(parts []storage.Range) []storage.Range {
	out := slices.Clone(parts)
	slices.SortFunc(out, func(a, b storage.Range) int { return a.Start - b.Start })
	return out
}
