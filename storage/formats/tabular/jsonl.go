// Package tabular writes Saywho data for analysis tools: JSON Lines with one
// document a line (pandas.read_json(lines=True), doccano-like ML tooling)
// and CSV with one row per quote (spreadsheets, R, QualCoder users).
package tabular

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
	"github.com/saywho-app/saywho/storage/textutil"
)

// JSONLOptions control ExportJSONL.
type JSONLOptions struct {
	// OffsetUnit is the unit of every start/end written; "" means code
	// points. Each line names it in "offset_unit".
	OffsetUnit textutil.OffsetUnit
}

// Document is one line of the JSON Lines export.
type Document struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Metadata   map[string]string `json:"metadata"`
	Text       string            `json:"text"`
	OffsetUnit string            `json:"offset_unit"`
	Spans      []Span            `json:"spans"`
	Relations  []Relation        `json:"relations"`
	Memos      []Memo            `json:"memos"`
}

// Span is an annotation of a Document line.
type Span struct {
	ID          string            `json:"id"`
	Kind        string            `json:"kind"`
	Start       int               `json:"start"`
	End         int               `json:"end"`
	Ranges      []storage.Range   `json:"ranges,omitempty"`
	Text        string            `json:"text"`
	Attributes  map[string]string `json:"attributes"`
	Codes       []string          `json:"codes"`
	Speaker     string            `json:"speaker,omitempty"`    // resolved speaker name (mention text when unresolved)
	SpeakerID   string            `json:"speaker_id,omitempty"` // registry speaker, when resolved
	Note        string            `json:"note,omitempty"`
	Annotator   string            `json:"annotator"`
	AnnotatorID string            `json:"annotator_id"`
	Origin      string            `json:"origin"`
	State       string            `json:"state,omitempty"`
	Created     time.Time         `json:"created"`
	Modified    time.Time         `json:"modified"`
}

// Relation is a link of a Document line. Target is an annotation id;
// TargetSpeaker a registry speaker id (with its name).
type Relation struct {
	ID                string `json:"id"`
	Type              string `json:"type"`
	Source            string `json:"source"`
	Target            string `json:"target,omitempty"`
	TargetSpeaker     string `json:"target_speaker,omitempty"`
	TargetSpeakerName string `json:"target_speaker_name,omitempty"`
	Annotator         string `json:"annotator"`
}

// Memo is a document note of a Document line.
type Memo struct {
	Annotator string `json:"annotator"`
	Text      string `json:"text"`
}

// ExportJSONL writes one JSON object per document and line.
func ExportJSONL(b *storage.Bundle, w io.Writer, opts JSONLOptions) error {
	unit, err := textutil.ParseOffsetUnit(string(opts.OffsetUnit))
	if err != nil {
		return err
	}
	x := lookup.New(b)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range b.Documents {
		line, err := documentLine(x, &b.Documents[i], unit)
		if err != nil {
			return err
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}

func documentLine(x *lookup.Index, d *storage.Document, unit textutil.OffsetUnit) (*Document, error) {
	ix := x.Text(d.ID)
	line := &Document{ID: d.ID, Title: d.Title, Metadata: metadata(d), Text: d.Text, OffsetUnit: string(unit),
		Spans: []Span{}, Relations: []Relation{}, Memos: []Memo{}}
	for _, a := range x.ByDoc[d.ID] {
		if err := ix.Check(a.Start, a.End); err != nil {
			return nil, fmt.Errorf("document %q, annotation %s: %w", d.Title, a.ID, err)
		}
		line.Spans = append(line.Spans, span(x, a, ix, unit))
		for _, r := range x.RelsFrom[a.ID] {
			line.Relations = append(line.Relations, relation(x, r))
		}
	}
	for _, m := range x.MemosByDoc[d.ID] {
		line.Memos = append(line.Memos, Memo{Annotator: x.AnnotatorName(m.AnnotatorID), Text: m.Text})
	}
	return line, nil
}

func span(x *lookup.Index, a *storage.Annotation, ix *textutil.Index, unit textutil.OffsetUnit) Span {
	s := Span{ID: a.ID, Kind: string(a.Kind), Start: ix.Convert(a.Start, unit), End: ix.Convert(a.End, unit),
		Text: a.Text, Attributes: a.Attrs, Codes: x.CodeNames(a.Codes), Note: a.Note,
		Annotator: x.AnnotatorName(a.AnnotatorID), AnnotatorID: a.AnnotatorID,
		Origin: a.Origin, State: a.State, Created: a.Created, Modified: a.Modified}
	if s.Attributes == nil {
		s.Attributes = map[string]string{}
	}
	for _, r := range a.Ranges {
		s.Ranges = append(s.Ranges, storage.Range{Start: ix.Convert(r.Start, unit), End: ix.Convert(r.End, unit)})
	}
	if w, ok := x.SpeakerOf(a); ok {
		s.Speaker = w.Name
		if w.Speaker != nil {
			s.SpeakerID = w.Speaker.ID
		}
	}
	return s
}

func relation(x *lookup.Index, r *storage.Relation) Relation {
	out := Relation{ID: r.ID, Type: string(r.Type), Source: r.SourceID, Target: r.TargetID,
		TargetSpeaker: r.TargetSpeakerID, Annotator: x.AnnotatorName(r.AnnotatorID)}
	if sp := x.Speakers[r.TargetSpeakerID]; sp != nil {
		out.TargetSpeakerName = sp.Name
	}
	return out
}

func metadata(d *storage.Document) map[string]string {
	m := map[string]string{"status": d.Status, "sha256": d.SHA256}
	for k, v := range map[string]string{"outlet": d.Outlet, "byline": d.Byline, "published": d.Published,
		"url": d.URL, "file_name": d.FileName, "format": d.Format} {
		if v != "" {
			m[k] = v
		}
	}
	if !d.Imported.IsZero() {
		m["imported"] = d.Imported.UTC().Format(time.RFC3339Nano)
	}
	return m
}
