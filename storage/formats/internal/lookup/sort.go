package lookup

import (
	"sort"

	"github.com/saywho-app/saywho/storage"
)

// SortAnnotations puts b's annotations in bundle order (by document in the
// order of b.Documents, then start, end and id) and sorts each one's code
// ids, as importers must leave a bundle.
func SortAnnotations(b *storage.Bundle) {
	order := map[string]int{}
	for i, d := range b.Documents {
		order[d.ID] = i
	}
	for i := range b.Annotations {
		sort.Strings(b.Annotations[i].Codes)
	}
	sort.SliceStable(b.Annotations, func(i, j int) bool {
		x, y := &b.Annotations[i], &b.Annotations[j]
		if order[x.DocumentID] != order[y.DocumentID] {
			return order[x.DocumentID] < order[y.DocumentID]
		}
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		if x.End != y.End {
			return x.End < y.End
		}
		return x.ID < y.ID
	})
}
