package storage

import "context"

// DocumentData is one document with what hangs on it, as exports read it.
type DocumentData struct {
	Document
	Annotations []Annotation // by position
	Relations   []Relation   // those whose source (and target annotation, if any) is among Annotations
	Memos       []Memo
}

// Registry is the part of a project every document refers to: coders,
// codebook, speakers and document sets. It is small (it grows with the
// people and codes of a study, not with its articles), so it is read
// whole.
type Registry struct {
	Annotators []Annotator
	Codes      []Code
	Speakers   []Speaker
	Sets       []Set // with their members narrowed to the documents selected
	// Vocabularies are the speaker attributes' lists of values;
	// Variables the document variables' definitions.
	Vocabularies []Vocabulary
	Variables    []Variable
}

// StreamOptions selects what a stream of documents carries: the
// documents a SnapshotOptions selects, and which parts of them.
type StreamOptions struct {
	SnapshotOptions
	// Leave these out of each DocumentData (an export that writes them in
	// a later pass over the documents).
	NoAnnotations, NoRelations, NoMemos bool
	// NoVariables leaves each document's Variables nil.
	NoVariables bool
}

// Source is what an export reads: the project's registry whole, then its
// documents one at a time, in import order, all from one consistent
// snapshot of the project, so memory stays that of one document however
// large the project is, and work going on meanwhile (an annotator in the
// window) neither shows half in an export nor waits for it.
type Source interface {
	Info() ProjectInfo
	// Registry reads the registry; its sets are narrowed to the documents
	// opts selects.
	Registry(ctx context.Context, opts SnapshotOptions) (Registry, error)
	// EachDocument calls fn for each document opts selects, in import
	// order, stopping at fn's first error (which it returns) or when ctx
	// ends. The DocumentData is fn's only until fn returns.
	EachDocument(ctx context.Context, opts StreamOptions, fn func(*DocumentData) error) error
}
