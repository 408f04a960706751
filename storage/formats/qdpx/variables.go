package qdpx

import "github.com/saywho-app/saywho/storage/formats/internal/guid"

// Variable names used for speaker (Case) and document (Source) fields.
const (
	varRole        = "Role"
	varAffiliation = "Affiliation"
	varWikidata    = "Wikidata"
	varAliases     = "Aliases"
	varOutlet      = "Outlet"
	varByline      = "Byline"
	varPublished   = "Published"
	varURL         = "URL"
	varFileName    = "File name"
	varFormat      = "Format"
	varStatus      = "Status"
)

// variables collects the Text variables an export uses, in first-use order.
type variables struct {
	order []string
}

func newVariables() *variables { return &variables{} }

func varGUID(name string) string { return guid.Derive("qdpx", "variable", name) }

// values returns VariableValue elements for the non-empty pairs (name,
// value, name, value, ...), registering the variables used.
func (v *variables) values(pairs ...string) []qdeVarValue {
	var out []qdeVarValue
	for i := 0; i+1 < len(pairs); i += 2 {
		name, val := pairs[i], pairs[i+1]
		if val == "" {
			continue
		}
		v.use(name)
		out = append(out, qdeVarValue{VariableRef: qdeRef{TargetGUID: varGUID(name)}, TextValue: &val})
	}
	return out
}

func (v *variables) use(name string) {
	for _, n := range v.order {
		if n == name {
			return
		}
	}
	v.order = append(v.order, name)
}

func (v *variables) element() *qdeVars {
	if len(v.order) == 0 {
		return nil
	}
	out := &qdeVars{}
	for _, n := range v.order {
		out.Variable = append(out.Variable, qdeVar{GUID: varGUID(n), Name: n, Type: "Text"})
	}
	return out
}
