package sqlite

import (
	"errors"
	"fmt"
	"sort"

	"github.com/saywho-app/saywho/storage"
)

// mergeVariables matches the file's document variables by name
// (regardless of case); one of another type is reported and the project's
// kept, a new one is added (under its own id when the project has no
// variable with it).
func (m *merger) mergeVariables(q querier, vars []storage.Variable) error {
	for _, v := range vars {
		v, err := prepareVariable(v)
		if err != nil {
			m.notef("%v: not imported", err)
			continue
		}
		old, err := getVariable(q, "name = ?", v.Name)
		if err == nil {
			if old.Type != v.Type {
				m.conflict(storage.Conflict{Kind: "variable", ID: v.ID, What: v.Name,
					Problem: fmt.Sprintf("the project's variable of this name is a %s variable, the file's a %s one", old.Type, v.Type), Outcome: storage.KeptProject})
			}
			continue
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		if v.ID != "" {
			if taken, err := exists(q, "variables", v.ID); err != nil {
				return err
			} else if taken || !storage.ValidID(v.ID) {
				v.ID = ""
			}
		}
		v.Position = 0
		if _, err := addVariable(q, v); err != nil {
			return err
		}
	}
	return nil
}

// documentVariables sets the values of a document just added; a value its
// variable's type cannot read is left out with a notice.
func (m *merger) documentVariables(q querier, d storage.Document, values map[string]string) error {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		_, err := setVariables(q, d.ID, d.Title, map[string]string{name: values[name]})
		if errors.Is(err, storage.ErrInvalid) {
			m.notef("%v: value not imported", err)
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}
