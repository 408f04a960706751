package w3c

// The JSON shapes written, in the Web Annotation Data Model's vocabulary
// (https://www.w3.org/TR/annotation-model/). Field order is output order.

// AnnoContext is the Web Annotation JSON-LD context.
const AnnoContext = "http://www.w3.org/ns/anno.jsonld"

// Namespace is the IRI prefix of Saywho's own terms.
const Namespace = "https://saywho-app.github.io/ns/saywho#"

// saywhoContext defines the Saywho terms used beside the Web Annotation
// vocabulary; it only adds terms and redefines none.
var saywhoContext = map[string]string{
	"saywho":      Namespace,
	"offset_unit": "saywho:offsetUnit",
}

type collection struct {
	Context    []any  `json:"@context"`
	ID         string `json:"id"`
	Type       string `json:"type"`
	Label      string `json:"label,omitempty"`
	Total      int    `json:"total"`
	OffsetUnit string `json:"offset_unit"`
	First      page   `json:"first"`
}

type page struct {
	ID         string        `json:"id"`
	Type       string        `json:"type"`
	StartIndex int           `json:"startIndex"`
	Items      []*annotation `json:"items"`
}

type annotation struct {
	Context    any     `json:"@context"`
	ID         string  `json:"id"`
	Type       string  `json:"type"`
	Motivation string  `json:"motivation"`
	Created    string  `json:"created,omitempty"`
	Modified   string  `json:"modified,omitempty"`
	Creator    *agent  `json:"creator,omitempty"`
	Generator  *agent  `json:"generator,omitempty"`
	Body       []*body `json:"body,omitempty"`
	Target     any     `json:"target"` // *target, []*target or []resource
}

type agent struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
	Name string `json:"name,omitempty"`
}

type body struct {
	ID      string    `json:"id,omitempty"`
	Type    string    `json:"type"`
	Purpose string    `json:"purpose,omitempty"`
	Value   string    `json:"value,omitempty"`
	Format  string    `json:"format,omitempty"`
	Source  *resource `json:"source,omitempty"`
}

// resource is an identified web resource (a speaker, an annotation).
type resource struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
}

type target struct {
	Type     string `json:"type"`
	Source   string `json:"source"`
	Selector []any  `json:"selector"`
}

type quoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

type positionSelector struct {
	Type       string `json:"type"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	OffsetUnit string `json:"offset_unit,omitempty"`
}
