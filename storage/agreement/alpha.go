package agreement

import (
	"slices"
	"sort"

	"github.com/saywho-app/saywho/storage"
)

// NominalAlpha computes Krippendorff's alpha for nominal data. Each unit
// lists the values the coders gave it, missing values left out; units with
// fewer than two values cannot be paired and do not count. The result is
// undefined when the pairable values show no variation at all.
func NominalAlpha[V comparable](units [][]V) Ratio {
	index := map[V]int{}
	for _, u := range units {
		for _, v := range u {
			if _, ok := index[v]; !ok {
				index[v] = len(index)
			}
		}
	}
	x := newCoincidences(len(index))
	var vals []int
	for _, u := range units {
		vals = vals[:0]
		for _, v := range u {
			vals = append(vals, index[v])
		}
		x.add(vals, 1)
	}
	return x.alpha()
}

// coincidences is Krippendorff's coincidence matrix o_ck over nominal
// values numbered 0 to len(o)-1.
type coincidences struct {
	o [][]float64
}

func newCoincidences(values int) *coincidences {
	x := &coincidences{o: make([][]float64, values)}
	for i := range x.o {
		x.o[i] = make([]float64, values)
	}
	return x
}

// add counts weight units in which the coders gave the values vals (one
// per coder): each ordered pair of values from two different coders adds
// 1/(m−1), m = len(vals). Units with m < 2 are skipped.
func (x *coincidences) add(vals []int, weight float64) {
	m := len(vals)
	if m < 2 || weight == 0 {
		return
	}
	w := weight / float64(m-1)
	for i, c := range vals {
		for j, k := range vals {
			if i != j {
				x.o[c][k] += w
			}
		}
	}
}

// alpha is 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, the nominal alpha.
func (x *coincidences) alpha() Ratio {
	nc := make([]float64, len(x.o))
	var n, observed float64
	for c, row := range x.o {
		for k, v := range row {
			nc[c] += v
			if c != k {
				observed += v
			}
		}
		n += nc[c]
	}
	var expected float64
	for c := range nc {
		for k := range nc {
			if c != k {
				expected += nc[c] * nc[k]
			}
		}
	}
	if n < 2 || expected == 0 {
		return undefined()
	}
	return Ratio(1 - (n-1)*observed/expected)
}

// unitTally counts code points by the values the coders who coded their
// document gave them: the key holds one byte a coder, sorted (a value is a
// set of kinds as bits), and maps to the number of such code points.
type unitTally map[string]int64

// pairable is the number of units with at least two values.
func (t unitTally) pairable() int64 {
	var n int64
	for key, count := range t {
		if len(key) >= 2 {
			n += count
		}
	}
	return n
}

// alpha is the nominal alpha of the tallied units.
func (t unitTally) alpha() Ratio {
	keys := make([]string, 0, len(t))
	index := map[byte]int{}
	for key := range t {
		keys = append(keys, key)
		for i := 0; i < len(key); i++ {
			if _, ok := index[key[i]]; !ok {
				index[key[i]] = len(index)
			}
		}
	}
	sort.Strings(keys) // a fixed order of float sums
	x := newCoincidences(len(index))
	var vals []int
	for _, key := range keys {
		vals = vals[:0]
		for i := 0; i < len(key); i++ {
			vals = append(vals, index[key[i]])
		}
		x.add(vals, float64(t[key]))
	}
	return x.alpha()
}

// tally adds the code points of d, each valued per coder by the set of
// kinds (bit i for kinds[i], at most 8 kinds) whose spans of that coder
// cover it. Documents coded by fewer than two coders add nothing.
func tally(d *document, kinds []storage.Kind, into unitTally) {
	who := d.coders()
	if len(who) < 2 || d.length <= 0 {
		return
	}
	values := make([][]byte, len(who)) // by coder, by code point
	depth := make([]int32, d.length+1)
	for ci, c := range who {
		values[ci] = make([]byte, d.length)
		for bit, k := range kinds {
			var spans []span
			if s := d.spans[k]; s != nil {
				spans = s[c]
			}
			if len(spans) == 0 {
				continue
			}
			clear(depth) // +1 where a part starts, −1 where it ends
			for _, s := range spans {
				for _, p := range s.parts {
					if from, to := max(p.Start, 0), min(p.End, d.length); from < to {
						depth[from]++
						depth[to]--
					}
				}
			}
			var open int32
			for i := range values[ci] {
				if open += depth[i]; open > 0 {
					values[ci][i] |= 1 << bit
				}
			}
		}
	}
	key := make([]byte, len(who))
	var run []byte
	var count int64
	for i := 0; i < d.length; i++ {
		for ci := range who {
			key[ci] = values[ci][i]
		}
		slices.Sort(key)
		if count > 0 && string(key) == string(run) {
			count++
			continue
		}
		if count > 0 {
			into[string(run)] += count
		}
		run, count = append(run[:0], key...), 1
	}
	into[string(run)] += count
}
