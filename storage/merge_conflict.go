package storage

// Outcome is what an import did with an item that clashed with the
// project or with another item of the same file.
type Outcome string

// The outcomes of a conflict. An import never overwrites the project: a
// later merge that compares revisions may add an outcome such as
// "updated from the file".
const (
	// KeptProject: the project's item stays as it was; the file's version
	// is not imported.
	KeptProject Outcome = "kept the project's version"
	// KeptFirst: the file holds two items with this id; the first was
	// imported, the later one not.
	KeptFirst Outcome = "kept the first one in the file"
	// NotImported: the item refers to something neither in the file nor
	// in the project.
	NotImported Outcome = "not imported"
)

// Conflict is one item of an imported file that clashed with the project
// or with another item of the same file, by id, with what was kept.
type Conflict struct {
	Kind      string  `json:"kind"`                 // document, annotation, relation, memo, code, speaker or coder
	ID        string  `json:"id"`                   // the item's id in the file
	ProjectID string  `json:"project_id,omitempty"` // the project's item it clashed with, when its id is another
	What      string  `json:"what,omitempty"`       // the item in words: a title, a kind with its text and offsets, a name
	Problem   string  `json:"problem"`              // what clashed
	Outcome   Outcome `json:"outcome"`
}

// String renders the conflict on one line, e.g. `annotation 0196… (quote
// "We won’t yield." [26,41)): differs from the project's in attributes
// (quote_type); kept the project's version`.
func (c Conflict) String() string {
	s := c.Kind + " " + c.ID
	if c.What != "" {
		s += " (" + c.What + ")"
	}
	return s + ": " + c.Problem + "; " + string(c.Outcome)
}
