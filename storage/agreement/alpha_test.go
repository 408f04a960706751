package agreement

import (
	"math"
	"math/rand/v2"
	"testing"
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

// TestBinaryUnitsMatchNominalAlpha checks the tallied shortcut used for
// code points against NominalAlpha on the same units listed one by one.
func TestBinaryUnitsMatchNominalAlpha(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		coders := 2 + rng.IntN(4)
		tally := newBinaryUnits(coders)
		var list [][]bool
		for u := 0; u < 1+rng.IntN(40); u++ {
			m := rng.IntN(coders + 1)
			k := 0
			var vals []bool
			for c := 0; c < m; c++ {
				in := rng.IntN(3) == 0
				if in {
					k++
				}
				vals = append(vals, in)
			}
			tally[m][k]++
			list = append(list, vals)
		}
		a, b := tally.alpha(), NominalAlpha(list)
		if a.Defined() != b.Defined() || a.Defined() && math.Abs(float64(a-b)) > 1e-9 {
			t.Fatalf("trial %d: tallied alpha %v, listed alpha %v", trial, a, b)
		}
	}
}
