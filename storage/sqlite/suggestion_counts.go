package sqlite

import (
	"context"
	"encoding/json"

	"github.com/saywho-app/saywho/storage"
)

// SuggestionStats counts the detector's quote suggestions, and all its
// suggestions (quotes, cues and mentions), by what coders did with them.
func (p *Project) SuggestionStats(ctx context.Context) (quotes, all storage.SuggestionCounts, err error) {
	rows, err := p.db.Query("SELECT kind, state, attrs, modified FROM annotations WHERE origin = ?", storage.OriginDetector)
	if err != nil {
		return quotes, all, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, state, attrs, modified string
		if err := rows.Scan(&kind, &state, &attrs, &modified); err != nil {
			return quotes, all, err
		}
		var m map[string]string
		if err := json.Unmarshal([]byte(attrs), &m); err != nil {
			return quotes, all, storedField("suggestion", "", "attributes", err)
		}
		accepted, mod := parseTime(m[storage.AttrAccepted]), parseTime(modified)
		all.Count(state, accepted, mod)
		if storage.Kind(kind) == storage.KindQuote {
			quotes.Count(state, accepted, mod)
		}
	}
	return quotes, all, rows.Err()
}
