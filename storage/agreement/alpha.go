package agreement

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
	counts := make([]int, len(index))
	for _, u := range units {
		clear(counts)
		for _, v := range u {
			counts[index[v]]++
		}
		x.add(counts, 1)
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

// add counts weight identical units in which counts[c] coders gave value
// c: each ordered pair of values from different coders adds 1/(m-1), m
// being the number of values in the unit. Units with m < 2 are skipped.
func (x *coincidences) add(counts []int, weight float64) {
	m := 0
	for _, n := range counts {
		m += n
	}
	if m < 2 || weight == 0 {
		return
	}
	for c, nc := range counts {
		for k, nk := range counts {
			pairs := nc * nk
			if c == k {
				pairs = nc * (nc - 1)
			}
			x.o[c][k] += weight * float64(pairs) / float64(m-1)
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

// binaryUnits tallies binary units (inside a span or not) by how many
// coders gave a value (m) and how many of them said inside (k): units[m][k]
// is the number of such code points. It holds data for up to coders
// coders.
type binaryUnits [][]int64

func newBinaryUnits(coders int) binaryUnits {
	u := make(binaryUnits, coders+1)
	for m := range u {
		u[m] = make([]int64, m+1)
	}
	return u
}

// addAll adds the tallies of v.
func (u binaryUnits) addAll(v binaryUnits) {
	for m := range v {
		for k := range v[m] {
			u[m][k] += v[m][k]
		}
	}
}

// pairable is the number of units with at least two values.
func (u binaryUnits) pairable() int64 {
	var n int64
	for m := 2; m < len(u); m++ {
		for _, c := range u[m] {
			n += c
		}
	}
	return n
}

// alpha is the nominal alpha of the tallied units.
func (u binaryUnits) alpha() Ratio {
	x := newCoincidences(2)
	for m := 2; m < len(u); m++ {
		for k, count := range u[m] {
			x.add([]int{m - k, k}, float64(count))
		}
	}
	return x.alpha()
}
