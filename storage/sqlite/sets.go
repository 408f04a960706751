package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Document sets: named groups of documents. Every change is one
// transaction and, like every other change, undoable (the undo log covers
// the sets and set_documents tables).

// setName trims a set name and refuses an empty one.
func setName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fmt.Errorf("set: %w: a name is needed", storage.ErrInvalid)
	}
	return name, nil
}

// CreateSet adds a set holding the given documents (none is fine) and
// returns it. Names are unique: a name already used is refused with
// ErrExists.
func (p *Project) CreateSet(ctx context.Context, name, description string, documentIDs []string) (storage.Set, error) {
	name, err := setName(name)
	if err != nil {
		return storage.Set{}, err
	}
	s := storage.Set{ID: storage.NewID(), Name: name, Description: strings.TrimSpace(description), Created: now()}
	err = p.write(ctx, "New set "+name, func(q querier) error {
		if err := insertSet(q, s); err != nil {
			return err
		}
		_, err := addMembers(q, s.ID, documentIDs)
		return err
	})
	if err != nil {
		return storage.Set{}, err
	}
	return p.FindSet(bg, s.ID)
}

func insertSet(q querier, s storage.Set) error {
	_, err := q.ExecContext(bg, "INSERT INTO sets(id, name, description, created) VALUES (?, ?, ?, ?)",
		s.ID, s.Name, s.Description, fmtTime(s.Created))
	if isUnique(err) {
		return fmt.Errorf("set %q: %w: the project has a set of that name", s.Name, storage.ErrExists)
	}
	return err
}

// addMembers puts documents into a set; documents already in it are left
// as they are. It returns how many were added.
func addMembers(q querier, setID string, documentIDs []string) (int, error) {
	added := 0
	for _, d := range documentIDs {
		if ok, err := exists(q, "documents", d); err != nil {
			return added, err
		} else if !ok {
			return added, fmt.Errorf("document %s: %w", d, storage.ErrNotFound)
		}
		res, err := q.ExecContext(bg, "INSERT OR IGNORE INTO set_documents(set_id, document_id) VALUES (?, ?)", setID, d)
		if err != nil {
			return added, explainConstraint(err, "set member "+d)
		}
		n, _ := res.RowsAffected()
		added += int(n)
	}
	return added, nil
}

// RenameSet gives a set a new name.
func (p *Project) RenameSet(ctx context.Context, id, name string) error {
	name, err := setName(name)
	if err != nil {
		return err
	}
	return p.write(ctx, "Rename set", func(q querier) error {
		res, err := q.ExecContext(bg, "UPDATE sets SET name = ? WHERE id = ?", name, id)
		if isUnique(err) {
			return fmt.Errorf("set %q: %w: the project has a set of that name", name, storage.ErrExists)
		}
		return mustAffect(res, err, "set", id)
	})
}

// DeleteSet removes a set. Its documents stay in the project.
func (p *Project) DeleteSet(ctx context.Context, id string) error {
	return p.write(ctx, "Delete set", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM sets WHERE id = ?", id)
		return mustAffect(res, err, "set", id)
	})
}

// AddToSet puts documents into a set and returns how many were not in it
// yet. An unknown set or document changes nothing and returns ErrNotFound.
func (p *Project) AddToSet(ctx context.Context, setID string, documentIDs []string) (int, error) {
	var added int
	err := p.write(ctx, "Add to set", func(q querier) error {
		if err := setExists(q, setID); err != nil {
			return err
		}
		var err error
		added, err = addMembers(q, setID, documentIDs)
		return err
	})
	return added, err
}

// RemoveFromSet takes documents out of a set (they stay in the project)
// and returns how many were in it.
func (p *Project) RemoveFromSet(ctx context.Context, setID string, documentIDs []string) (int, error) {
	var removed int
	err := p.write(ctx, "Remove from set", func(q querier) error {
		if err := setExists(q, setID); err != nil {
			return err
		}
		for _, d := range documentIDs {
			res, err := q.ExecContext(bg, "DELETE FROM set_documents WHERE set_id = ? AND document_id = ?", setID, d)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			removed += int(n)
		}
		return nil
	})
	return removed, err
}

func setExists(q querier, id string) error {
	ok, err := exists(q, "sets", id)
	if err == nil && !ok {
		err = fmt.Errorf("set %s: %w", id, storage.ErrNotFound)
	}
	return err
}

const setCols = "id, name, description, created"

func scanSet(r scanner) (storage.Set, error) {
	s := storage.Set{DocumentIDs: []string{}}
	var created string
	err := r.Scan(&s.ID, &s.Name, &s.Description, &created)
	s.Created = parseTime(created)
	return s, err
}

// Sets lists the project's sets by name, each with its documents in
// import order (len(DocumentIDs) is the set's size).
func (p *Project) Sets(ctx context.Context) ([]storage.Set, error) {
	return listSets(p.db)
}

// listSets reads the sets with their members (see Sets).
func listSets(q rowsQuerier) ([]storage.Set, error) {
	sets, err := queryAll(q, "SELECT "+setCols+" FROM sets ORDER BY name COLLATE NOCASE, name, id", nil, scanSet)
	if err != nil {
		return nil, err
	}
	at := map[string]int{}
	for i, s := range sets {
		at[s.ID] = i
	}
	// One row per set (ids joined by spaces): much faster than a row per
	// member (see BenchmarkSets).
	type members struct{ set, docs string }
	all, err := queryAll(q, `SELECT m.set_id, group_concat(m.document_id, ' ' ORDER BY d.seq)
		FROM set_documents m JOIN documents d ON d.id = m.document_id GROUP BY m.set_id`, nil,
		func(r scanner) (members, error) {
			var m members
			return m, r.Scan(&m.set, &m.docs)
		})
	if err != nil {
		return nil, err
	}
	for _, m := range all {
		if i, ok := at[m.set]; ok {
			sets[i].DocumentIDs = strings.Fields(m.docs)
		}
	}
	return sets, nil
}

// FindSet returns the set with the given id or, failing that, name, with
// its documents in import order.
func (p *Project) FindSet(ctx context.Context, idOrName string) (storage.Set, error) {
	s, err := scanSet(p.db.QueryRow("SELECT "+setCols+" FROM sets WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1",
		idOrName, strings.TrimSpace(idOrName), idOrName))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("set %q: %w", idOrName, storage.ErrNotFound)
	}
	if err != nil {
		return s, err
	}
	ids, err := queryAll(p.db, `SELECT m.document_id FROM set_documents m JOIN documents d ON d.id = m.document_id WHERE m.set_id = ? ORDER BY d.seq`,
		[]any{s.ID}, func(r scanner) (string, error) {
			var id string
			return id, r.Scan(&id)
		})
	if err != nil {
		return s, err
	}
	s.DocumentIDs = append(s.DocumentIDs, ids...)
	return s, nil
}
