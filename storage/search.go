package storage

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Hit is one match of a corpus search with keyword-in-context.
type Hit struct {
	DocumentID           string
	DocumentTitle        string
	Start, End           int // code points of the match in the document
	Before, Match, After string
}

// maxHits bounds a corpus search.
const maxHits = 500

// Search finds the documents that contain query as a phrase (SQLite FTS5)
// and returns each occurrence, case-insensitive, with up to 40 code points
// of context each side (keyword in context).
func (p *Project) Search(query string) ([]Hit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	rows, err := p.db.Query(`SELECT d.id, d.title, d.text FROM documents_fts f JOIN documents d ON d.seq = f.rowid
		WHERE documents_fts MATCH ? ORDER BY d.seq`, ftsPhrase(query))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, schemaChanged(err))
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() && len(hits) < maxHits {
		var id, title, text string
		if err := rows.Scan(&id, &title, &text); err != nil {
			return nil, err
		}
		for _, r := range FindAll(text, query) {
			if len(hits) == maxHits {
				break
			}
			hits = append(hits, kwic(id, title, []rune(text), r))
		}
	}
	return hits, rows.Err()
}

// ftsPhrase quotes the query as one FTS5 phrase, so user input is never
// parsed as FTS syntax; its last word may be a prefix.
func ftsPhrase(q string) string {
	return `"` + strings.ReplaceAll(q, `"`, `""`) + `"*`
}

func kwic(id, title string, text []rune, r Range) Hit {
	const ctx = 40
	b := max(r.Start-ctx, 0)
	a := min(r.End+ctx, len(text))
	clean := func(s []rune) string { return strings.Join(strings.Fields(string(s)), " ") }
	return Hit{DocumentID: id, DocumentTitle: title, Start: r.Start, End: r.End,
		Before: clean(text[b:r.Start]), Match: string(text[r.Start:r.End]), After: clean(text[r.End:a])}
}

// FindAll returns the code-point ranges of every case-insensitive,
// non-overlapping occurrence of needle in text.
func FindAll(text, needle string) []Range {
	if needle == "" {
		return nil
	}
	lt, ln := strings.ToLower(text), strings.ToLower(needle)
	if len(lt) != len(text) || len(ln) != len(needle) {
		return findAllRunes([]rune(text), []rune(needle))
	}
	var out []Range
	cp, last := 0, 0
	for i := 0; ; {
		j := strings.Index(lt[i:], ln)
		if j < 0 {
			return out
		}
		s := i + j
		cp += utf8.RuneCountInString(text[last:s])
		n := utf8.RuneCountInString(text[s : s+len(ln)])
		out = append(out, Range{cp, cp + n})
		cp += n
		i, last = s+len(ln), s+len(ln)
	}
}

// findAllRunes is FindAll for texts whose lower case changes byte length.
func findAllRunes(text, needle []rune) []Range {
	low := func(rs []rune) []rune {
		out := make([]rune, len(rs))
		for i, r := range rs {
			out[i] = []rune(strings.ToLower(string(r)))[0]
		}
		return out
	}
	t, n := low(text), low(needle)
	var out []Range
	for i := 0; i+len(n) <= len(t); {
		if string(t[i:i+len(n)]) == string(n) {
			out = append(out, Range{i, i + len(n)})
			i += len(n)
		} else {
			i++
		}
	}
	return out
}
