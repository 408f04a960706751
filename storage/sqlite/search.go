package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// maxHits bounds a corpus search.
const maxHits = 500

// Search finds the documents that contain query as a phrase (SQLite FTS5)
// and returns each occurrence, case-insensitive, with up to 40 code points
// of context each side (keyword in context).
func (p *Project) Search(ctx context.Context, query string) ([]storage.Hit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	// FTS5 yields matches in rowid (import) order as it finds them: the
	// search stops reading at the cap instead of collecting every match.
	rows, err := p.db.QueryContext(ctx, `SELECT d.id, d.title, d.text FROM documents_fts f JOIN documents d ON d.seq = f.rowid
		WHERE documents_fts MATCH ? ORDER BY f.rowid`, ftsPhrase(query))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, schemaChanged(err))
	}
	defer rows.Close()
	var hits []storage.Hit
	for rows.Next() && len(hits) < maxHits {
		var id, title, text string
		if err := rows.Scan(&id, &title, &text); err != nil {
			return nil, err
		}
		var runes []rune
		for _, r := range storage.FindAll(text, query) {
			if len(hits) == maxHits {
				break
			}
			if runes == nil {
				runes = []rune(text)
			}
			hits = append(hits, kwic(id, title, runes, r))
		}
	}
	return hits, rows.Err()
}

// ftsPhrase quotes the query as one FTS5 phrase, so user input is never
// parsed as FTS syntax; its last word may be a prefix.
func ftsPhrase(q string) string {
	return `"` + strings.ReplaceAll(q, `"`, `""`) + `"*`
}

func kwic(id, title string, text []rune, r storage.Range) storage.Hit {
	const ctx = 40
	b := max(r.Start-ctx, 0)
	a := min(r.End+ctx, len(text))
	clean := func(s []rune) string { return strings.Join(strings.Fields(string(s)), " ") }
	return storage.Hit{DocumentID: id, DocumentTitle: title, Start: r.Start, End: r.End,
		Before: clean(text[b:r.Start]), Match: string(text[r.Start:r.End]), After: clean(text[r.End:a])}
}
