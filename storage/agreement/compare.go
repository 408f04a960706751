package agreement

import "github.com/saywho-app/saywho/storage"

// comparison computes the measures over the documents that two or more of
// the coders coded.
type comparison struct {
	coders []string // annotator ids, by index
	docs   []*document
	who    *speakerIndex
}

// run computes every kind's result, the result over all kinds, and the
// attribution agreement when quotes are among the kinds.
func (c *comparison) run(kinds []storage.Kind) ([]KindResult, KindResult, []Attribution) {
	var results []KindResult
	attribution := []Attribution{}
	for _, k := range kinds {
		units := unitTally{}
		for _, d := range c.docs {
			tally(d, []storage.Kind{k}, units)
		}
		pairs, attr := c.pairs(k)
		results = append(results, KindResult{Kind: k, Alpha: units.alpha(), Units: units.pairable(), Pairs: pairs})
		if k == storage.KindQuote {
			attribution = attr
		}
	}
	combined := unitTally{}
	for _, d := range c.docs {
		tally(d, kinds, combined)
	}
	overall := KindResult{Alpha: combined.alpha(), Units: combined.pairable()}
	for _, res := range results {
		if overall.Pairs == nil {
			overall.Pairs = make([]Pair, len(res.Pairs))
			copy(overall.Pairs, res.Pairs)
			continue
		}
		for i, p := range res.Pairs {
			overall.Pairs[i].Exact = overall.Pairs[i].Exact.plus(p.Exact)
			overall.Pairs[i].Overlap = overall.Pairs[i].Overlap.plus(p.Overlap)
		}
	}
	return results, overall, attribution
}

// pairs compares every two coders on kind k over the documents both coded,
// and for quotes also their attributions. Pairs with no such document are
// left out; the order (by coder index) is the same for every kind.
func (c *comparison) pairs(k storage.Kind) ([]Pair, []Attribution) {
	pairs := []Pair{}
	attribution := []Attribution{}
	for i := range c.coders {
		for j := i + 1; j < len(c.coders); j++ {
			p := Pair{A: c.coders[i], B: c.coders[j], Exact: newMatch(0, 0, 0), Overlap: newMatch(0, 0, 0)}
			at := Attribution{A: p.A, B: p.B, Share: undefined()}
			for _, d := range c.docs {
				if !d.coded[i] || !d.coded[j] {
					continue
				}
				p.Documents++
				var a, b []span
				if s := d.spans[k]; s != nil {
					a, b = s[i], s[j]
				}
				p.Exact = p.Exact.plus(newMatch(exactMatches(a, b), len(a), len(b)))
				matched := overlapPairs(a, b)
				p.Overlap = p.Overlap.plus(newMatch(len(matched), len(a), len(b)))
				for _, m := range matched {
					if k == storage.KindQuote {
						at.add(c.who.of(a[m[0]].ann), c.who.of(b[m[1]].ann))
					}
				}
			}
			if p.Documents > 0 {
				pairs = append(pairs, p)
				attribution = append(attribution, at)
			}
		}
	}
	return pairs, attribution
}
