package storage

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Speaker attributes with an editable, per-project list of values (a
// vocabulary): the speaker registry offers the list, analyses group by
// the values and show them in the list's order.
const (
	SpeakerGender = "gender"
	SpeakerType   = "type"
	SpeakerRole   = "role"
)

// VocabularyAttributes lists the speaker attributes that have a
// vocabulary, in display order.
var VocabularyAttributes = []string{SpeakerGender, SpeakerType, SpeakerRole}

// DefaultVocabularies are the lists a new project starts with (and an
// older one gets when it is upgraded).
var DefaultVocabularies = []Vocabulary{
	{Attribute: SpeakerGender, Values: []string{"woman", "man", "non-binary", "unknown"}},
	{Attribute: SpeakerType, Values: []string{"person", "organisation", "document", "anonymous"}},
	{Attribute: SpeakerRole, Values: []string{"politician", "official", "expert", "citizen", "journalist", "spokesperson", "activist", "business", "celebrity", "other"}},
}

// Vocabulary is the ordered list of values offered for one speaker
// attribute (gender, type or role). Values are unique regardless of case.
// A speaker may hold a value outside the list (an imported one, say): it
// is kept and counted as given.
type Vocabulary struct {
	Attribute string   `json:"attribute"`
	Values    []string `json:"values"`
}

// ValidVocabularyAttribute reports whether attr has a vocabulary.
func ValidVocabularyAttribute(attr string) bool {
	for _, a := range VocabularyAttributes {
		if a == attr {
			return true
		}
	}
	return false
}

// SpeakerEdit changes some attributes of several speakers at once (bulk
// edit in the registry); nil fields are left as they are.
type SpeakerEdit struct {
	Gender, Type, Role, Affiliation, Country *string
}

// Empty reports whether the edit changes nothing.
func (e SpeakerEdit) Empty() bool {
	return e.Gender == nil && e.Type == nil && e.Role == nil && e.Affiliation == nil && e.Country == nil
}

// VariableType is the type of a document variable's values.
type VariableType string

// The variable types. They map onto REFI-QDA's typeOfVariable: Text,
// Float (or Integer when every value is whole) and Date.
const (
	VarText   VariableType = "text"
	VarNumber VariableType = "number"
	VarDate   VariableType = "date"
)

// VariableTypes lists the variable types.
var VariableTypes = []VariableType{VarText, VarNumber, VarDate}

// Valid reports whether t is a known variable type.
func (t VariableType) Valid() bool {
	return t == VarText || t == VarNumber || t == VarDate
}

// Variable is a user-defined document variable of the project (REFI-QDA's
// Variable of sources): a name unique in the project, a type, and one
// value per document (or none). The id is a UUID, like REFI-QDA's guid.
type Variable struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Type        VariableType `json:"type"`
	Description string       `json:"description,omitempty"`
	Position    int          `json:"position"`
	Created     time.Time    `json:"created"`
}

// NormaliseValue checks a value against the variable type and returns it
// in its stored form: text as given (trimmed), a number in Go's shortest
// decimal form, a date as YYYY-MM-DD (read from the usual formats, see
// ParseDate). An empty value means "no value".
func (t VariableType) NormaliseValue(value string) (string, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return "", nil
	}
	switch t {
	case VarNumber:
		f, err := strconv.ParseFloat(value, 64)
		if strings.Trim(value, "0123456789+-.eE") != "" || err != nil || math.IsInf(f, 0) {
			return "", fmt.Errorf("%w: %q is not a number", ErrInvalid, value)
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	case VarDate:
		d, ok := ParseDate(value)
		if !ok {
			return "", fmt.Errorf("%w: %q is not a date", ErrInvalid, value)
		}
		return d.Format(time.DateOnly), nil
	case VarText:
		return value, nil
	}
	return "", fmt.Errorf("%w: variable type %q", ErrInvalid, t)
}
