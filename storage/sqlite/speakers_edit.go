package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// EditSpeakers sets the attributes e gives (nil fields stay as they are)
// on every speaker of ids, in one action that one undo reverses. An id
// that is not in the registry fails the whole edit. It returns how many
// speakers changed.
func (p *Project) EditSpeakers(ctx context.Context, ids []string, e storage.SpeakerEdit) (int, error) {
	if e.Empty() {
		return 0, fmt.Errorf("edit speakers: %w: no attribute to set", storage.ErrInvalid)
	}
	ids = uniqueIDs(ids)
	if len(ids) == 0 {
		return 0, nil
	}
	label := "Edit speaker"
	if len(ids) > 1 {
		label = fmt.Sprintf("Edit %d speakers", len(ids))
	}
	changed := 0
	err := p.write(ctx, label, func(q querier) error {
		t := fmtTime(now())
		for _, id := range ids {
			s, err := getSpeaker(q, id)
			if err != nil {
				return err
			}
			before := s
			for _, f := range []struct{ dst, src *string }{{&s.Gender, e.Gender}, {&s.Type, e.Type}, {&s.Role, e.Role}, {&s.Affiliation, e.Affiliation}, {&s.Country, e.Country}} {
				if f.src != nil {
					*f.dst = strings.TrimSpace(*f.src)
				}
			}
			if err := canonicalAttributes(q, &s); err != nil {
				return err
			}
			if s.Gender == before.Gender && s.Type == before.Type && s.Role == before.Role && s.Affiliation == before.Affiliation && s.Country == before.Country {
				continue
			}
			if _, err := q.ExecContext(bg, "UPDATE speakers SET gender=?, type=?, role=?, affiliation=?, country=?, modified=? WHERE id=?",
				s.Gender, s.Type, s.Role, s.Affiliation, s.Country, t, id); err != nil {
				return err
			}
			changed++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return changed, nil
}

// uniqueIDs returns ids without empty strings and repeats, in order.
func uniqueIDs(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
