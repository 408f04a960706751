package storage

// Tallies are the grouped counts analyses are built from (package
// storage/report): how many quotes, claims or coded spans fall in each
// group of some dimensions (speaker, gender, outlet, code, ...), counted by
// the backend without reading the annotations into memory.

// TallyUnit is what a tally counts.
type TallyUnit string

// The units a tally counts.
const (
	// TallyQuotes counts quotes; Words sums the words quoted.
	TallyQuotes TallyUnit = "quotes"
	// TallyClaims counts claims; Words sums their words.
	TallyClaims TallyUnit = "claims"
	// TallyCoded counts the spans of any kind that carry a code.
	TallyCoded TallyUnit = "coded"
	// TallySpanPairs counts, for each pair of codes, the spans carrying
	// both; its keys are the two codes (By is empty or DimCode twice),
	// in both orders, and a code paired with itself counts the spans
	// carrying it.
	TallySpanPairs TallyUnit = "span_pairs"
	// TallyDocumentPairs counts, for each pair of codes, the documents
	// where both are applied (on any spans), keyed as TallySpanPairs; a
	// code paired with itself counts the documents where it is applied.
	TallyDocumentPairs TallyUnit = "document_pairs"
	// TallyDocuments counts documents.
	TallyDocuments TallyUnit = "documents"
)

// TallyDim is a dimension a tally groups by. Its key for a unit is a
// speaker id, a code id, or the stored value (gender, outlet, the
// published date as given, ...).
type TallyDim string

// The dimensions. Speaker dimensions apply to quotes (the speaker they
// are said by) and claims (the speaker they are claimed by); a quote
// linked to two speakers counts once in each of their groups.
const (
	DimSpeaker     TallyDim = "speaker"
	DimGender      TallyDim = "gender"
	DimSpeakerType TallyDim = "type"
	DimRole        TallyDim = "role"
	DimAffiliation TallyDim = "affiliation"
	DimCountry     TallyDim = "country"
	DimOutlet      TallyDim = "outlet"
	DimSection     TallyDim = "section"
	DimPublished   TallyDim = "published" // the published date as stored; reports bucket it by week or month
	DimStatus      TallyDim = "status"
	DimCoder       TallyDim = "coder" // annotator id
	DimCode        TallyDim = "code"  // a code on the counted span (one group per code)
	DimWorthiness  TallyDim = "check_worthiness"
	DimVerdict     TallyDim = "verdict"
	DimQuoteType   TallyDim = "quote_type"
)

// SpeakerDims are the dimensions that describe a quote's or claim's
// speaker.
var SpeakerDims = []TallyDim{DimSpeaker, DimGender, DimSpeakerType, DimRole, DimAffiliation, DimCountry}

// NoValue is the key of the group of units with no value for a dimension:
// quotes without a speaker (for DimSpeaker and the speaker attributes) and
// claims without a check-worthiness or verdict. A speaker whose gender is
// not set is in the group "" instead.
const NoValue = "\x00"

// TallyScope selects the documents and the layer a tally counts. Empty
// fields select everything. Whatever the scope, detector suggestions not
// accepted are never counted.
type TallyScope struct {
	SetID       string   // only the documents of this set
	Outlets     []string // only documents of these outlets
	Published   []string // only documents whose published value (as stored) is one of these
	Statuses    []string // only documents with these statuses
	DocumentIDs []string // only these documents
	AnnotatorID string   // only this coder's annotations (a coder's layer, or the gold one)
}

// TallyQuery asks for a tally: the unit counted, grouped by the
// dimensions By (none: one total), within Scope.
type TallyQuery struct {
	Unit  TallyUnit
	By    []TallyDim
	Scope TallyScope
}

// TallyRow is one group of a tally: its keys (one per dimension, in the
// order of By), how many units it holds and their words.
type TallyRow struct {
	Keys  []string
	Count int
	Words int
}
