package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// SetMemo creates or replaces the memo of a document by an annotator; an
// empty text deletes it.
func (p *Project) SetMemo(ctx context.Context, documentID, annotatorID, text string) error {
	return p.write(ctx, "Edit memo", func(q querier) error {
		if strings.TrimSpace(text) == "" {
			_, err := q.ExecContext(bg, "DELETE FROM memos WHERE document_id = ? AND annotator_id = ?", documentID, annotatorID)
			return err
		}
		t := fmtTime(now())
		res, err := q.ExecContext(bg, "UPDATE memos SET text = ?, modified = ? WHERE document_id = ? AND annotator_id = ?", text, t, documentID, annotatorID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		return insertMemo(q, storage.Memo{ID: storage.NewID(), DocumentID: documentID, AnnotatorID: annotatorID, Text: text, Created: parseTime(t), Modified: parseTime(t)})
	})
}

func insertMemo(q querier, m storage.Memo) error {
	_, err := q.ExecContext(bg, "INSERT INTO memos(id, document_id, annotator_id, text, created, modified) VALUES (?,?,?,?,?,?)",
		m.ID, m.DocumentID, m.AnnotatorID, m.Text, fmtTime(m.Created), fmtTime(m.Modified))
	if err != nil {
		return explainConstraint(err, fmt.Sprintf("memo %s", m.ID))
	}
	return nil
}

// Memos lists the memos of a document, or of all documents when
// documentID is "".
func (p *Project) Memos(ctx context.Context, documentID string) ([]storage.Memo, error) {
	q := memoQuery + " JOIN documents d ON d.id = m.document_id"
	var args []any
	if documentID != "" {
		q += " WHERE m.document_id = ?"
		args = append(args, documentID)
	}
	q += " ORDER BY d.seq, m.created, m.id"
	return queryAll(p.db, q, args, scanMemo)
}

const memoQuery = "SELECT m.id, m.document_id, m.annotator_id, m.text, m.created, m.modified FROM memos m"

func scanMemo(r scanner) (storage.Memo, error) {
	var m storage.Memo
	var c, mod string
	err := r.Scan(&m.ID, &m.DocumentID, &m.AnnotatorID, &m.Text, &c, &mod)
	m.Created, m.Modified = parseTime(c), parseTime(mod)
	return m, err
}
