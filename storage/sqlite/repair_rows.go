package sqlite

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// rowCheck passes a row read from a damaged project through the checks a
// normal insert into its table makes, and sets the columns that insert
// derives (a document's hash, an annotation's text and context) or fills
// in when empty. An error drops the row, with the error as the reason.
// A table without a rowCheck is checked by SQLite's own constraints
// only (NOT NULL, UNIQUE, CHECK, STRICT types, references); add one for a
// new table whose inserts check more than SQL says.
type rowCheck func(r *repairer, row map[string]any) error

var rowChecks = map[string]rowCheck{
	"documents":   checkDocumentRow,
	"annotations": checkAnnotationRow,
	"relations":   checkRelationRow,
	"speakers":    checkSpeakerRow,
	"codes":       checkCodeRow,
}

// checkDocumentRow checks a document as AddDocument does. Its hash and
// length are recomputed from the text; a hash that no longer matched the
// text is noted (its annotations are checked against the text as it is).
func checkDocumentRow(r *repairer, row map[string]any) error {
	d := storage.Document{ID: textOf(row, "id"), Title: textOf(row, "title"), Status: textOf(row, "status"), Text: textOf(row, "text"),
		Imported: timeOf(row, "imported")}
	got, err := prepareDocument(d)
	if err != nil {
		return err
	}
	if old, ok := row["sha256"]; ok && old != got.SHA256 {
		r.notef("document %q: its text no longer matched its SHA-256 (it was changed outside Saywho); kept as it is now, with a new hash", got.Title)
	}
	row["id"], row["title"], row["status"], row["text"] = got.ID, got.Title, got.Status, got.Text
	row["sha256"], row["length"], row["imported"] = got.SHA256, got.Length, fmtTime(got.Imported)
	return nil
}

// checkAnnotationRow checks an annotation as AddAnnotation does, against
// its document in the repaired project: a kind, a coder, a non-empty span
// inside the text, parts in order; the stored text must still be the text
// at its offsets.
func checkAnnotationRow(r *repairer, row map[string]any) error {
	a := storage.Annotation{ID: textOf(row, "id"), DocumentID: textOf(row, "document_id"), Kind: storage.Kind(textOf(row, "kind")),
		Start: intOf(row, "start"), End: intOf(row, "end"), AnnotatorID: textOf(row, "annotator_id"),
		Origin: textOf(row, "origin"), Created: timeOf(row, "created"), Modified: timeOf(row, "modified")}
	if s := textOf(row, "ranges"); s != "" {
		if err := json.Unmarshal([]byte(s), &a.Ranges); err != nil {
			return fmt.Errorf("annotation: %w: its parts cannot be read", storage.ErrInvalid)
		}
	}
	got, err := r.p.prepareAnnotation(r.q, a)
	if err != nil {
		return err
	}
	if old, ok := row["text"]; ok && old != got.Text {
		return fmt.Errorf("annotation: %w: its text no longer matches the document at its offsets", storage.ErrInvalid)
	}
	row["id"], row["ranges"], row["text"], row["prefix"], row["suffix"] = got.ID, encodeRanges(got.Ranges), got.Text, got.Prefix, got.Suffix
	row["origin"], row["created"], row["modified"] = got.Origin, fmtTime(got.Created), fmtTime(got.Modified)
	return nil
}

// checkRelationRow checks a link as Link does: both ends exist in one
// document and form a pair its type allows.
func checkRelationRow(r *repairer, row map[string]any) error {
	rel := storage.Relation{ID: textOf(row, "id"), Type: storage.RelationType(textOf(row, "type")), SourceID: textOf(row, "source_id"),
		TargetID: textOf(row, "target_annotation_id"), TargetSpeakerID: textOf(row, "target_speaker_id"),
		AnnotatorID: textOf(row, "annotator_id"), Created: timeOf(row, "created")}
	got, err := prepareRelation(r.q, rel)
	if errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("relation: an annotation it links was lost")
	}
	if err != nil {
		return err
	}
	row["id"], row["annotator_id"], row["created"] = got.ID, got.AnnotatorID, fmtTime(got.Created)
	return nil
}

// checkSpeakerRow checks a registry speaker as AddSpeaker does.
func checkSpeakerRow(_ *repairer, row map[string]any) error {
	s := storage.Speaker{Name: textOf(row, "name"), Wikidata: textOf(row, "wikidata")}
	if a := textOf(row, "aliases"); a != "" {
		if err := json.Unmarshal([]byte(a), &s.Aliases); err != nil {
			return fmt.Errorf("speaker %q: %w: its aliases cannot be read", s.Name, storage.ErrInvalid)
		}
	}
	got, err := prepareSpeaker(s)
	if err != nil {
		return err
	}
	aliases, _ := json.Marshal(got.Aliases)
	row["name"], row["aliases"] = got.Name, string(aliases)
	return nil
}

// checkCodeRow checks a code as AddCode does.
func checkCodeRow(_ *repairer, row map[string]any) error {
	c := storage.Code{ID: textOf(row, "id"), ParentID: textOf(row, "parent_id"), Name: textOf(row, "name"), Color: textOf(row, "color"),
		Shortcut: textOf(row, "shortcut")}
	got, err := prepareCode(c)
	if err != nil {
		return err
	}
	row["name"] = got.Name
	return nil
}

// textOf returns a column's value as text; "" for NULL or a column the
// damaged table lacked.
func textOf(row map[string]any, col string) string {
	switch v := row[col].(type) {
	case string:
		return v
	case []byte:
		return string(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return ""
}

// intOf returns a column's value as an integer; -1 when it is not one,
// which every span check refuses.
func intOf(row map[string]any, col string) int {
	switch v := row[col].(type) {
	case int64:
		return int(v)
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	}
	return -1
}

// timeOf returns a column's value as a time; zero when it is not one.
func timeOf(row map[string]any, col string) time.Time { return parseTime(textOf(row, col)) }
