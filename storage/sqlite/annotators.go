package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// EnsureAnnotator returns the annotator called name, creating it if needed.
func (p *Project) EnsureAnnotator(ctx context.Context, name string) (storage.Annotator, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return storage.Annotator{}, fmt.Errorf("annotator name: %w: empty", storage.ErrInvalid)
	}
	if a, err := p.annotatorByName(name); err == nil {
		return a, nil
	} else if !errors.Is(err, storage.ErrNotFound) {
		return storage.Annotator{}, err
	}
	a := storage.Annotator{ID: storage.NewID(), Name: name, Created: now()}
	err := p.write(ctx, "Add coder", func(q querier) error { return insertAnnotator(q, a) })
	return a, err
}

func insertAnnotator(q querier, a storage.Annotator) error {
	_, err := q.ExecContext(bg, "INSERT INTO annotators(id, name, created) VALUES (?, ?, ?)", a.ID, a.Name, fmtTime(a.Created))
	return err
}

func (p *Project) annotatorByName(name string) (storage.Annotator, error) {
	var a storage.Annotator
	var created string
	err := p.db.QueryRow("SELECT id, name, created FROM annotators WHERE name = ?", name).Scan(&a.ID, &a.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return a, storage.ErrNotFound
	}
	a.Created = parseTime(created)
	return a, err
}

// Annotators lists the project's coders by name.
func (p *Project) Annotators(ctx context.Context) ([]storage.Annotator, error) {
	return listAnnotators(p.db)
}

// listAnnotators reads the coders by name.
func listAnnotators(q rowsQuerier) ([]storage.Annotator, error) {
	return queryAll(q, "SELECT id, name, created FROM annotators ORDER BY name", nil, func(r scanner) (storage.Annotator, error) {
		var a storage.Annotator
		var created string
		err := r.Scan(&a.ID, &a.Name, &created)
		a.Created = parseTime(created)
		return a, err
	})
}

// scanner is a row being read.
type scanner interface{ Scan(dest ...any) error }

// rowsQuerier is what a connection pool, a connection and a transaction
// offer for reading rows.
type rowsQuerier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

// queryAll runs a query and maps every row with scan.
func queryAll[T any](db rowsQuerier, query string, args []any, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := db.QueryContext(bg, query, args...)
	if err != nil {
		return nil, schemaChanged(err)
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
