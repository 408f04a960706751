package storage

import "context"

// The interfaces below are what the window, the command line and the
// formats need of a project, one per part of the model. A backend (the
// SQLite project file in storage/sqlite; a database server later)
// implements them all as Project. Every method that reads or writes takes
// a context: a write waits for the project's write lock at most until the
// context ends, and long reads stop when it is cancelled. Every write is
// one transaction, committed before the method returns, and published to
// the subscribers as a Change.

// Project is an open project, whatever keeps it.
type Project interface {
	// Info returns the project's id, name and creation time.
	Info() ProjectInfo
	// Path names where the project lives, for messages and titles.
	Path() string
	// ReadOnly reports whether the project was opened without write access.
	ReadOnly() bool
	// Close releases the project.
	Close() error
	// Subscribe calls fn with every change committed through this project
	// from now on, until cancel is called.
	Subscribe(fn func(Change)) (cancel func(), err error)
	// Rename changes the project's display name.
	Rename(ctx context.Context, name string) error

	DocumentStore
	AnnotationStore
	RelationStore
	SpeakerStore
	CodeStore
	CoderStore
	MemoStore
	SetStore
	SuggestionStore
	History
	Reader
	Tallier
	Transfer
}

// DocumentStore keeps the articles.
type DocumentStore interface {
	AddDocument(ctx context.Context, d Document) (Document, error)
	Document(ctx context.Context, id string) (Document, error)
	DocumentByHash(ctx context.Context, sha256 string) (Document, error)
	// Documents lists every document without its text, in import order,
	// with its annotation count.
	Documents(ctx context.Context) ([]DocumentSummary, error)
	// DocumentSummaries lists the documents with the given ids (those that
	// exist), as Documents does: for updating a few rows of a list.
	DocumentSummaries(ctx context.Context, ids []string) ([]DocumentSummary, error)
	// UpdateDocumentMeta changes a document's details (title, outlet,
	// byline, published, section, URL, status); not its variables.
	UpdateDocumentMeta(ctx context.Context, d Document) error
	DeleteDocument(ctx context.Context, id string) error

	// Variables lists the project's document variables in order.
	Variables(ctx context.Context) ([]Variable, error)
	AddVariable(ctx context.Context, v Variable) (Variable, error)
	// UpdateVariable renames, retypes, describes or moves a variable; a
	// new type must accept every value the documents hold, which are
	// converted to its form.
	UpdateVariable(ctx context.Context, v Variable) (Variable, error)
	// DeleteVariable removes a variable with its values.
	DeleteVariable(ctx context.Context, id string) error
	// SetDocumentVariables sets a document's values of the named
	// variables (others are left as they are); an empty value removes
	// the document's value, a name not yet defined adds a text variable.
	SetDocumentVariables(ctx context.Context, documentID string, values map[string]string) error
}

// AnnotationStore keeps the spans: quotes, mentions, claims, cues, codes.
type AnnotationStore interface {
	AddAnnotation(ctx context.Context, a Annotation) (Annotation, error)
	Annotation(ctx context.Context, id string) (Annotation, error)
	// Annotations lists the annotations matching f, by document and
	// position; f.Limit and f.Offset page through long lists.
	Annotations(ctx context.Context, f Filter) ([]Annotation, error)
	// CountAnnotations counts the annotations matching f (Limit and Offset
	// ignored).
	CountAnnotations(ctx context.Context, f Filter) (int, error)
	UpdateAnnotation(ctx context.Context, a Annotation) (Annotation, error)
	DeleteAnnotation(ctx context.Context, id string) error
	ToggleCode(ctx context.Context, annotationID, codeID string) (bool, error)
}

// RelationStore keeps the typed links between annotations and speakers.
type RelationStore interface {
	Link(ctx context.Context, r Relation) (Relation, error)
	Unlink(ctx context.Context, id string) error
	Relation(ctx context.Context, id string) (Relation, error)
	// Relations lists the relations whose source is in document documentID
	// ("" for all).
	Relations(ctx context.Context, documentID string) ([]Relation, error)
}

// SpeakerStore keeps the speaker registry.
type SpeakerStore interface {
	AddSpeaker(ctx context.Context, s Speaker) (Speaker, error)
	UpdateSpeaker(ctx context.Context, s Speaker) (Speaker, error)
	DeleteSpeaker(ctx context.Context, id string) error
	MergeSpeakers(ctx context.Context, keepID, dropID string) error
	Speaker(ctx context.Context, id string) (Speaker, error)
	// Speakers lists the registry with how often each speaker is used.
	Speakers(ctx context.Context) ([]SpeakerStats, error)
	// SpeakerStats is Speakers for the given ids only (those that exist).
	SpeakerStats(ctx context.Context, ids []string) ([]SpeakerStats, error)
	// EditSpeakers changes the given attributes of several speakers in
	// one action and returns how many it changed.
	EditSpeakers(ctx context.Context, ids []string, e SpeakerEdit) (int, error)

	// Vocabularies lists the value lists of the speaker attributes that
	// have one (gender, type, role), in VocabularyAttributes order.
	Vocabularies(ctx context.Context) ([]Vocabulary, error)
	// SetVocabulary replaces an attribute's list of values (order
	// kept); speakers keep their values.
	SetVocabulary(ctx context.Context, v Vocabulary) error
	// RenameVocabularyValue renames a value in an attribute's list and
	// in every speaker holding it (into an existing value: the two
	// merge), and returns how many speakers changed.
	RenameVocabularyValue(ctx context.Context, attribute, old, new string) (int, error)
}

// CodeStore keeps the codebook.
type CodeStore interface {
	AddCode(ctx context.Context, c Code) (Code, error)
	UpdateCode(ctx context.Context, c Code) (Code, error)
	DeleteCode(ctx context.Context, id string) error
	Code(ctx context.Context, id string) (Code, error)
	Codes(ctx context.Context) ([]Code, error)
	CodeUsage(ctx context.Context, id string) (annotations, subcodes int, err error)
}

// CoderStore keeps the coders (annotators).
type CoderStore interface {
	EnsureAnnotator(ctx context.Context, name string) (Annotator, error)
	Annotators(ctx context.Context) ([]Annotator, error)
}

// MemoStore keeps the coders' memos on documents.
type MemoStore interface {
	SetMemo(ctx context.Context, documentID, annotatorID, text string) error
	Memos(ctx context.Context, documentID string) ([]Memo, error)
}

// SetStore keeps the document sets.
type SetStore interface {
	CreateSet(ctx context.Context, name, description string, documentIDs []string) (Set, error)
	RenameSet(ctx context.Context, id, name string) error
	DeleteSet(ctx context.Context, id string) error
	AddToSet(ctx context.Context, setID string, documentIDs []string) (int, error)
	RemoveFromSet(ctx context.Context, setID string, documentIDs []string) (int, error)
	Sets(ctx context.Context) ([]Set, error)
	FindSet(ctx context.Context, idOrName string) (Set, error)
}

// SuggestionStore keeps the detector's suggestions and the coders'
// decisions on them.
type SuggestionStore interface {
	ReplaceSuggestions(ctx context.Context, documentID string, s Suggestions, opts SuggestOptions) (SuggestReport, error)
	AcceptSuggestion(ctx context.Context, id, annotatorID string) error
	AcceptSuggestions(ctx context.Context, documentID, annotatorID string) (int, error)
	RejectSuggestion(ctx context.Context, id string) error
	SuggestionStats(ctx context.Context) (quotes, all SuggestionCounts, err error)
}

// History undoes and redoes this session's actions.
type History interface {
	// EnableUndo starts recording actions for undo (the window does; the
	// command line need not).
	EnableUndo() error
	Undo(ctx context.Context) (string, error)
	Redo(ctx context.Context) (string, error)
	UndoLabel() string
	RedoLabel() string
}

// Reader answers the questions that span the whole project.
type Reader interface {
	// Search finds a phrase in every document, with keyword in context.
	Search(ctx context.Context, query string) ([]Hit, error)
	Stats(ctx context.Context) (Stats, error)
	// Check verifies the project's integrity and returns the problems.
	Check(ctx context.Context) ([]string, error)
}

// Tallier counts quotes, claims and coded spans in groups, for analyses
// (storage/report): grouped in the backend, so a report on a large
// project reads a few hundred rows, not its annotations.
type Tallier interface {
	// Tally counts the query's units in each group of its dimensions
	// that has any (in no particular order).
	Tally(ctx context.Context, q TallyQuery) ([]TallyRow, error)
	// TallyGroupings is Tally for several groupings of the same units
	// (a table's cells and its totals; the tables of a report), in one
	// pass over them: result i is grouped by groupings[i].
	TallyGroupings(ctx context.Context, unit TallyUnit, scope TallyScope, groupings [][]TallyDim) ([][]TallyRow, error)
	// TallyIDs lists the ids of the units in the group with these keys
	// (one per dimension of q.By), by document and position, skipping
	// offset and listing at most limit (0: no limit): the quotes behind
	// a cell of a report. Pairs of codes list the spans carrying either
	// code (on one span, or in one document); TallyDocuments lists
	// documents.
	TallyIDs(ctx context.Context, q TallyQuery, keys []string, offset, limit int) ([]string, error)
}

// Transfer moves whole projects in and out: snapshots and streams for
// exports, merges for imports, and backup copies.
type Transfer interface {
	Source
	// Snapshot reads the selected part of the project into memory.
	Snapshot(ctx context.Context, opts SnapshotOptions) (*Bundle, error)
	// Merge adds a bundle to the project (see the backend for the rules).
	Merge(ctx context.Context, b *Bundle, progress MergeProgress) (MergeReport, error)
	// Backup writes a consistent copy of the project to dest.
	Backup(ctx context.Context, dest string) error
}
