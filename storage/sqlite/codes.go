package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

func prepareCode(c storage.Code) (storage.Code, error) {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return c, fmt.Errorf("code: %w: a name is needed", storage.ErrInvalid)
	}
	if c.Color != "" && !colorRE.MatchString(c.Color) {
		return c, fmt.Errorf("code %q: %w: colour %q should look like #1F77B4", c.Name, storage.ErrInvalid, c.Color)
	}
	if c.Shortcut != "" && (len(c.Shortcut) != 1 || c.Shortcut < "1" || c.Shortcut > "9") {
		return c, fmt.Errorf("code %q: %w: shortcut must be a digit 1-9", c.Name, storage.ErrInvalid)
	}
	if c.ParentID == c.ID && c.ID != "" {
		return c, fmt.Errorf("code %q: %w: a code cannot be its own parent", c.Name, storage.ErrInvalid)
	}
	return c, nil
}

// AddCode adds a code to the codebook. A shortcut already used by another
// code moves to this one.
func (p *Project) AddCode(ctx context.Context, c storage.Code) (storage.Code, error) {
	err := p.write(ctx, "Add code", func(q querier) error {
		var err error
		c, err = addCode(q, c)
		return err
	})
	return c, err
}

func addCode(q querier, c storage.Code) (storage.Code, error) {
	c, err := prepareCode(c)
	if err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = storage.NewID()
	}
	if c.Created.IsZero() {
		c.Created = now()
	}
	if err := freeShortcut(q, c); err != nil {
		return c, err
	}
	_, err = q.ExecContext(bg, `INSERT INTO codes(id, parent_id, name, color, description, shortcut, position, created) VALUES (?,?,?,?,?,?,?,?)`,
		c.ID, nullable(c.ParentID), c.Name, c.Color, c.Description, c.Shortcut, c.Position, fmtTime(c.Created))
	if err != nil {
		return c, explainConstraint(err, "code "+c.Name)
	}
	return c, nil
}

func freeShortcut(q querier, c storage.Code) error {
	if c.Shortcut == "" {
		return nil
	}
	_, err := q.ExecContext(bg, "UPDATE codes SET shortcut = '' WHERE shortcut = ? AND id <> ?", c.Shortcut, c.ID)
	return err
}

// UpdateCode saves a changed code (name, colour, description, shortcut,
// parent, position). Moving a code under its own descendant is refused.
func (p *Project) UpdateCode(ctx context.Context, c storage.Code) (storage.Code, error) {
	c, err := prepareCode(c)
	if err != nil {
		return c, err
	}
	err = p.write(ctx, "Edit code", func(q querier) error {
		if c.ParentID != "" {
			var cycle int
			err := q.QueryRowContext(bg, `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT parent_id FROM codes JOIN up ON codes.id = up.id WHERE parent_id IS NOT NULL)
				SELECT count(*) FROM up WHERE id = ?`, c.ParentID, c.ID).Scan(&cycle)
			if err != nil {
				return err
			}
			if cycle > 0 {
				return fmt.Errorf("code %q: %w: it cannot be moved under itself", c.Name, storage.ErrInvalid)
			}
		}
		if err := freeShortcut(q, c); err != nil {
			return err
		}
		res, err := q.ExecContext(bg, `UPDATE codes SET parent_id=?, name=?, color=?, description=?, shortcut=?, position=? WHERE id=?`,
			nullable(c.ParentID), c.Name, c.Color, c.Description, c.Shortcut, c.Position, c.ID)
		if err != nil {
			return explainConstraint(err, "code "+c.Name)
		}
		return mustAffect(res, nil, "code", c.ID)
	})
	return c, err
}

// CodeUsage counts the annotations that carry the code or one of its
// descendants, and the descendants themselves: what DeleteCode removes.
func (p *Project) CodeUsage(ctx context.Context, id string) (annotations, subcodes int, err error) {
	err = p.db.QueryRow(`WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)
		SELECT (SELECT count(DISTINCT annotation_id) FROM annotation_codes WHERE code_id IN sub), (SELECT count(*) - 1 FROM sub)`, id).Scan(&annotations, &subcodes)
	return
}

// DeleteCode removes a code, its sub-codes and their applications, and the
// coded-passage annotations that carried nothing but those codes.
func (p *Project) DeleteCode(ctx context.Context, id string) error {
	return p.write(ctx, "Delete code", func(q querier) error {
		_, err := q.ExecContext(bg, `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)
			DELETE FROM annotations WHERE kind = 'code' AND id IN (SELECT annotation_id FROM annotation_codes WHERE code_id IN sub)
			AND NOT EXISTS (SELECT 1 FROM annotation_codes x WHERE x.annotation_id = annotations.id AND x.code_id NOT IN sub)`, id)
		if err != nil {
			return err
		}
		res, err := q.ExecContext(bg, "DELETE FROM codes WHERE id = ?", id)
		return mustAffect(res, err, "code", id)
	})
}

const codeCols = "id, coalesce(parent_id, ''), name, color, description, shortcut, position, created"

func scanCode(r scanner) (storage.Code, error) {
	var c storage.Code
	var created string
	err := r.Scan(&c.ID, &c.ParentID, &c.Name, &c.Color, &c.Description, &c.Shortcut, &c.Position, &created)
	c.Created = parseTime(created)
	return c, err
}

// Codes lists the codebook ordered by position then name; parents are
// identified by ParentID.
func (p *Project) Codes(ctx context.Context) ([]storage.Code, error) {
	return listCodes(p.db)
}

// listCodes reads the codebook in its order.
func listCodes(q rowsQuerier) ([]storage.Code, error) {
	return queryAll(q, "SELECT "+codeCols+" FROM codes ORDER BY position, name COLLATE NOCASE, id", nil, scanCode)
}

// Code returns one code.
func (p *Project) Code(ctx context.Context, id string) (storage.Code, error) {
	return getCode(p.db, id)
}

func getCode(q querier, id string) (storage.Code, error) {
	c, err := scanCode(q.QueryRowContext(bg, "SELECT "+codeCols+" FROM codes WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("code %s: %w", id, storage.ErrNotFound)
	}
	return c, err
}
