package agreement

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// BenchmarkCompute compares 4 coders on 100 documents of 5,000 code points,
// each coder marking 12 spans of each kind (1–99 code points) per document.
func BenchmarkCompute(b *testing.B) {
	x := newBuilder(b)
	rng := rand.New(rand.NewPCG(7, 7))
	text := strings.Repeat("Word 🌊 said", 500)
	var coders []string
	for _, n := range []string{"A", "B", "C", "D"} {
		coders = append(coders, x.coder(n))
	}
	for d := 0; d < 100; d++ {
		doc := x.doc(text)
		for _, c := range coders {
			for _, k := range storage.Kinds {
				for s := 0; s < 12; s++ {
					start := rng.IntN(4900)
					x.span(doc, c, k, start, start+1+rng.IntN(99))
				}
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Compute(x.b, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
