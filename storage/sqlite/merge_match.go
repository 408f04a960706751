package sqlite

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// annotationKey is what makes an annotation the same one for Merge when
// ids differ: its coder, kind, parts (in text order), label and, for a
// coded passage, its codes. Attributes, speaker, note and codes of other
// kinds are what such an annotation says, compared once it matched.
func annotationKey(a *storage.Annotation) string {
	var sb strings.Builder
	sb.WriteString(a.AnnotatorID + "|" + string(a.Kind) + "|" + strconv.Itoa(a.Start) + "-" + strconv.Itoa(a.End) + "|")
	for _, r := range storage.InTextOrder(a.Ranges) {
		sb.WriteString(strconv.Itoa(r.Start) + "-" + strconv.Itoa(r.End) + ",")
	}
	sb.WriteString("|" + a.Attrs[storage.AttrLabel])
	if a.Kind == storage.KindCode {
		sb.WriteString("|" + strings.Join(slices.Sorted(slices.Values(a.Codes)), ","))
	}
	return sb.String()
}

// annotationDiff names what differs between a file's annotation (as it
// would be stored) and the project's; nil when nothing does. Times, ids
// and the derived text, prefix and suffix are not compared.
func annotationDiff(file, proj *storage.Annotation) []string {
	var diff []string
	add := func(differs bool, what string) {
		if differs {
			diff = append(diff, what)
		}
	}
	add(file.DocumentID != proj.DocumentID, "document")
	add(file.AnnotatorID != proj.AnnotatorID, "coder")
	add(file.Kind != proj.Kind, "kind")
	sameParts := slices.Equal(storage.InTextOrder(file.Ranges), storage.InTextOrder(proj.Ranges))
	add(file.Start != proj.Start || file.End != proj.End || !sameParts, "span")
	add(sameParts && !slices.Equal(file.Ranges, proj.Ranges), "order of parts")
	if keys := attrDiff(file.Attrs, proj.Attrs); len(keys) > 0 {
		diff = append(diff, "attributes ("+strings.Join(keys, ", ")+")")
	}
	add(!slices.Equal(slices.Sorted(slices.Values(file.Codes)), slices.Sorted(slices.Values(proj.Codes))), "codes")
	add(file.SpeakerID != proj.SpeakerID, "speaker")
	add(file.Note != proj.Note, "note")
	add(originOf(file) != originOf(proj), "origin")
	add(file.State != proj.State, "state")
	return diff
}

func originOf(a *storage.Annotation) string {
	if a.Origin == "" {
		return storage.OriginHuman
	}
	return a.Origin
}

// attrDiff lists the keys whose values differ, sorted.
func attrDiff(a, b map[string]string) []string {
	var keys []string
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// relationKey is what makes a link the same one: its type and ends.
func relationKey(r *storage.Relation) string {
	return string(r.Type) + "|" + r.SourceID + "|" + r.TargetID + "|" + r.TargetSpeakerID
}

var idPattern = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// rewriteRefs replaces, in attribute values, the ids of the file's
// annotations by what they became in the project (a brat event names its
// arguments by id).
func rewriteRefs(attrs map[string]string, ids map[string]string) {
	for _, k := range slices.Collect(maps.Keys(attrs)) {
		v := attrs[k]
		if !strings.Contains(v, "-") {
			continue
		}
		attrs[k] = idPattern.ReplaceAllStringFunc(v, func(id string) string { return mapped(ids, id) })
	}
}

// describeAnnotation names an annotation for a report: kind, text excerpt
// and offsets.
func describeAnnotation(a *storage.Annotation) string {
	return fmt.Sprintf("%s %q [%d,%d)", storage.KindLabel(a.Kind), excerpt(a.Text), a.Start, a.End)
}

// excerpt shortens s to one line of at most 40 characters.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
