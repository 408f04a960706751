package chart

import (
	"fmt"

	"github.com/saywho-app/saywho/storage/report"
)

// otherKey is the key of the category that sums those not shown.
const otherKey = "\x00others"

// shown is a table's rows (or columns) as a chart shows them: at most max
// of them, the rest summed into one "other" category.
type shown struct {
	cats  []report.Category
	index [][]int // for each category shown, the table's rows (columns) it sums
}

// limit keeps the first max-1 categories of cats and sums the rest when
// there are more than max.
func limit(cats []report.Category, max int) shown {
	var s shown
	for i, c := range cats {
		if len(cats) > max && i >= max-1 {
			if i == max-1 {
				s.cats = append(s.cats, report.Category{Key: otherKey, Label: fmt.Sprintf("%d others", len(cats)-i), Missing: true})
				s.index = append(s.index, nil)
			}
			s.index[len(s.index)-1] = append(s.index[len(s.index)-1], i)
			continue
		}
		s.cats = append(s.cats, c)
		s.index = append(s.index, []int{i})
	}
	return s
}

// sum adds up the cells of the table's rows (or columns) that a shown
// category stands for.
func sum(cells []report.Cell, idx []int) report.Cell {
	var c report.Cell
	for _, i := range idx {
		c.Count += cells[i].Count
		c.Words += cells[i].Words
		c.Share += cells[i].Share
	}
	return c
}
