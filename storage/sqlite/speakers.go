package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

func prepareSpeaker(s storage.Speaker) (storage.Speaker, error) {
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" {
		return s, fmt.Errorf("speaker: %w: a name is needed", storage.ErrInvalid)
	}
	if s.Wikidata != "" && !validQID(s.Wikidata) {
		return s, fmt.Errorf("speaker %q: %w: Wikidata id %q should look like Q42", s.Name, storage.ErrInvalid, s.Wikidata)
	}
	var aliases []string
	for _, a := range s.Aliases {
		if a = strings.TrimSpace(a); a != "" && !contains(aliases, a) && a != s.Name {
			aliases = append(aliases, a)
		}
	}
	s.Aliases = aliases
	if s.Aliases == nil {
		s.Aliases = []string{}
	}
	for _, f := range []*string{&s.Gender, &s.Type, &s.Country} {
		*f = strings.TrimSpace(*f)
	}
	return s, nil
}

func validQID(q string) bool {
	if len(q) < 2 || q[0] != 'Q' {
		return false
	}
	for _, c := range q[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// AddSpeaker adds a speaker to the registry.
func (p *Project) AddSpeaker(ctx context.Context, s storage.Speaker) (storage.Speaker, error) {
	err := p.write(ctx, "Add speaker", func(q querier) error {
		var err error
		s, err = addSpeaker(q, s)
		return err
	})
	return s, err
}

func addSpeaker(q querier, s storage.Speaker) (storage.Speaker, error) {
	s, err := prepareSpeaker(s)
	if err != nil {
		return s, err
	}
	if s.ID == "" {
		s.ID = storage.NewID()
	}
	if s.Created.IsZero() {
		s.Created = now()
	}
	if s.Modified.IsZero() {
		s.Modified = s.Created
	}
	if err := canonicalAttributes(q, &s); err != nil {
		return s, err
	}
	aliases, _ := json.Marshal(s.Aliases)
	_, err = q.ExecContext(bg, `INSERT INTO speakers(id, name, aliases, role, affiliation, wikidata, note, gender, type, country, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		s.ID, s.Name, string(aliases), s.Role, s.Affiliation, s.Wikidata, s.Note, s.Gender, s.Type, s.Country, fmtTime(s.Created), fmtTime(s.Modified))
	if err != nil {
		return s, explainConstraint(err, "speaker "+s.Name)
	}
	return s, nil
}

// UpdateSpeaker saves a changed speaker.
func (p *Project) UpdateSpeaker(ctx context.Context, s storage.Speaker) (storage.Speaker, error) {
	s, err := prepareSpeaker(s)
	if err != nil {
		return s, err
	}
	s.Modified = now()
	aliases, _ := json.Marshal(s.Aliases)
	err = p.write(ctx, "Edit speaker", func(q querier) error {
		if err := canonicalAttributes(q, &s); err != nil {
			return err
		}
		res, err := q.ExecContext(bg, `UPDATE speakers SET name=?, aliases=?, role=?, affiliation=?, wikidata=?, note=?, gender=?, type=?, country=?, modified=? WHERE id=?`,
			s.Name, string(aliases), s.Role, s.Affiliation, s.Wikidata, s.Note, s.Gender, s.Type, s.Country, fmtTime(s.Modified), s.ID)
		return mustAffect(res, err, "speaker", s.ID)
	})
	return s, err
}

// DeleteSpeaker removes a speaker; mentions resolved to it become
// unresolved and links to it are removed.
func (p *Project) DeleteSpeaker(ctx context.Context, id string) error {
	return p.write(ctx, "Delete speaker", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM speakers WHERE id = ?", id)
		return mustAffect(res, err, "speaker", id)
	})
}

// MergeSpeakers folds speaker drop into keep: drop's mentions and links
// move to keep, its name and aliases become keep's aliases, and drop is
// deleted. Empty fields of keep are filled from drop.
func (p *Project) MergeSpeakers(ctx context.Context, keepID, dropID string) error {
	if keepID == dropID {
		return fmt.Errorf("merge: %w: a speaker cannot be merged into itself", storage.ErrInvalid)
	}
	return p.write(ctx, "Merge speakers", func(q querier) error {
		keep, err := getSpeaker(q, keepID)
		if err != nil {
			return err
		}
		drop, err := getSpeaker(q, dropID)
		if err != nil {
			return err
		}
		keep.Aliases = append(append(keep.Aliases, drop.Name), drop.Aliases...)
		for _, f := range []struct{ dst, src *string }{{&keep.Role, &drop.Role}, {&keep.Affiliation, &drop.Affiliation}, {&keep.Wikidata, &drop.Wikidata}, {&keep.Note, &drop.Note},
			{&keep.Gender, &drop.Gender}, {&keep.Type, &drop.Type}, {&keep.Country, &drop.Country}} {
			if *f.dst == "" {
				*f.dst = *f.src
			}
		}
		keep, _ = prepareSpeaker(keep)
		aliases, _ := json.Marshal(keep.Aliases)
		for _, stmt := range []string{
			"UPDATE annotations SET speaker_id = ?1 WHERE speaker_id = ?2",
			"UPDATE relations SET target_speaker_id = ?1 WHERE target_speaker_id = ?2",
		} {
			if _, err := q.ExecContext(bg, stmt, keepID, dropID); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(bg, `UPDATE speakers SET aliases=?, role=?, affiliation=?, wikidata=?, note=?, gender=?, type=?, country=?, modified=? WHERE id=?`,
			string(aliases), keep.Role, keep.Affiliation, keep.Wikidata, keep.Note, keep.Gender, keep.Type, keep.Country, fmtTime(now()), keepID); err != nil {
			return err
		}
		_, err = q.ExecContext(bg, "DELETE FROM speakers WHERE id = ?", dropID)
		return err
	})
}

const speakerCols = "s.id, s.name, s.aliases, s.role, s.affiliation, s.wikidata, s.note, s.gender, s.type, s.country, s.created, s.modified"

func scanSpeaker(r scanner, extra ...any) (storage.Speaker, error) {
	var s storage.Speaker
	var aliases, created, modified string
	err := r.Scan(append([]any{&s.ID, &s.Name, &aliases, &s.Role, &s.Affiliation, &s.Wikidata, &s.Note, &s.Gender, &s.Type, &s.Country, &created, &modified}, extra...)...)
	if err == nil {
		if jerr := json.Unmarshal([]byte(aliases), &s.Aliases); jerr != nil {
			err = storedField("speaker", s.ID, "aliases", jerr)
		}
	}
	if s.Aliases == nil {
		s.Aliases = []string{}
	}
	s.Created, s.Modified = parseTime(created), parseTime(modified)
	return s, err
}

func getSpeaker(q querier, id string) (storage.Speaker, error) {
	s, err := scanSpeaker(q.QueryRowContext(bg, "SELECT "+speakerCols+" FROM speakers s WHERE s.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("speaker %s: %w", id, storage.ErrNotFound)
	}
	return s, err
}

// Speaker returns one registry speaker.
func (p *Project) Speaker(ctx context.Context, id string) (storage.Speaker, error) {
	return getSpeaker(p.db, id)
}

// Speakers lists the registry by name with usage counts: mentions resolved
// to each speaker, quotes said by it and claims claimed by it (directly or
// through a mention).
func (p *Project) Speakers(ctx context.Context) ([]storage.SpeakerStats, error) {
	// One pass over the links (each resolved to its speaker, directly or
	// through the mention it points to) and one over the mentions, not a
	// scan per speaker: the window reloads this after every action.
	q := `WITH linked AS (
			SELECT r.type, r.source_id, coalesce(r.target_speaker_id, m.speaker_id) AS speaker_id
			FROM relations r LEFT JOIN annotations m ON m.id = r.target_annotation_id
			WHERE r.type IN ('said_by', 'claimed_by')),
		links AS (
			SELECT speaker_id,
				count(DISTINCT CASE WHEN type = 'said_by' THEN source_id END) AS quotes,
				count(DISTINCT CASE WHEN type = 'claimed_by' THEN source_id END) AS claims
			FROM linked WHERE speaker_id IS NOT NULL GROUP BY speaker_id),
		mentions AS (
			SELECT speaker_id, count(*) AS n FROM annotations
			WHERE kind = 'speaker_mention' AND speaker_id IS NOT NULL GROUP BY speaker_id)
		SELECT ` + speakerCols + `, coalesce(mentions.n, 0), coalesce(links.quotes, 0), coalesce(links.claims, 0)
		FROM speakers s LEFT JOIN mentions ON mentions.speaker_id = s.id LEFT JOIN links ON links.speaker_id = s.id
		ORDER BY s.name COLLATE NOCASE, s.id`
	return queryAll(p.db, q, nil, scanSpeakerStats)
}

// scanSpeakerStats reads a speaker followed by its three counts.
func scanSpeakerStats(r scanner) (storage.SpeakerStats, error) {
	var st storage.SpeakerStats
	var err error
	st.Speaker, err = scanSpeaker(r, &st.Mentions, &st.Quotes, &st.Claims)
	return st, err
}

// SpeakerStats is Speakers for the given ids: each counted through the
// indexes on its own mentions and links, so a few speakers cost the same
// in a project of any size.
func (p *Project) SpeakerStats(ctx context.Context, ids []string) ([]storage.SpeakerStats, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, _ := json.Marshal(ids)
	linked := func(t storage.RelationType) string {
		return `(SELECT count(DISTINCT source_id) FROM (
			SELECT r.source_id FROM relations r WHERE r.type = '` + string(t) + `' AND r.target_speaker_id = s.id
			UNION ALL
			SELECT r.source_id FROM annotations m JOIN relations r ON r.target_annotation_id = m.id
			WHERE m.speaker_id = s.id AND r.type = '` + string(t) + `'))`
	}
	q := `SELECT ` + speakerCols + `,
		(SELECT count(*) FROM annotations a WHERE a.speaker_id = s.id AND a.kind = 'speaker_mention'),
		` + linked(storage.RelSaidBy) + `, ` + linked(storage.RelClaimedBy) + `
		FROM speakers s WHERE s.id IN (SELECT value FROM json_each(?))
		ORDER BY s.name COLLATE NOCASE, s.id`
	return queryAll(p.db, q, []any{string(list)}, scanSpeakerStats)
}
