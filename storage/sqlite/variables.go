package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Document variables: a definition per variable (table variables: a name
// unique regardless of case, a type) and one value per document (table
// document_variables), stored in the type's normal form (see
// storage.VariableType.NormaliseValue).

const variableCols = "id, name, type, description, position, created"

func scanVariable(r scanner) (storage.Variable, error) {
	var v storage.Variable
	var typ, created string
	err := r.Scan(&v.ID, &v.Name, &typ, &v.Description, &v.Position, &created)
	v.Type, v.Created = storage.VariableType(typ), parseTime(created)
	return v, err
}

func listVariables(ctx context.Context, q querier) ([]storage.Variable, error) {
	return queryAll(q, "SELECT "+variableCols+" FROM variables ORDER BY position, name COLLATE NOCASE, id", nil, scanVariable)
}

// Variables lists the project's document variables in order.
func (p *Project) Variables(ctx context.Context) ([]storage.Variable, error) {
	return listVariables(ctx, p.db)
}

func getVariable(q querier, where string, arg any) (storage.Variable, error) {
	v, err := scanVariable(q.QueryRowContext(bg, "SELECT "+variableCols+" FROM variables WHERE "+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("variable %v: %w", arg, storage.ErrNotFound)
	}
	return v, err
}

// prepareVariable validates a variable's name and type.
func prepareVariable(v storage.Variable) (storage.Variable, error) {
	v.Name = strings.TrimSpace(v.Name)
	if v.Name == "" {
		return v, fmt.Errorf("variable: %w: a name is needed", storage.ErrInvalid)
	}
	if v.Type == "" {
		v.Type = storage.VarText
	}
	if !v.Type.Valid() {
		return v, fmt.Errorf("variable %q: %w: type %q (use text, number or date)", v.Name, storage.ErrInvalid, v.Type)
	}
	return v, nil
}

// AddVariable defines a new document variable; the position defaults to
// after the last one.
func (p *Project) AddVariable(ctx context.Context, v storage.Variable) (storage.Variable, error) {
	v, err := prepareVariable(v)
	if err != nil {
		return v, err
	}
	err = p.write(ctx, "Add variable "+v.Name, func(q querier) error {
		v, err = addVariable(q, v)
		return err
	})
	return v, err
}

func addVariable(q querier, v storage.Variable) (storage.Variable, error) {
	if v.ID == "" {
		v.ID = storage.NewID()
	}
	if v.Created.IsZero() {
		v.Created = now()
	}
	if v.Position == 0 {
		if err := q.QueryRowContext(bg, "SELECT coalesce(max(position) + 1, 0) FROM variables").Scan(&v.Position); err != nil {
			return v, err
		}
	}
	_, err := q.ExecContext(bg, "INSERT INTO variables("+variableCols+") VALUES (?,?,?,?,?,?)",
		v.ID, v.Name, string(v.Type), v.Description, v.Position, fmtTime(v.Created))
	if isUnique(err) {
		return v, fmt.Errorf("variable %q: %w", v.Name, storage.ErrExists)
	}
	return v, err
}

// UpdateVariable renames, retypes, describes or moves a variable. A new
// type must accept every value the documents hold; they are converted to
// its form in the same action, or nothing changes.
func (p *Project) UpdateVariable(ctx context.Context, v storage.Variable) (storage.Variable, error) {
	v, err := prepareVariable(v)
	if err != nil {
		return v, err
	}
	err = p.write(ctx, "Edit variable "+v.Name, func(q querier) error {
		old, err := getVariable(q, "id = ?", v.ID)
		if err != nil {
			return err
		}
		v.Created = old.Created
		res, err := q.ExecContext(bg, "UPDATE variables SET name=?, type=?, description=?, position=? WHERE id=?",
			v.Name, string(v.Type), v.Description, v.Position, v.ID)
		if isUnique(err) {
			return fmt.Errorf("variable %q: %w", v.Name, storage.ErrExists)
		}
		if err := mustAffect(res, err, "variable", v.ID); err != nil {
			return err
		}
		if old.Type == v.Type {
			return nil
		}
		return convertValues(q, v)
	})
	return v, err
}

// convertValues rewrites a variable's values in the form of its (new)
// type, failing on the first documents whose value it cannot read.
func convertValues(q querier, v storage.Variable) error {
	type value struct{ doc, title, val string }
	vals, err := queryAll(q, `SELECT dv.document_id, d.title, dv.value FROM document_variables dv JOIN documents d ON d.id = dv.document_id
		WHERE dv.variable_id = ? ORDER BY d.seq`, []any{v.ID}, func(r scanner) (value, error) {
		var x value
		return x, r.Scan(&x.doc, &x.title, &x.val)
	})
	if err != nil {
		return err
	}
	var bad []string
	for _, x := range vals {
		norm, err := v.Type.NormaliseValue(x.val)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%q in %q", x.val, x.title))
			continue
		}
		if norm != x.val {
			if _, err := q.ExecContext(bg, "UPDATE document_variables SET value = ? WHERE document_id = ? AND variable_id = ?", norm, x.doc, v.ID); err != nil {
				return err
			}
		}
	}
	if len(bad) > 0 {
		more := ""
		if len(bad) > 3 {
			more = fmt.Sprintf(" and %d more", len(bad)-3)
			bad = bad[:3]
		}
		return fmt.Errorf("variable %q: %w: cannot become a %s variable: %s%s", v.Name, storage.ErrInvalid, v.Type, strings.Join(bad, ", "), more)
	}
	return nil
}

// DeleteVariable removes a variable with every document's value of it.
func (p *Project) DeleteVariable(ctx context.Context, id string) error {
	return p.write(ctx, "Delete variable", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM variables WHERE id = ?", id)
		return mustAffect(res, err, "variable", id)
	})
}

// SetDocumentVariables sets a document's values of the named variables;
// the others stay as they are. An empty value removes the document's
// value; a name not yet defined adds a text variable. A value its
// variable's type cannot read fails the whole call.
func (p *Project) SetDocumentVariables(ctx context.Context, documentID string, values map[string]string) error {
	if len(values) == 0 {
		return nil
	}
	return p.write(ctx, "Edit document variables", func(q querier) error {
		d, err := getDocument(q, documentID, false)
		if err != nil {
			return err
		}
		_, err = setVariables(q, d.ID, d.Title, values)
		return err
	})
}

// setVariables writes a document's values of the named variables (adding
// text variables for new names) and returns the values as stored, nil when
// none is set.
func setVariables(q querier, docID, title string, values map[string]string) (map[string]string, error) {
	if len(values) == 0 {
		return nil, nil
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names) // new variables are added in a stable order
	stored := map[string]string{}
	for _, name := range names {
		v, err := variableNamed(q, name, strings.TrimSpace(values[name]) != "")
		if errors.Is(err, storage.ErrNotFound) {
			continue // no value for a variable that is not there
		}
		if err != nil {
			return nil, err
		}
		val, err := v.Type.NormaliseValue(values[name])
		if err != nil {
			return nil, fmt.Errorf("document %q, variable %q: %w", title, v.Name, err)
		}
		if val == "" {
			_, err = q.ExecContext(bg, "DELETE FROM document_variables WHERE document_id = ? AND variable_id = ?", docID, v.ID)
		} else {
			stored[v.Name] = val
			_, err = q.ExecContext(bg, `INSERT INTO document_variables(document_id, variable_id, value) VALUES (?, ?, ?)
				ON CONFLICT(document_id, variable_id) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`, docID, v.ID, val)
		}
		if err != nil {
			return nil, err
		}
	}
	if len(stored) == 0 {
		return nil, nil
	}
	return stored, nil
}

// variableNamed returns the variable of that name (regardless of case),
// adding a text variable when there is none and add is set.
func variableNamed(q querier, name string, add bool) (storage.Variable, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return storage.Variable{}, fmt.Errorf("variable: %w: a name is needed", storage.ErrInvalid)
	}
	v, err := getVariable(q, "name = ?", name)
	if errors.Is(err, storage.ErrNotFound) && add {
		return addVariable(q, storage.Variable{Name: name, Type: storage.VarText})
	}
	return v, err
}
