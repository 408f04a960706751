package storage

import "slices"

// Change says what one committed write touched, so that each view updates
// only what it shows of it instead of reading the whole project again.
// Backends publish one Change per committed transaction (an action, an
// undo or redo, an imported document), and, for shared projects, the
// changes other people made.
type Change struct {
	// Label names the action ("Add quote", "Undo Add quote").
	Label string
	// Documents were added, deleted, or had their details, status or
	// counts changed.
	Documents []string
	// Content lists the documents whose annotations, links, codes on
	// spans or memos changed.
	Content []string
	// Annotations were added, changed or deleted, or had links or codes
	// added or removed.
	Annotations []string
	// Speakers were added, changed or deleted, or may be counted
	// differently (a mention or link to them changed).
	Speakers []string
	// Codes, Annotators, Sets and Project say that the codebook, the
	// coders, the document sets or the project's own details changed;
	// Vocabularies and Variables that the speaker attributes' lists of
	// values or the document variables' definitions did.
	Codes, Annotators, Sets, Project bool
	Vocabularies, Variables          bool
	// Reload says that more changed than is listed (a large import): read
	// everything again.
	Reload bool
}

// Empty reports whether the change touched nothing.
func (c Change) Empty() bool {
	return !c.Reload && !c.Codes && !c.Annotators && !c.Sets && !c.Project && !c.Vocabularies && !c.Variables &&
		len(c.Documents)+len(c.Content)+len(c.Annotations)+len(c.Speakers) == 0
}

// TouchesContent reports whether the annotations, links or memos of
// document id may have changed.
func (c Change) TouchesContent(id string) bool {
	return c.Reload || slices.Contains(c.Content, id)
}

// TouchesDocument reports whether document id itself (its details, status,
// counts, or its being there at all) may have changed.
func (c Change) TouchesDocument(id string) bool {
	return c.Reload || slices.Contains(c.Documents, id)
}
