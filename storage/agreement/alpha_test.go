package agreement

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// krippendorff2011 is the nominal example of Krippendorff, "Computing
// Krippendorff's Alpha-Reliability" (2011), section C: four observers, twelve
// units, missing values (0 here), alpha = 0.743.
var krippendorff2011 = [4][12]int{
	{1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
	{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
	{0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
	{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0},
}

// units turns a coder × unit table (0 = missing) into lists of values.
func units(table [][]int) [][]int {
	var out [][]int
	for u := range table[0] {
		var vals []int
		for c := range table {
			if v := table[c][u]; v != 0 {
				vals = append(vals, v)
			}
		}
		out = append(out, vals)
	}
	return out
}

func TestNominalAlpha(t *testing.T) {
	k := make([][]int, len(krippendorff2011))
	for i := range krippendorff2011 {
		k[i] = krippendorff2011[i][:]
	}
	for _, tc := range []struct {
		name  string
		table [][]int
		want  float64 // NaN for undefined
	}{
		{"Krippendorff 2011 nominal, 4 coders, missing values", k, 0.743},
		// Krippendorff 2011, section A: two observers, binary data:
		// o_01 = 4, n_0 = 14, n_1 = 6, alpha = 1 − 19·8/(2·14·6) = 0.095.
		{"Krippendorff 2011 binary, 2 coders", [][]int{
			{1, 2, 1, 1, 1, 1, 1, 1, 2, 1},
			{2, 2, 2, 1, 1, 2, 1, 1, 1, 1},
		}, 0.095},
		{"perfect agreement", [][]int{{1, 2, 3, 1}, {1, 2, 3, 1}, {1, 2, 0, 1}}, 1},
		// Every pair disagrees on two values used equally often:
		// o_12 = o_21 = 2, n_1 = n_2 = 2, alpha = 1 − 3·4/(2·2·2) = −0.5.
		{"systematic disagreement", [][]int{{1, 2}, {2, 1}}, -0.5},
		{"no variation", [][]int{{1, 1, 1}, {1, 1, 1}}, math.NaN()},
		{"nothing pairable", [][]int{{1, 0}, {0, 2}}, math.NaN()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := NominalAlpha(units(tc.table))
			if math.IsNaN(tc.want) {
				if got.Defined() {
					t.Fatalf("alpha = %v, want undefined", got)
				}
				return
			}
			if math.Abs(float64(got)-tc.want) > 0.0005 {
				t.Fatalf("alpha = %.4f, want %.3f", float64(got), tc.want)
			}
		})
	}
}

// TestTallyMatchesNominalAlpha checks the tallied code points against
// NominalAlpha on the same units listed one by one, on random documents
// with random coders missing: per kind (inside or not) and over all kinds
// (the names of the kinds covering the code point).
func TestTallyMatchesNominalAlpha(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []storage.Kind{quote, mention, cue}
	same := func(a, b Ratio) bool {
		return a.Defined() == b.Defined() && (!a.Defined() || math.Abs(float64(a-b)) < 1e-9)
	}
	for trial := 0; trial < 100; trial++ {
		coders := 2 + rng.IntN(4)
		tallied := map[storage.Kind]unitTally{"": {}}
		listed := map[storage.Kind][][]string{}
		for _, k := range kinds {
			tallied[k] = unitTally{}
		}
		for range 1 + rng.IntN(3) {
			d := randomDocument(rng, coders, kinds)
			for _, k := range kinds {
				tally(d, []storage.Kind{k}, tallied[k])
			}
			tally(d, kinds, tallied[""])
			if len(d.coders()) < 2 {
				continue
			}
			for i := 0; i < d.length; i++ {
				units := map[storage.Kind][]string{}
				for _, c := range d.coders() {
					var in []string
					for _, k := range kinds {
						v := "out"
						if covers(d.spans[k][c], i) {
							in = append(in, string(k))
							v = "in"
						}
						units[k] = append(units[k], v)
					}
					units[""] = append(units[""], strings.Join(in, "+"))
				}
				for k, u := range units {
					listed[k] = append(listed[k], u)
				}
			}
		}
		for k, tl := range tallied {
			if a, b := tl.alpha(), NominalAlpha(listed[k]); !same(a, b) {
				t.Fatalf("trial %d, kind %q: tallied alpha %v, listed alpha %v", trial, k, a, b)
			}
			if n := tl.pairable(); n != int64(len(listed[k])) {
				t.Fatalf("trial %d, kind %q: %d pairable units tallied, %d listed", trial, k, n, len(listed[k]))
			}
		}
	}
}

// randomDocument makes a document of up to 30 code points, coded by a
// random subset of the coders, each marking up to two spans of each kind.
func randomDocument(rng *rand.Rand, coders int, kinds []storage.Kind) *document {
	d := &document{length: 1 + rng.IntN(30), coded: make([]bool, coders), spans: map[storage.Kind][][]span{}}
	for c := range coders {
		d.coded[c] = rng.IntN(4) > 0
	}
	for _, k := range kinds {
		d.spans[k] = make([][]span, coders)
		for c := range coders {
			for range rng.IntN(3) {
				s := rng.IntN(d.length)
				d.spans[k][c] = append(d.spans[k][c], span{parts: []storage.Range{{Start: s, End: s + 1 + rng.IntN(d.length-s)}}})
			}
		}
	}
	return d
}

// covers reports whether one of the spans covers code point i.
func covers(spans []span, i int) bool {
	for _, s := range spans {
		for _, p := range s.parts {
			if p.Start <= i && i < p.End {
				return true
			}
		}
	}
	return false
}
