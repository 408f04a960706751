package brat

import (
	"fmt"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// writer renders .ann files and gathers what it could not write.
type writer struct {
	m     Mapping
	x     *lookup.Index
	conf  *conf
	tally map[string]int
}

func (w *writer) count(format string, args ...any) { w.tally[fmt.Sprintf(format, args...)]++ }

func (w *writer) flush() []string {
	var out []string
	for _, k := range sortedKeys(w.tally) {
		if n := w.tally[k]; n > 1 {
			out = append(out, fmt.Sprintf("%s (%d times)", k, n))
		} else {
			out = append(out, k)
		}
	}
	return out
}

// fileBuilder is one .ann file under construction.
type fileBuilder struct {
	f       File
	tid     map[string]string // annotation id → T id
	covered map[[3]string]bool
	n       map[byte]int
}

func (fb *fileBuilder) next(prefix byte) string {
	fb.n[prefix]++
	return fmt.Sprintf("%c%d", prefix, fb.n[prefix])
}

// file renders one coder's annotations of one document.
func (w *writer) file(anns []*storage.Annotation) *File {
	fb := &fileBuilder{tid: map[string]string{}, covered: map[[3]string]bool{}, n: map[byte]int{}}
	for _, a := range anns {
		id := fb.next('T')
		fb.tid[a.ID] = id
		label := a.Attrs[storage.AttrLabel]
		if label == "" {
			label = w.m.label(a.Kind)
		}
		label = w.token(label, "label")
		var texts []string
		for _, r := range lookup.Spans(a) {
			texts = append(texts, w.x.Text(a.DocumentID).Slice(r.Start, r.End))
		}
		fb.f.Entities = append(fb.f.Entities, Entity{ID: id, Label: label, Spans: lookup.Spans(a), Text: flat(strings.Join(texts, " "))})
		if a.Attrs[AttrEvent] == "" {
			w.conf.entity(label)
		}
	}
	for _, a := range anns {
		w.events(fb, a)
	}
	for _, a := range anns {
		w.relations(fb, a)
		w.attributes(fb, a)
		w.speaker(fb, a)
		if a.Note != "" {
			if strings.ContainsAny(a.Note, "\r\n\t") {
				w.count("notes with line breaks are written on one line")
			}
			fb.f.Notes = append(fb.f.Notes, Note{ID: fb.next('#'), Type: "AnnotatorNotes", Target: fb.tid[a.ID], Text: flat(a.Note)})
		}
	}
	return &fb.f
}

// events writes the E lines kept on a trigger annotation and records the
// relations they imply, so that those are not written again as R lines.
func (w *writer) events(fb *fileBuilder, a *storage.Annotation) {
	for _, line := range strings.Split(a.Attrs[AttrEvent], "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		e := Event{ID: fb.next('E'), Type: w.token(fields[0], "label"), Trigger: fb.tid[a.ID]}
		roles := map[string][]string{}
		for _, f := range fields[1:] {
			role, ann, _ := strings.Cut(f, ":")
			t, ok := fb.tid[ann]
			if !ok {
				w.count("event arguments whose annotation was deleted or belongs to another coder are left out")
				continue
			}
			e.Args = append(e.Args, Arg{Role: role, Ref: t})
			roles[baseRole(role)] = append(roles[baseRole(role)], ann)
		}
		for _, rl := range w.m.Roles {
			for _, from := range roles[rl.From] {
				for _, to := range roles[rl.To] {
					fb.covered[[3]string{string(rl.Relation), from, to}] = true
				}
			}
		}
		fb.f.Events = append(fb.f.Events, e)
		w.conf.event(e)
	}
}

// relations writes the relations starting at a as R lines, unless an event
// already implies them.
func (w *writer) relations(fb *fileBuilder, a *storage.Annotation) {
	for _, r := range w.x.RelsFrom[a.ID] {
		if fb.covered[[3]string{string(r.Type), r.SourceID, r.TargetID}] {
			continue
		}
		if r.TargetID == "" {
			w.count("%s links to a registry speaker (no text span) are not written", r.Type)
			continue
		}
		t, ok := fb.tid[r.TargetID]
		if !ok {
			w.count("relations to another coder's annotations are not written")
			continue
		}
		typ := w.token(w.m.relLabel(r.Type), "relation")
		fb.f.Relations = append(fb.f.Relations, Rel{ID: fb.next('R'), Type: typ,
			Args: [2]Arg{{Role: "Arg1", Ref: fb.tid[a.ID]}, {Role: "Arg2", Ref: t}}})
		w.conf.relation(typ)
	}
}

// attributes writes a's codes, attributes and detector origin as A lines.
func (w *writer) attributes(fb *fileBuilder, a *storage.Annotation) {
	add := func(name, value string) {
		name, value = w.token(name, "attribute name"), w.token(value, "attribute value")
		if value == "true" {
			value = ""
		}
		fb.f.Attributes = append(fb.f.Attributes, Attr{ID: fb.next('A'), Name: name, Target: fb.tid[a.ID], Value: value})
		w.conf.attribute(name, value)
	}
	names := w.x.CodeNames(a.Codes)
	sort.Strings(names)
	for _, c := range names {
		add(attrCode, c)
	}
	keys := make([]string, 0, len(a.Attrs))
	for k := range a.Attrs {
		if k != storage.AttrLabel && k != AttrEvent {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		add(k, a.Attrs[k])
	}
	if a.Origin != "" && a.Origin != storage.OriginHuman {
		add(attrOrigin, a.Origin)
	}
	if a.State != "" {
		add(attrState, a.State)
	}
}

// speaker writes a speaker mention's registry link as normalizations.
func (w *writer) speaker(fb *fileBuilder, a *storage.Annotation) {
	sp := w.x.Speakers[a.SpeakerID]
	if sp == nil {
		return
	}
	name := flat(sp.Name)
	fb.f.Norms = append(fb.f.Norms, Norm{ID: fb.next('N'), Type: "Reference", Target: fb.tid[a.ID], DB: dbSaywho, Key: sp.ID, Text: name})
	if sp.Wikidata != "" {
		fb.f.Norms = append(fb.f.Norms, Norm{ID: fb.next('N'), Type: "Reference", Target: fb.tid[a.ID], DB: dbWikidata, Key: w.token(sp.Wikidata, "Wikidata id"), Text: name})
	}
	if sp.Role != "" || sp.Affiliation != "" || len(sp.Aliases) > 0 || sp.Note != "" {
		w.count("speaker details (role, affiliation, aliases, note) are not written; only the link and name")
	}
}

// token makes s a brat token (no white space), counting changes.
func (w *writer) token(s, what string) string {
	t := strings.Join(strings.Fields(s), "_")
	if t != s {
		w.count("%s %q written as %q (brat allows no spaces there)", what, s, t)
	}
	if t == "" {
		t = "_"
	}
	return t
}
