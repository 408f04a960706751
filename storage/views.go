package storage

// The read models the app and the formats use: lists, filters, counts and
// reports that carry more than one domain type.

// Filter selects annotations; empty fields match everything.
type Filter struct {
	DocumentID  string
	Kind        Kind
	AnnotatorID string
	CodeID      string
	SpeakerID   string // mentions resolved to this speaker, and quotes/claims linked to it
	// Offset and Limit page through a long list: skip Offset annotations,
	// list at most Limit (0: no limit).
	Offset, Limit int
}

// DocumentSummary is a document without its text, for lists.
type DocumentSummary struct {
	Document
	Annotations int // number of annotations on it
}

// SpeakerStats is a registry speaker with how often it is used.
type SpeakerStats struct {
	Speaker
	Mentions, Quotes, Claims int
}

// Stats counts what a project holds.
type Stats struct {
	Documents   int            `json:"documents"`
	Annotations int            `json:"annotations"`
	ByKind      map[string]int `json:"annotations_by_kind"`
	ByAnnotator map[string]int `json:"annotations_by_annotator"`
	Relations   int            `json:"relations"`
	Speakers    int            `json:"speakers"`
	Codes       int            `json:"codes"`
	Annotators  int            `json:"annotators"`
	Memos       int            `json:"memos"`
	Sets        int            `json:"sets"`
	BySet       map[string]int `json:"documents_by_set"` // set name → its number of documents
}

// Hit is one match of a corpus search with keyword-in-context.
type Hit struct {
	DocumentID           string
	DocumentTitle        string
	Start, End           int // code points of the match in the document
	Before, Match, After string
}

// SnapshotOptions selects what Snapshot includes.
type SnapshotOptions struct {
	// IncludeSuggestions keeps the detector's pending and rejected
	// suggestions (and their links); by default a bundle holds only
	// coders' judgements: their own and accepted annotations.
	IncludeSuggestions bool

	DocumentIDs []string // only these documents (and what hangs on them); all when empty
	NoText      bool     // leave document texts out
	AnnotatorID string   // only this coder's annotations, relations and memos; all when empty
	SetID       string   // only the documents of this set (and of DocumentIDs, if given too)
}

// MergeReport says what Merge did: what it added, what was already there,
// and what it left out and why.
type MergeReport struct {
	// Added to the project.
	Documents, Annotations, Relations, Speakers, Codes, Annotators, Memos int
	// Duplicates counts documents of the file whose text was already in
	// the project under another id, ExistingDocuments those already there
	// under their own id: their annotations, links and memos were merged
	// into the project's document.
	Duplicates, ExistingDocuments int
	// SkippedDocuments counts documents of the file not imported: without
	// text, or with another text than the project's under the same id.
	SkippedDocuments int
	// Unchanged counts items already in the project as in the file: with
	// the same id, or with another id but, for the same coder, the same
	// kind, parts, label (and codes, for a coded passage); for links the
	// same type and ends, for memos the same coder and text.
	UnchangedAnnotations, UnchangedRelations, UnchangedMemos int
	// Skipped counts items not imported: invalid ones (Notices say why)
	// and those that clashed (Conflicts).
	SkippedAnnotations, SkippedRelations int
	// Conflicts lists every item of the file that clashed with the project
	// or with another item of the file, by id, with what was kept.
	Conflicts []Conflict
	Notices   []string

	Sets, SetMembers int // document sets and set memberships added
}

// MergeProgress is called after each document with the count done and the
// total.
type MergeProgress func(done, total int)
