package tabular

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// CSVOptions control ExportCSV.
type CSVOptions struct {
	// BOM starts the file with a UTF-8 byte-order mark, which Excel needs to
	// read UTF-8.
	BOM bool
	// EscapeFormulas prefixes cells that start with = + - @ (or a tab or
	// carriage return) with an apostrophe, so a spreadsheet does not run
	// article text as a formula (CSV injection). Leave it off for pandas/R.
	EscapeFormulas bool
}

// CSVHeader is the header row of ExportCSV. Offsets are code points.
var CSVHeader = []string{"document_id", "document_title", "quote_id", "speaker", "speaker_role",
	"speaker_affiliation", "quote", "quote_type", "cue", "start", "end", "codes", "claim_ids",
	"annotator", "note"}

// ExportCSV writes one row per quote, in document and text order. A quote's
// speaker is its said_by target (a registry speaker directly or through a
// speaker mention; the mention's text when that is not linked); cue is the
// text of the cues linked to it, claim_ids the claims stated in it, codes
// the code names; several values are joined with "; ".
func ExportCSV(b *storage.Bundle, w io.Writer, opts CSVOptions) error {
	if opts.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	x := lookup.New(b)
	for i := range b.Annotations {
		a := &b.Annotations[i]
		if a.Kind != storage.KindQuote {
			continue
		}
		row := quoteRow(x, a)
		if opts.EscapeFormulas {
			for j := range row {
				row[j] = escapeFormula(row[j])
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func quoteRow(x *lookup.Index, q *storage.Annotation) []string {
	var title, name, role, aff string
	if d := x.Docs[q.DocumentID]; d != nil {
		title = d.Title
	}
	if w, ok := x.SpeakerOf(q); ok {
		name = w.Name
		if w.Speaker != nil {
			role, aff = w.Speaker.Role, w.Speaker.Affiliation
		}
	}
	var cues, claims []string
	for _, c := range x.Linked(q.ID, storage.RelCueOf) {
		cues = append(cues, c.Text)
	}
	for _, c := range x.Linked(q.ID, storage.RelStatedIn) {
		claims = append(claims, c.ID)
	}
	return []string{q.DocumentID, title, q.ID, name, role, aff, q.Text, q.Attrs[storage.AttrQuoteType],
		strings.Join(cues, "; "), strconv.Itoa(q.Start), strconv.Itoa(q.End),
		strings.Join(x.CodeNames(q.Codes), "; "), strings.Join(claims, "; "),
		x.AnnotatorName(q.AnnotatorID), q.Note}
}

func escapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
