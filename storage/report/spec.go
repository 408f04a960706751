package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Dim is a dimension a report groups by: a speaker attribute, a detail of
// the document, a time bucket, a code, a claim's rating.
type Dim string

// The dimensions.
const (
	BySpeaker     Dim = "speaker"
	ByGender      Dim = "gender"
	ByType        Dim = "type"
	ByRole        Dim = "role"
	ByAffiliation Dim = "affiliation"
	ByCountry     Dim = "country"
	ByOutlet      Dim = "outlet"
	BySection     Dim = "section"
	ByMonth       Dim = "month" // from the documents' published dates
	ByWeek        Dim = "week"  // ISO weeks, from the published dates
	ByStatus      Dim = "status"
	ByCoder       Dim = "coder"
	ByCode        Dim = "code"
	ByWorthiness  Dim = "check-worthiness"
	ByVerdict     Dim = "verdict"
	ByQuoteType   Dim = "quote-type"
)

// Dims lists every dimension, in the order the command line's help names
// them.
var Dims = []Dim{BySpeaker, ByGender, ByType, ByRole, ByAffiliation, ByCountry, ByOutlet, BySection, ByMonth, ByWeek,
	ByStatus, ByCoder, ByCode, ByWorthiness, ByVerdict, ByQuoteType}

// tallyDims maps each dimension to the backend's.
var tallyDims = map[Dim]storage.TallyDim{
	BySpeaker: storage.DimSpeaker, ByGender: storage.DimGender, ByType: storage.DimSpeakerType, ByRole: storage.DimRole,
	ByAffiliation: storage.DimAffiliation, ByCountry: storage.DimCountry, ByOutlet: storage.DimOutlet, BySection: storage.DimSection,
	ByMonth: storage.DimPublished, ByWeek: storage.DimPublished, ByStatus: storage.DimStatus, ByCoder: storage.DimCoder,
	ByCode: storage.DimCode, ByWorthiness: storage.DimWorthiness, ByVerdict: storage.DimVerdict, ByQuoteType: storage.DimQuoteType,
}

// ParseDim reads a dimension's name ("gender", "check-worthiness"; "_"
// for "-" and any case accepted).
func ParseDim(s string) (Dim, error) {
	if strings.EqualFold(strings.TrimSpace(s), "worthiness") {
		return ByWorthiness, nil
	}
	return parseName(s, Dims, "no report dimension %q (use %s)")
}

// parseName reads one of names, normalised (case, "_" for "-"), or says
// which it could have been with format (the value, then the names).
func parseName[T ~string](s string, names []T, format string) (T, error) {
	v := T(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"))
	if slices.Contains(names, v) {
		return v, nil
	}
	list := make([]string, len(names))
	for i, x := range names {
		list[i] = string(x)
	}
	return "", fmt.Errorf(format, s, strings.Join(list, ", "))
}

// time reports whether d buckets the published dates.
func (d Dim) time() bool { return d == ByMonth || d == ByWeek }

// Count is what a report counts.
type Count string

// What reports count.
const (
	CountQuotes    Count = "quotes"
	CountClaims    Count = "claims"
	CountCoded     Count = "coded"          // spans of any kind carrying a code
	CountSpanPairs Count = "span-pairs"     // codes on the same span (co-occurrence)
	CountDocPairs  Count = "document-pairs" // codes in the same document (co-occurrence)
	CountDocuments Count = "documents"
)

var tallyUnits = map[Count]storage.TallyUnit{
	CountQuotes: storage.TallyQuotes, CountClaims: storage.TallyClaims, CountCoded: storage.TallyCoded,
	CountSpanPairs: storage.TallySpanPairs, CountDocPairs: storage.TallyDocumentPairs, CountDocuments: storage.TallyDocuments,
}

// Counts lists what reports count.
var Counts = []Count{CountQuotes, CountClaims, CountCoded, CountSpanPairs, CountDocPairs, CountDocuments}

// ParseCount reads what to count.
func ParseCount(s string) (Count, error) {
	return parseName(s, Counts, "cannot count %q (use %s)")
}

// Filter selects the documents and the layer a report counts. Empty
// fields select everything.
type Filter struct {
	Set      string   `json:"set,omitempty"`      // a document set, by name or id
	Outlets  []string `json:"outlets,omitempty"`  // documents of these outlets
	From     string   `json:"from,omitempty"`     // published on or after (any format storage.ParseDate reads)
	To       string   `json:"to,omitempty"`       // published on or before
	Statuses []string `json:"statuses,omitempty"` // documents with these statuses (new, in_progress, done)
	Layer    string   `json:"layer,omitempty"`    // one coder's annotations (a coder's name or id: the gold layer's, say)
}

// Spec describes a report: what it counts, grouped by which dimensions
// (the first gives the rows, the second the columns), in which documents.
type Spec struct {
	Title  string `json:"title"` // optional; a title is made from the rest when empty
	Count  Count  `json:"count"` // what is counted; inferred from By when empty
	By     []Dim  `json:"by"`    // at most two
	Filter Filter `json:"filter"`
}

// Resolve fills in what the spec leaves to inference and checks it:
// counting claims when a claim rating is a dimension, co-occurrence on
// the same span for code by code, coded spans for code alone, quotes
// otherwise.
func (s Spec) Resolve() (Spec, error) {
	if len(s.By) > 2 {
		return s, fmt.Errorf("a report has at most two dimensions (rows and columns), not %d", len(s.By))
	}
	pair := len(s.By) == 2 && s.By[0] == ByCode && s.By[1] == ByCode
	if len(s.By) == 2 && s.By[0] == s.By[1] && !pair {
		return s, fmt.Errorf("%s twice: give two different dimensions", s.By[0])
	}
	if len(s.By) == 2 && s.By[0].time() && s.By[1].time() {
		return s, fmt.Errorf("month and week together: give one of them")
	}
	if s.Count == "" {
		switch {
		case slices.Contains(s.By, ByWorthiness) || slices.Contains(s.By, ByVerdict):
			s.Count = CountClaims
		case pair:
			s.Count = CountSpanPairs
		case slices.Equal(s.By, []Dim{ByCode}):
			s.Count = CountCoded
		default:
			s.Count = CountQuotes
		}
	}
	if _, ok := tallyUnits[s.Count]; !ok {
		return s, fmt.Errorf("cannot count %q", s.Count)
	}
	if (s.Count == CountSpanPairs || s.Count == CountDocPairs) && !pair {
		return s, fmt.Errorf("co-occurrence (%s) is reported by code and code: give --by code --by code", s.Count)
	}
	if pair && s.Count != CountSpanPairs && s.Count != CountDocPairs {
		return s, fmt.Errorf("code by code counts co-occurrence: count %s or %s", CountSpanPairs, CountDocPairs)
	}
	for _, d := range s.By {
		if _, ok := tallyDims[d]; !ok {
			return s, fmt.Errorf("no report dimension %q", d)
		}
		if speakerDim(d) && s.Count != CountQuotes && s.Count != CountClaims {
			return s, fmt.Errorf("%s applies to quotes and claims, not to %s", d, s.Count)
		}
		if s.Count == CountDocuments && !documentDim(d) {
			return s, fmt.Errorf("documents have no %s", d)
		}
	}
	if s.Title == "" {
		s.Title = s.title()
	}
	return s, nil
}

func speakerDim(d Dim) bool {
	return slices.Contains(storage.SpeakerDims, tallyDims[d])
}

func documentDim(d Dim) bool {
	return d == ByOutlet || d == BySection || d.time() || d == ByStatus
}

// title names a resolved spec: "Quotes by outlet and gender".
func (s Spec) title() string {
	what := map[Count]string{CountQuotes: "Quotes", CountClaims: "Claims", CountCoded: "Coded spans",
		CountSpanPairs: "Codes on the same span", CountDocPairs: "Codes in the same document", CountDocuments: "Documents"}[s.Count]
	if s.Count == CountSpanPairs || s.Count == CountDocPairs || len(s.By) == 0 {
		return what
	}
	names := make([]string, len(s.By))
	for i, d := range s.By {
		names[i] = strings.ReplaceAll(string(d), "-", " ")
	}
	return what + " by " + strings.Join(names, " and ")
}

// Standard lists the tables of the Reports view, with the filter f.
func Standard(f Filter) []Spec {
	specs := []Spec{
		{Title: "Quotes by speaker", By: []Dim{BySpeaker}},
		{Title: "Quotes by gender", By: []Dim{ByGender}},
		{Title: "Quotes by speaker type", By: []Dim{ByType}},
		{Title: "Quotes by role", By: []Dim{ByRole}},
		{Title: "Quotes by affiliation", By: []Dim{ByAffiliation}},
		{Title: "Quotes by country", By: []Dim{ByCountry}},
		{Title: "Share of voice: quotes by outlet and gender", By: []Dim{ByOutlet, ByGender}},
		{Title: "Quotes by month", By: []Dim{ByMonth}},
		{Title: "Quotes by month and gender", By: []Dim{ByMonth, ByGender}},
		{Title: "Codes: coded spans by code", By: []Dim{ByCode}},
		{Title: "Quotes by code and gender", By: []Dim{ByCode, ByGender}},
		{Title: "Codes on the same span", Count: CountSpanPairs, By: []Dim{ByCode, ByCode}},
		{Title: "Codes in the same document", Count: CountDocPairs, By: []Dim{ByCode, ByCode}},
		{Title: "Claims by speaker and check-worthiness", By: []Dim{BySpeaker, ByWorthiness}},
		{Title: "Claims by speaker and verdict", By: []Dim{BySpeaker, ByVerdict}},
	}
	for i := range specs {
		specs[i].Filter = f
	}
	return specs
}
