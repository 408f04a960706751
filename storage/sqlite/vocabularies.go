package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// The speaker attributes gender, type and role each have an editable list
// of values (a vocabulary) in the table vocabularies; a speaker's column of
// the same name holds the value. The list does not constrain the column:
// a value from elsewhere (an import, an older project) is kept as given.
// A value that matches a listed one but for case takes the list's
// spelling, so that analyses do not count "Woman" and "woman" apart.

// canonicalAttributes gives s's gender, type and role the spelling of
// their vocabulary's value when one matches regardless of case.
func canonicalAttributes(q querier, s *storage.Speaker) error {
	for _, f := range []struct {
		attr string
		val  *string
	}{{storage.SpeakerGender, &s.Gender}, {storage.SpeakerType, &s.Type}, {storage.SpeakerRole, &s.Role}} {
		if *f.val == "" {
			continue
		}
		var listed string
		err := q.QueryRowContext(bg, "SELECT value FROM vocabularies WHERE attribute = ? AND value = ?", f.attr, *f.val).Scan(&listed)
		switch {
		case err == nil:
			*f.val = listed
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	return nil
}

// Vocabularies lists the speaker attributes' lists of values, in
// storage.VocabularyAttributes order.
func (p *Project) Vocabularies(ctx context.Context) ([]storage.Vocabulary, error) {
	return listVocabularies(ctx, p.db)
}

func listVocabularies(ctx context.Context, q querier) ([]storage.Vocabulary, error) {
	out := make([]storage.Vocabulary, len(storage.VocabularyAttributes))
	index := map[string]int{}
	for i, a := range storage.VocabularyAttributes {
		out[i] = storage.Vocabulary{Attribute: a, Values: []string{}}
		index[a] = i
	}
	rows, err := q.QueryContext(ctx, "SELECT attribute, value FROM vocabularies ORDER BY attribute, position, value")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var attr, value string
		if err := rows.Scan(&attr, &value); err != nil {
			return nil, err
		}
		if i, ok := index[attr]; ok {
			out[i].Values = append(out[i].Values, value)
		}
	}
	return out, rows.Err()
}

// checkVocabulary validates a list of values: a known attribute, values
// trimmed, none empty, none twice regardless of case.
func checkVocabulary(v storage.Vocabulary) (storage.Vocabulary, error) {
	if !storage.ValidVocabularyAttribute(v.Attribute) {
		return v, fmt.Errorf("speaker attribute %q: %w: only %s have lists of values", v.Attribute, storage.ErrInvalid, strings.Join(storage.VocabularyAttributes, ", "))
	}
	out := storage.Vocabulary{Attribute: v.Attribute, Values: make([]string, 0, len(v.Values))}
	seen := map[string]bool{}
	for _, x := range v.Values {
		x = strings.TrimSpace(x)
		if x == "" {
			return v, fmt.Errorf("list of %s values: %w: an empty value", v.Attribute, storage.ErrInvalid)
		}
		if seen[strings.ToLower(x)] {
			return v, fmt.Errorf("list of %s values: %w: %q is listed twice", v.Attribute, storage.ErrInvalid, x)
		}
		seen[strings.ToLower(x)] = true
		out.Values = append(out.Values, x)
	}
	return out, nil
}

// SetVocabulary replaces an attribute's list of values, in the order
// given; speakers keep their values.
func (p *Project) SetVocabulary(ctx context.Context, v storage.Vocabulary) error {
	v, err := checkVocabulary(v)
	if err != nil {
		return err
	}
	return p.write(ctx, "Edit the list of "+v.Attribute+" values", func(q querier) error {
		if _, err := q.ExecContext(bg, "DELETE FROM vocabularies WHERE attribute = ?", v.Attribute); err != nil {
			return err
		}
		for i, x := range v.Values {
			if _, err := q.ExecContext(bg, "INSERT INTO vocabularies(attribute, value, position) VALUES (?, ?, ?)", v.Attribute, x, i); err != nil {
				return err
			}
		}
		return nil
	})
}

// RenameVocabularyValue renames a value of an attribute's list and in
// every speaker holding it (regardless of case). Renamed into another
// listed value, the two merge: the old one leaves the list. It returns how
// many speakers changed.
func (p *Project) RenameVocabularyValue(ctx context.Context, attribute, old, new string) (int, error) {
	if !storage.ValidVocabularyAttribute(attribute) {
		return 0, fmt.Errorf("speaker attribute %q: %w", attribute, storage.ErrInvalid)
	}
	if new = strings.TrimSpace(new); new == "" {
		return 0, fmt.Errorf("rename %s value %q: %w: the new value is empty", attribute, old, storage.ErrInvalid)
	}
	var n int64
	err := p.write(ctx, "Rename "+attribute+" value "+old, func(q querier) error {
		var pos int
		err := q.QueryRowContext(bg, "SELECT position FROM vocabularies WHERE attribute = ? AND value = ?", attribute, old).Scan(&pos)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s value %q: %w in the list", attribute, old, storage.ErrNotFound)
		}
		if err != nil {
			return err
		}
		var other string
		err = q.QueryRowContext(bg, "SELECT value FROM vocabularies WHERE attribute = ? AND value = ? AND value <> ?", attribute, new, old).Scan(&other)
		switch {
		case err == nil: // merge into the listed value
			new = other
			_, err = q.ExecContext(bg, "DELETE FROM vocabularies WHERE attribute = ? AND value = ?", attribute, old)
		case errors.Is(err, sql.ErrNoRows):
			_, err = q.ExecContext(bg, "UPDATE vocabularies SET value = ? WHERE attribute = ? AND value = ?", new, attribute, old)
		}
		if err != nil {
			return err
		}
		// attribute is one of the known column names (checked above).
		res, err := q.ExecContext(bg, "UPDATE speakers SET "+attribute+" = ?, modified = ? WHERE "+attribute+" = ? COLLATE NOCASE AND "+attribute+" <> ?",
			new, fmtTime(now()), old, new)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}
