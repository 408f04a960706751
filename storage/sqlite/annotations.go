package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// AddAnnotation stores a new annotation on a document. Start and End are
// checked against the text, and Text, Prefix and Suffix are taken from it
// (any values passed in are replaced). ID, timestamps and Origin are filled
// in when empty. AnnotatorID is required.
func (p *Project) AddAnnotation(ctx context.Context, a storage.Annotation) (storage.Annotation, error) {
	err := p.write(ctx, "Add "+storage.KindLabel(a.Kind), func(q querier) error {
		var err error
		a, err = p.addAnnotation(q, a)
		return err
	})
	return a, err
}

// prepareAnnotation validates a and fills its derived fields.
func (p *Project) prepareAnnotation(q querier, a storage.Annotation) (storage.Annotation, error) {
	if !a.Kind.Valid() {
		return a, fmt.Errorf("annotation kind %q: %w", a.Kind, storage.ErrInvalid)
	}
	if a.AnnotatorID == "" {
		return a, fmt.Errorf("annotation: %w: no annotator", storage.ErrInvalid)
	}
	ix, err := p.textIndex(q, a.DocumentID)
	if err != nil {
		return a, err
	}
	if err := ix.Check(a.Start, a.End); err != nil {
		return a, fmt.Errorf("annotation: %w: %v", storage.ErrInvalid, err)
	}
	if a.Start == a.End {
		return a, fmt.Errorf("annotation: %w: empty span", storage.ErrInvalid)
	}
	if len(a.Ranges) == 1 {
		a.Ranges = nil
	}
	if err := storage.CheckRanges(a.Start, a.End, a.Ranges); err != nil {
		return a, fmt.Errorf("annotation: %w", err)
	}
	a.Text = ix.Slice(a.Start, a.End)
	a.Prefix, a.Suffix = ix.Context(a.Start, a.End)
	if a.ID == "" {
		a.ID = storage.NewID()
	}
	t := now()
	if a.Created.IsZero() {
		a.Created = t
	}
	if a.Modified.IsZero() {
		a.Modified = a.Created
	}
	if a.Origin == "" {
		a.Origin = storage.OriginHuman
	}
	sort.Strings(a.Codes)
	return a, nil
}

func (p *Project) addAnnotation(q querier, a storage.Annotation) (storage.Annotation, error) {
	a, err := p.prepareAnnotation(q, a)
	if err != nil {
		return a, err
	}
	ranges, attrs := encodeRanges(a.Ranges), encodeAttrs(a.Attrs)
	_, err = q.ExecContext(bg, `INSERT INTO annotations(id, document_id, kind, start, end, ranges, text, prefix, suffix, attrs, speaker_id, note, annotator_id, created, modified, origin, state)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.DocumentID, string(a.Kind), a.Start, a.End, ranges, a.Text, a.Prefix, a.Suffix, attrs, nullable(a.SpeakerID),
		a.Note, a.AnnotatorID, fmtTime(a.Created), fmtTime(a.Modified), a.Origin, a.State)
	if err != nil {
		return a, explainConstraint(err, "annotation "+a.ID)
	}
	return a, setCodes(q, a.ID, a.Codes)
}

func encodeRanges(r []storage.Range) string {
	if len(r) == 0 {
		return ""
	}
	b, _ := json.Marshal(r)
	return string(b)
}

func encodeAttrs(m map[string]string) string {
	if len(m) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(m)
	return string(b)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func setCodes(q querier, annID string, codes []string) error {
	if _, err := q.ExecContext(bg, "DELETE FROM annotation_codes WHERE annotation_id = ?", annID); err != nil {
		return err
	}
	for _, c := range codes {
		if _, err := q.ExecContext(bg, "INSERT OR IGNORE INTO annotation_codes(annotation_id, code_id) VALUES (?, ?)", annID, c); err != nil {
			return explainConstraint(err, "code "+c)
		}
	}
	return nil
}

const annotationCols = `a.id, a.document_id, a.kind, a.start, a.end, a.ranges, a.text, a.prefix, a.suffix, a.attrs,
	coalesce(a.speaker_id, ''), a.note, a.annotator_id, a.created, a.modified, a.origin, a.state,
	coalesce((SELECT group_concat(code_id, ' ') FROM (SELECT code_id FROM annotation_codes c WHERE c.annotation_id = a.id ORDER BY code_id)), '')`

func scanAnnotation(r scanner) (storage.Annotation, error) {
	var a storage.Annotation
	var kind, ranges, attrs, created, modified, codes string
	err := r.Scan(&a.ID, &a.DocumentID, &kind, &a.Start, &a.End, &ranges, &a.Text, &a.Prefix, &a.Suffix, &attrs,
		&a.SpeakerID, &a.Note, &a.AnnotatorID, &created, &modified, &a.Origin, &a.State, &codes)
	if err != nil {
		return a, err
	}
	a.Kind = storage.Kind(kind)
	a.Created, a.Modified = parseTime(created), parseTime(modified)
	if ranges != "" {
		if err := json.Unmarshal([]byte(ranges), &a.Ranges); err != nil {
			return a, storedField("annotation", a.ID, "parts", err)
		}
	}
	if attrs != "" && attrs != "{}" {
		if err := json.Unmarshal([]byte(attrs), &a.Attrs); err != nil {
			return a, storedField("annotation", a.ID, "attributes", err)
		}
	}
	if codes != "" {
		a.Codes = strings.Fields(codes)
	}
	return a, nil
}

// Annotation returns one annotation.
func (p *Project) Annotation(ctx context.Context, id string) (storage.Annotation, error) {
	return getAnnotation(p.db, id)
}

func getAnnotation(q querier, id string) (storage.Annotation, error) {
	a, err := scanAnnotation(q.QueryRowContext(bg, "SELECT "+annotationCols+" FROM annotations a WHERE a.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("annotation %s: %w", id, storage.ErrNotFound)
	}
	return a, schemaChanged(err)
}

// Annotations lists the annotations matching f, by document and position.
func (p *Project) Annotations(ctx context.Context, f storage.Filter) ([]storage.Annotation, error) {
	where, args := annotationWhere(f)
	q := "SELECT " + annotationCols + " FROM annotations a JOIN documents d ON d.id = a.document_id" + where +
		" ORDER BY d.seq, a.start, a.end DESC, a.id"
	if f.Limit > 0 || f.Offset > 0 {
		q += " LIMIT ? OFFSET ?"
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		args = append(args, limit, f.Offset)
	}
	return queryAll(p.db, q, args, scanAnnotation)
}

// CountAnnotations counts the annotations matching f.
func (p *Project) CountAnnotations(ctx context.Context, f storage.Filter) (int, error) {
	where, args := annotationWhere(f)
	var n int
	err := p.db.QueryRowContext(ctx, "SELECT count(*) FROM annotations a"+where, args...).Scan(&n)
	return n, schemaChanged(err)
}

// annotationWhere is the condition on annotations a that f sets.
func annotationWhere(f storage.Filter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, v string) {
		if v != "" {
			where = append(where, cond)
			args = append(args, v)
		}
	}
	add("a.document_id = ?", f.DocumentID)
	add("a.kind = ?", string(f.Kind))
	add("a.annotator_id = ?", f.AnnotatorID)
	add("EXISTS (SELECT 1 FROM annotation_codes c WHERE c.annotation_id = a.id AND c.code_id = ?)", f.CodeID)
	if f.SpeakerID != "" {
		where = append(where, `(a.speaker_id = ? OR a.id IN (SELECT r.source_id FROM relations r
			LEFT JOIN annotations m ON m.id = r.target_annotation_id
			WHERE r.target_speaker_id = ? OR m.speaker_id = ?))`)
		args = append(args, f.SpeakerID, f.SpeakerID, f.SpeakerID)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// UpdateAnnotation saves a changed annotation: kind, bounds, attributes,
// speaker, codes, note, state. Text, prefix and suffix follow the bounds.
func (p *Project) UpdateAnnotation(ctx context.Context, a storage.Annotation) (storage.Annotation, error) {
	err := p.write(ctx, "Edit "+storage.KindLabel(a.Kind), func(q querier) error {
		old, err := getAnnotation(q, a.ID)
		if err != nil {
			return err
		}
		a.DocumentID, a.Created, a.AnnotatorID = old.DocumentID, old.Created, old.AnnotatorID
		if a.Origin == "" {
			a.Origin = old.Origin
		}
		a.Modified = now()
		if a, err = p.prepareAnnotation(q, a); err != nil {
			return err
		}
		if err := checkRelationsStillLegal(q, a); err != nil {
			return err
		}
		_, err = q.ExecContext(bg, `UPDATE annotations SET kind=?, start=?, end=?, ranges=?, text=?, prefix=?, suffix=?, attrs=?, speaker_id=?, note=?, modified=?, origin=?, state=? WHERE id=?`,
			string(a.Kind), a.Start, a.End, encodeRanges(a.Ranges), a.Text, a.Prefix, a.Suffix, encodeAttrs(a.Attrs), nullable(a.SpeakerID),
			a.Note, fmtTime(a.Modified), a.Origin, a.State, a.ID)
		if err != nil {
			return explainConstraint(err, "annotation "+a.ID)
		}
		return setCodes(q, a.ID, a.Codes)
	})
	return a, err
}

// DeleteAnnotation removes an annotation, its codes and the relations that
// involve it.
func (p *Project) DeleteAnnotation(ctx context.Context, id string) error {
	return p.write(ctx, "Delete annotation", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM annotations WHERE id = ?", id)
		return mustAffect(res, err, "annotation", id)
	})
}

// ToggleCode adds code to the annotation, or removes it if present, and
// reports whether the code is now applied.
func (p *Project) ToggleCode(ctx context.Context, annotationID, codeID string) (bool, error) {
	var on bool
	err := p.write(ctx, "Apply code", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM annotation_codes WHERE annotation_id = ? AND code_id = ?", annotationID, codeID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return touch(q, annotationID)
		}
		on = true
		if _, err := q.ExecContext(bg, "INSERT INTO annotation_codes(annotation_id, code_id) VALUES (?, ?)", annotationID, codeID); err != nil {
			return explainConstraint(err, "code "+codeID)
		}
		return touch(q, annotationID)
	})
	return on, err
}

func touch(q querier, annotationID string) error {
	_, err := q.ExecContext(bg, "UPDATE annotations SET modified = ? WHERE id = ?", fmtTime(now()), annotationID)
	return err
}
