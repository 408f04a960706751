// Package w3c exports annotations as W3C Web Annotations (JSON-LD): one
// AnnotationCollection, or JSON Lines with one annotation a line.
//
// Each span becomes an annotation whose bodies carry its kind (purpose
// tagging), codes (classifying), attributes (describing, "key: value"),
// note (commenting) and, for a speaker mention, the registry speaker
// (identifying); its target is the document (urn:uuid:DOC) with a
// TextQuoteSelector and a TextPositionSelector, one target per part of a
// discontinuous span. Relations become "linking" annotations whose two
// targets are the linked annotation and annotation or speaker, with the
// relation type as a tagging body (the recogito-js convention).
package w3c

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Options control Export.
type Options struct {
	// JSONL writes one annotation per line instead of a collection.
	JSONL bool
	// OffsetUnit is the unit of TextPositionSelector start/end; "" means
	// code points, the unit the Web Annotation model defines. Another unit
	// is declared with an "offset_unit" property on every position
	// selector (and on the collection, which always names its unit).
	OffsetUnit textutil.OffsetUnit
}

// Export writes the bundle's annotations and relations.
func Export(b *storage.Bundle, w io.Writer, opts Options) error {
	unit, err := textutil.ParseOffsetUnit(string(opts.OffsetUnit))
	if err != nil {
		return err
	}
	items, err := annotations(lookup.New(b), unit)
	if err != nil {
		return err
	}
	if opts.JSONL {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, a := range items {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		return nil
	}
	c := collection{
		Context: []any{AnnoContext, saywhoContext},
		ID:      urn(b.Project.ID), Type: "AnnotationCollection", Label: b.Project.Name,
		Total: len(items), OffsetUnit: string(unit),
		First: page{ID: urn(guid.Derive("w3c-page", b.Project.ID, "1")), Type: "AnnotationPage", Items: items},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

func annotations(x *lookup.Index, unit textutil.OffsetUnit) ([]*annotation, error) {
	out := make([]*annotation, 0, len(x.B.Annotations)+len(x.B.Relations))
	for i := range x.B.Annotations {
		a, err := spanAnnotation(x, &x.B.Annotations[i], unit)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	for i := range x.B.Relations {
		out = append(out, linkAnnotation(x, &x.B.Relations[i]))
	}
	return out, nil
}

func spanAnnotation(x *lookup.Index, a *storage.Annotation, unit textutil.OffsetUnit) (*annotation, error) {
	ix := x.Text(a.DocumentID)
	if ix == nil {
		return nil, fmt.Errorf("annotation %s: unknown document %s", a.ID, a.DocumentID)
	}
	out := &annotation{Context: context(unit), ID: urn(a.ID), Type: "Annotation", Motivation: motivation(a.Kind),
		Created: stamp(a.Created), Modified: stamp(a.Modified), Creator: creator(x, a.AnnotatorID)}
	if a.Origin != "" && a.Origin != storage.OriginHuman {
		out.Generator = &agent{Type: "Software", Name: a.Origin}
	}
	out.Body = bodies(x, a)
	var targets []*target
	for _, r := range lookup.Spans(a) {
		if err := ix.Check(r.Start, r.End); err != nil {
			return nil, fmt.Errorf("annotation %s: %w", a.ID, err)
		}
		targets = append(targets, textTarget(a.DocumentID, ix, r, unit))
	}
	if len(targets) == 1 {
		out.Target = targets[0]
	} else {
		out.Target = targets
	}
	return out, nil
}

func textTarget(docID string, ix *textutil.Index, r storage.Range, unit textutil.OffsetUnit) *target {
	prefix, suffix := ix.Context(r.Start, r.End)
	pos := positionSelector{Type: "TextPositionSelector", Start: ix.Convert(r.Start, unit), End: ix.Convert(r.End, unit)}
	if unit != textutil.UnitCodepoint {
		pos.OffsetUnit = string(unit)
	}
	return &target{Type: "SpecificResource", Source: urn(docID), Selector: []any{
		quoteSelector{Type: "TextQuoteSelector", Exact: ix.Slice(r.Start, r.End), Prefix: prefix, Suffix: suffix},
		pos,
	}}
}

func bodies(x *lookup.Index, a *storage.Annotation) []*body {
	out := []*body{{Type: "TextualBody", Purpose: "tagging", Value: string(a.Kind), Format: "text/plain"}}
	for _, id := range a.Codes {
		if c := x.Codes[id]; c != nil {
			out = append(out, &body{ID: urn(c.ID), Type: "TextualBody", Purpose: "classifying", Value: c.Name, Format: "text/plain"})
		}
	}
	keys := make([]string, 0, len(a.Attrs))
	for k := range a.Attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, &body{Type: "TextualBody", Purpose: "describing", Value: k + ": " + a.Attrs[k], Format: "text/plain"})
	}
	if a.State != "" {
		out = append(out, &body{Type: "TextualBody", Purpose: "describing", Value: "state: " + a.State, Format: "text/plain"})
	}
	if sp := x.Speakers[a.SpeakerID]; sp != nil {
		out = append(out, &body{Type: "SpecificResource", Purpose: "identifying", Source: &resource{ID: urn(sp.ID), Label: sp.Name}})
		if sp.Wikidata != "" {
			out = append(out, &body{Type: "SpecificResource", Purpose: "identifying",
				Source: &resource{ID: "http://www.wikidata.org/entity/" + sp.Wikidata, Label: sp.Name}})
		}
	}
	if a.Note != "" {
		out = append(out, &body{Type: "TextualBody", Purpose: "commenting", Value: a.Note, Format: "text/plain"})
	}
	return out
}

func linkAnnotation(x *lookup.Index, r *storage.Relation) *annotation {
	to := resource{ID: urn(lookup.RelTarget(r))}
	if sp := x.Speakers[r.TargetSpeakerID]; sp != nil {
		to.Label = sp.Name
	}
	return &annotation{Context: AnnoContext, ID: urn(r.ID), Type: "Annotation", Motivation: "linking",
		Created: stamp(r.Created), Creator: creator(x, r.AnnotatorID),
		Body:   []*body{{Type: "TextualBody", Purpose: "tagging", Value: string(r.Type), Format: "text/plain"}},
		Target: []resource{{ID: urn(r.SourceID)}, to}}
}

// motivation says why a span was annotated: a speaker mention identifies
// its speaker, a coded passage is tagged, the other kinds classify the
// passage as a quote, claim or cue.
func motivation(k storage.Kind) string {
	switch k {
	case storage.KindSpeakerMention:
		return "identifying"
	case storage.KindCode:
		return "tagging"
	}
	return "classifying"
}

func context(unit textutil.OffsetUnit) any {
	if unit == textutil.UnitCodepoint {
		return AnnoContext
	}
	return []any{AnnoContext, saywhoContext}
}

func creator(x *lookup.Index, id string) *agent {
	if id == "" {
		return nil
	}
	return &agent{ID: urn(id), Type: "Person", Name: x.AnnotatorName(id)}
}

func urn(id string) string { return "urn:uuid:" + guid.For(id) }

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
