package storage

import (
	"encoding/json"
	"time"
)

// SuggestionCounts counts detector suggestions by what coders did with
// them.
type SuggestionCounts struct {
	Pending   int `json:"pending"`   // awaiting a decision
	Accepted  int `json:"accepted"`  // accepted and not changed since
	Corrected int `json:"corrected"` // accepted, then edited
	Rejected  int `json:"rejected"`
}

// Total is the number of suggestions counted.
func (c SuggestionCounts) Total() int { return c.Pending + c.Accepted + c.Corrected + c.Rejected }

// count adds one suggestion in state; an accepted one modified after its
// acceptance counts as corrected.
func (c *SuggestionCounts) count(state string, accepted, modified time.Time) {
	switch state {
	case StateSuggested:
		c.Pending++
	case StateRejected:
		c.Rejected++
	case StateAccepted:
		if !accepted.IsZero() && modified.After(accepted) {
			c.Corrected++
		} else {
			c.Accepted++
		}
	}
}

// SuggestionStats counts the detector's quote suggestions, and all its
// suggestions (quotes, cues and mentions), by what coders did with them.
func (p *Project) SuggestionStats() (quotes, all SuggestionCounts, err error) {
	rows, err := p.db.Query("SELECT kind, state, attrs, modified FROM annotations WHERE origin = ?", OriginDetector)
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
		json.Unmarshal([]byte(attrs), &m)
		accepted, mod := parseTime(m[AttrAccepted]), parseTime(modified)
		all.count(state, accepted, mod)
		if Kind(kind) == KindQuote {
			quotes.count(state, accepted, mod)
		}
	}
	return quotes, all, rows.Err()
}
