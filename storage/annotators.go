package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// EnsureAnnotator returns the annotator called name, creating it if needed.
func (p *Project) EnsureAnnotator(name string) (Annotator, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Annotator{}, fmt.Errorf("annotator name: %w: empty", ErrInvalid)
	}
	if a, err := p.annotatorByName(name); err == nil {
		return a, nil
	} else if !errors.Is(err, ErrNotFound) {
		return Annotator{}, err
	}
	a := Annotator{ID: NewID(), Name: name, Created: now()}
	err := p.write("Add coder", func(q querier) error { return insertAnnotator(q, a) })
	return a, err
}

func insertAnnotator(q querier, a Annotator) error {
	_, err := q.ExecContext(bg, "INSERT INTO annotators(id, name, created) VALUES (?, ?, ?)", a.ID, a.Name, fmtTime(a.Created))
	return err
}

func (p *Project) annotatorByName(name string) (Annotator, error) {
	var a Annotator
	var created string
	err := p.db.QueryRow("SELECT id, name, created FROM annotators WHERE name = ?", name).Scan(&a.ID, &a.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	a.Created = parseTime(created)
	return a, err
}

// Annotators lists the project's coders by name.
func (p *Project) Annotators() ([]Annotator, error) {
	return queryAll(p.db, "SELECT id, name, created FROM annotators ORDER BY name", nil, func(r scanner) (Annotator, error) {
		var a Annotator
		var created string
		err := r.Scan(&a.ID, &a.Name, &created)
		a.Created = parseTime(created)
		return a, err
	})
}

// scanner is a row being read.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs a query and maps every row with scan.
func queryAll[T any](db interface {
	Query(string, ...any) (*sql.Rows, error)
}, query string, args []any, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
