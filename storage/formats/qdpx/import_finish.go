package qdpx

import (
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// reportLeftovers reports what the project holds that Saywho has no place
// for.
func (im *importer) reportLeftovers() {
	p := im.p
	if p.Graphs != nil && len(p.Graphs.Children) > 0 {
		im.notef("%d graphs not imported", len(p.Graphs.Children))
	}
	if strings.TrimSpace(p.Description) != "" {
		im.notef("the project description was not imported")
	}
	for _, ref := range p.NoteRefs {
		if n := im.useNote(ref.TargetGUID); n != nil {
			im.notef("project note %q was not imported (Saywho keeps notes on documents and passages)", n.name)
		}
	}
	var loose []string
	for _, n := range im.notes {
		if !n.used {
			loose = append(loose, n.name)
		}
	}
	sort.Strings(loose)
	if len(loose) > 0 {
		im.notef("%d notes attached to no source or selection were not imported: %s", len(loose), strings.Join(loose, "; "))
	}
}

// finish puts the bundle in its documented order.
func (im *importer) finish() { lookup.SortAnnotations(im.b) }

// indexAnnotations maps annotation ids to the bundle's annotations, once
// no more are added.
func (im *importer) indexAnnotations() {
	for i := range im.b.Annotations {
		im.anns[im.b.Annotations[i].ID] = &im.b.Annotations[i]
	}
}
