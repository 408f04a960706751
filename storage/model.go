// Package storage holds Saywho's data model and the SQLite project file that
// keeps it. It never imports Fyne: the GUI (package app) and the command line
// (package app/cli) share this API.
package storage

import "time"

// Kind is the kind of an annotation span.
type Kind string

// The annotation kinds.
const (
	KindQuote          Kind = "quote"
	KindSpeakerMention Kind = "speaker_mention"
	KindClaim          Kind = "claim"
	KindCue            Kind = "cue"
	KindCode           Kind = "code"
)

// Kinds lists every annotation kind in display order.
var Kinds = []Kind{KindQuote, KindSpeakerMention, KindClaim, KindCue, KindCode}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Attribute keys used in Annotation.Attrs.
const (
	AttrQuoteType       = "quote_type"       // direct | indirect | mixed
	AttrCheckWorthiness = "check_worthiness" // CFS | UFS | NFS
	AttrStance          = "stance"           // free text or support/refute/neutral
	AttrVerdict         = "verdict"          // free text (true, false, misleading, ...)
	AttrLabel           = "label"            // original label from an imported scheme (e.g. brat)
)

// Quote types for AttrQuoteType.
var QuoteTypes = []string{"direct", "indirect", "mixed"}

// Check-worthiness classes (ClaimBuster) for AttrCheckWorthiness.
var CheckWorthiness = []string{"CFS", "UFS", "NFS"}

// Origins and detector states of an annotation.
const (
	OriginHuman    = "human"
	StateSuggested = "suggested"
	StateAccepted  = "accepted"
	StateRejected  = "rejected"
)

// Document statuses a coder sets.
const (
	StatusNew        = "new"
	StatusInProgress = "in_progress"
	StatusDone       = "done"
)

// Range is a half-open span [Start, End) in Unicode code points.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ProjectInfo describes the project as a whole.
type ProjectInfo struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// Annotator is a coder. Annotations record who made them so that several
// coders' work on the same articles stays apart.
type Annotator struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// Code is an entry of the hierarchical codebook.
type Code struct {
	ID          string    `json:"id"`
	ParentID    string    `json:"parent_id,omitempty"`
	Name        string    `json:"name"`
	Color       string    `json:"color,omitempty"` // #RRGGBB
	Description string    `json:"description,omitempty"`
	Shortcut    string    `json:"shortcut,omitempty"` // "1".."9" or empty
	Position    int       `json:"position"`
	Created     time.Time `json:"created"`
}

// Speaker is a person or organisation in the project-wide registry.
// Analyses group speakers by Gender, Type, Role, Affiliation and Country;
// Gender, Type and Role take their values from the project's
// vocabularies (see Vocabulary), though other values are kept as given.
type Speaker struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Aliases     []string  `json:"aliases"`
	Role        string    `json:"role,omitempty"`
	Affiliation string    `json:"affiliation,omitempty"`
	Wikidata    string    `json:"wikidata,omitempty"` // QID such as Q42
	Note        string    `json:"note,omitempty"`
	Gender      string    `json:"gender,omitempty"`
	Type        string    `json:"type,omitempty"` // person, organisation, document, anonymous
	Country     string    `json:"country,omitempty"`
	Created     time.Time `json:"created"`
	Modified    time.Time `json:"modified"`
}

// Document is an imported article. Its Text is NFC-normalised with "\n"
// line endings and never changes after import; SHA256 is the hex digest of
// Text in UTF-8. Variables holds its values of the project's user-defined
// variables by variable name (see Variable); lists of documents
// (Documents, DocumentSummaries) leave it nil.
type Document struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Outlet    string            `json:"outlet,omitempty"`
	Byline    string            `json:"byline,omitempty"`
	Published string            `json:"published,omitempty"` // as given, ideally YYYY-MM-DD
	Section   string            `json:"section,omitempty"`   // the outlet's section or page (Politics, A1)
	URL       string            `json:"url,omitempty"`
	FileName  string            `json:"file_name,omitempty"`
	Format    string            `json:"format,omitempty"` // txt, md, html, docx, ...
	Imported  time.Time         `json:"imported"`
	Status    string            `json:"status"`
	SHA256    string            `json:"sha256"`
	Length    int               `json:"length"` // in code points
	Text      string            `json:"text,omitempty"`
	Variables map[string]string `json:"variables,omitempty"`
}

// Annotation is a span of a document: a quote, a speaker mention, a claim, a
// cue or a coded passage. Start and End are code-point offsets, [Start, End);
// Text is exactly the document's code points in that range. Ranges is set
// only for discontinuous spans and then lists the parts in the order the
// coder or the source file gave them, which need not be text order; they
// do not overlap and reach exactly from Start to End (see CheckRanges).
type Annotation struct {
	ID          string            `json:"id"`
	DocumentID  string            `json:"document_id"`
	Kind        Kind              `json:"kind"`
	Start       int               `json:"start"`
	End         int               `json:"end"`
	Ranges      []Range           `json:"ranges,omitempty"`
	Text        string            `json:"text"`
	Prefix      string            `json:"prefix"`
	Suffix      string            `json:"suffix"`
	Attrs       map[string]string `json:"attributes,omitempty"`
	SpeakerID   string            `json:"speaker_id,omitempty"` // for speaker mentions: the registry speaker
	Codes       []string          `json:"codes,omitempty"`      // code ids, sorted
	Note        string            `json:"note,omitempty"`
	AnnotatorID string            `json:"annotator_id"`
	Created     time.Time         `json:"created"`
	Modified    time.Time         `json:"modified"`
	Origin      string            `json:"origin"`          // "human" or a detector name
	State       string            `json:"state,omitempty"` // for detector suggestions
}

// RelationType is the type of a link between annotations or to a speaker.
type RelationType string

// The legal relation types.
const (
	RelSaidBy    RelationType = "said_by"    // quote -> speaker mention | speaker
	RelClaimedBy RelationType = "claimed_by" // claim -> speaker mention | speaker
	RelCueOf     RelationType = "cue_of"     // cue -> quote
	RelStatedIn  RelationType = "stated_in"  // claim -> quote
)

// Relation links a source annotation to either a target annotation or a
// registry speaker (exactly one of TargetID and TargetSpeakerID is set).
type Relation struct {
	ID              string       `json:"id"`
	Type            RelationType `json:"type"`
	SourceID        string       `json:"source_id"`
	TargetID        string       `json:"target_id,omitempty"`
	TargetSpeakerID string       `json:"target_speaker_id,omitempty"`
	AnnotatorID     string       `json:"annotator_id"`
	Created         time.Time    `json:"created"`
}

// Memo is a free-text note attached to a document.
type Memo struct {
	ID          string    `json:"id"`
	DocumentID  string    `json:"document_id"`
	AnnotatorID string    `json:"annotator_id"`
	Text        string    `json:"text"`
	Created     time.Time `json:"created"`
	Modified    time.Time `json:"modified"`
}

// Set is a named group of documents: a sample, a batch for a coder, the
// articles of one outlet (REFI-QDA's Set of sources). A document may be in
// several sets. Names are unique in a project.
type Set struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Created     time.Time `json:"created"`
	DocumentIDs []string  `json:"document_ids"` // the members, in import order
}

// Bundle is a whole project, or part of one, in memory: what exports are
// written from and what imports produce before they are merged into a
// project. Slices are in a stable order (documents by import order,
// annotations by document then start offset).
type Bundle struct {
	Project     ProjectInfo  `json:"project"`
	Annotators  []Annotator  `json:"annotators"`
	Codes       []Code       `json:"codes"`
	Speakers    []Speaker    `json:"speakers"`
	Documents   []Document   `json:"documents"`
	Annotations []Annotation `json:"annotations"`
	Relations   []Relation   `json:"relations"`
	Memos       []Memo       `json:"memos"`
	Sets        []Set        `json:"sets"`
	Variables   []Variable   `json:"variables,omitempty"` // the document variables' definitions; absent when there are none
}

// Names returns the speaker's name followed by its aliases.
func (s Speaker) Names() []string { return append([]string{s.Name}, s.Aliases...) }

// Normalise replaces nil slices by empty ones, so exports write [] rather
// than null.
func (b *Bundle) Normalise() {
	for i := range b.Speakers {
		if b.Speakers[i].Aliases == nil {
			b.Speakers[i].Aliases = []string{}
		}
	}
	if b.Annotators == nil {
		b.Annotators = []Annotator{}
	}
	if b.Codes == nil {
		b.Codes = []Code{}
	}
	if b.Speakers == nil {
		b.Speakers = []Speaker{}
	}
	if b.Documents == nil {
		b.Documents = []Document{}
	}
	if b.Annotations == nil {
		b.Annotations = []Annotation{}
	}
	if b.Relations == nil {
		b.Relations = []Relation{}
	}
	if b.Memos == nil {
		b.Memos = []Memo{}
	}
	if b.Sets == nil {
		b.Sets = []Set{}
	}
	for i := range b.Sets {
		if b.Sets[i].DocumentIDs == nil {
			b.Sets[i].DocumentIDs = []string{}
		}
	}
}
