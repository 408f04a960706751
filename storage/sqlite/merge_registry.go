package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// registry merges the file's coders, codes, speakers and document
// variables, recording what each file id became in the project.
func (m *merger) registry(q querier, f *storage.Bundle) error {
	if err := m.mergeCoders(q, f.Annotators); err != nil {
		return err
	}
	if err := m.mergeCodes(q, f.Codes); err != nil {
		return err
	}
	if err := m.mergeSpeakers(q, f.Speakers); err != nil {
		return err
	}
	return m.mergeVariables(q, f.Variables)
}

// mergeCoders matches coders by id, then by name.
func (m *merger) mergeCoders(q querier, coders []storage.Annotator) error {
	for _, a := range coders {
		var id, name string
		err := q.QueryRowContext(bg, "SELECT id, name FROM annotators WHERE id = ?", a.ID).Scan(&id, &name)
		if err == nil {
			if name != a.Name {
				m.conflict(storage.Conflict{Kind: "coder", ID: a.ID, What: a.Name, Problem: fmt.Sprintf("the project names this coder %q", name), Outcome: storage.KeptProject})
			}
			m.coders[a.ID] = id
			continue
		}
		if err := lookupID(q, &id, "SELECT id FROM annotators WHERE name = ?", a.Name); err != nil {
			return err
		}
		if id != "" {
			m.coders[a.ID] = id
			continue
		}
		orig := a.ID
		if a.ID == "" {
			a.ID = storage.NewID()
		}
		if a.Created.IsZero() {
			a.Created = now()
		}
		if err := insertAnnotator(q, a); err != nil {
			return fmt.Errorf("coder %q: %w", a.Name, err)
		}
		m.coders[orig] = a.ID
		m.rep.Annotators++
	}
	return nil
}

// lookupID scans the first column of the first row into id, leaving it ""
// when there is no row.
func lookupID(q querier, id *string, query string, args ...any) error {
	*id = ""
	err := q.QueryRowContext(bg, query, args...).Scan(id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// mergeCodes matches codes by id, then by name under the same parent,
// parents before children whatever the order in the file.
func (m *merger) mergeCodes(q querier, codes []storage.Code) error {
	pending := slices.Clone(codes)
	for len(pending) > 0 {
		var next []storage.Code
		for _, c := range pending {
			if _, done := m.codes[c.ParentID]; c.ParentID != "" && !done && codeListed(pending, c.ParentID) {
				next = append(next, c) // its parent comes later in this pass or the next
				continue
			}
			if err := m.mergeCode(q, c); err != nil {
				return err
			}
		}
		if len(next) == len(pending) {
			return fmt.Errorf("codebook: %w: codes form a cycle", storage.ErrInvalid)
		}
		pending = next
	}
	return nil
}

func (m *merger) mergeCode(q querier, c storage.Code) error {
	parent, lost := "", false
	if c.ParentID != "" {
		parent = mapped(m.codes, c.ParentID)
		if ok, err := exists(q, "codes", parent); err != nil {
			return err
		} else if !ok {
			parent, lost = "", true
		}
	}
	if old, err := getCode(q, c.ID); err == nil {
		m.codes[c.ID] = c.ID
		var diff []string
		if old.Name != c.Name {
			diff = append(diff, "name")
		}
		if old.ParentID != parent {
			diff = append(diff, "parent")
		}
		if old.Color != c.Color {
			diff = append(diff, "colour")
		}
		if old.Description != c.Description {
			diff = append(diff, "description")
		}
		if len(diff) > 0 {
			m.conflict(storage.Conflict{Kind: "code", ID: c.ID, What: c.Name, Problem: "differs from the project's in " + strings.Join(diff, ", "), Outcome: storage.KeptProject})
		}
		return nil
	} else if !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	var id string
	if err := lookupID(q, &id, "SELECT id FROM codes WHERE name = ? AND coalesce(parent_id, '') = ?", c.Name, parent); err != nil {
		return err
	}
	if id != "" {
		m.codes[c.ID] = id
		return nil
	}
	if lost {
		m.notef("code %q: parent %s missing, placed at top level", c.Name, c.ParentID)
	}
	orig := c.ID
	c.ParentID = parent
	added, err := addCode(q, c)
	if err != nil {
		return err
	}
	m.codes[orig] = added.ID
	m.rep.Codes++
	return nil
}

func codeListed(codes []storage.Code, id string) bool {
	return slices.ContainsFunc(codes, func(c storage.Code) bool { return c.ID == id })
}

// mergeSpeakers matches speakers by id, then by Wikidata id, then by
// identical name, role, affiliation and note.
func (m *merger) mergeSpeakers(q querier, speakers []storage.Speaker) error {
	for _, s := range speakers {
		s, err := prepareSpeaker(s)
		if err != nil {
			return err
		}
		if old, err := getSpeaker(q, s.ID); err == nil {
			m.speakers[s.ID] = s.ID
			if diff := speakerDiff(s, old); len(diff) > 0 {
				m.conflict(storage.Conflict{Kind: "speaker", ID: s.ID, What: s.Name, Problem: "differs from the project's in " + strings.Join(diff, ", "), Outcome: storage.KeptProject})
			}
			continue
		} else if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		var id string
		err = lookupID(q, &id, `SELECT id FROM speakers WHERE (wikidata <> '' AND wikidata = ?1)
			OR (name = ?2 AND role = ?3 AND affiliation = ?4 AND note = ?5 AND wikidata = ?1) ORDER BY created, id LIMIT 1`,
			s.Wikidata, s.Name, s.Role, s.Affiliation, s.Note)
		if err != nil {
			return err
		}
		if id != "" {
			m.speakers[s.ID] = id
			if err := m.attributeConflicts(q, s, id); err != nil {
				return err
			}
			continue
		}
		added, err := addSpeaker(q, s)
		if err != nil {
			return err
		}
		m.speakers[s.ID] = added.ID
		m.rep.Speakers++
	}
	return nil
}

func speakerDiff(file, proj storage.Speaker) []string {
	var diff []string
	for _, f := range []struct {
		name     string
		got, was string
	}{{"name", file.Name, proj.Name}, {"role", file.Role, proj.Role}, {"affiliation", file.Affiliation, proj.Affiliation},
		{"Wikidata id", file.Wikidata, proj.Wikidata}, {"note", file.Note, proj.Note}} {
		if f.got != f.was {
			diff = append(diff, f.name)
		}
	}
	diff = append(diff, attributeDiff(file, proj)...)
	if !slices.Equal(nonNil(file.Aliases), nonNil(proj.Aliases)) {
		diff = append(diff, "aliases")
	}
	return diff
}

// attributeDiff names the analysis attributes (gender, type, country)
// in which a speaker of the file differs from the project's.
func attributeDiff(file, proj storage.Speaker) []string {
	var diff []string
	for _, f := range []struct{ name, got, was string }{
		{"gender", file.Gender, proj.Gender}, {"type", file.Type, proj.Type}, {"country", file.Country, proj.Country}} {
		if f.got != f.was && !strings.EqualFold(f.got, f.was) {
			diff = append(diff, f.name)
		}
	}
	return diff
}

// attributeConflicts reports a speaker of the file matched to the
// project's speaker id by its details whose analysis attributes differ
// (the project's are kept).
func (m *merger) attributeConflicts(q querier, file storage.Speaker, id string) error {
	proj, err := getSpeaker(q, id)
	if err != nil {
		return err
	}
	if diff := attributeDiff(file, proj); len(diff) > 0 {
		m.conflict(storage.Conflict{Kind: "speaker", ID: file.ID, What: file.Name, Problem: "matched the project's speaker by its details but differs in " + strings.Join(diff, ", "), Outcome: storage.KeptProject})
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
