package agreement

import "github.com/saywho-app/saywho/storage"

// countingSuggestions returns a copy of b in which the detector's pending
// and rejected suggestions count like any coder's annotations (their
// state cleared), for Options.IncludeSuggestions. b is not changed.
func countingSuggestions(b *storage.Bundle) *storage.Bundle {
	c := *b
	c.Annotations = make([]storage.Annotation, len(b.Annotations))
	copy(c.Annotations, b.Annotations)
	for i := range c.Annotations {
		if c.Annotations[i].Undecided() {
			c.Annotations[i].State = ""
		}
	}
	return &c
}
