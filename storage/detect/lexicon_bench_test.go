package detect

import "testing"

// BenchmarkLexicon measures building the cue lexicon with its
// inflections, which happens once when the package starts.
func BenchmarkLexicon(b *testing.B) {
	for b.Loop() {
		buildCues()
	}
}
