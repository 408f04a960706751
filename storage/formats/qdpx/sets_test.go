package qdpx

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

// Document sets are written as Sets of MemberSources that the REFI-QDA
// schema accepts, and come back with their members.
func TestSetsExport(t *testing.T) {
	b, x := fixture.Harbour()
	files := exportFixture(t, Options{})
	var p qdeProject
	if err := xml.Unmarshal(files["project.qde"], &p); err != nil {
		t.Fatal(err)
	}
	if p.Sets == nil || len(p.Sets.Set) != len(b.Sets) {
		t.Fatalf("sets %+v", p.Sets)
	}
	coast := p.Sets.Set[0]
	if coast.GUID != guid.For(x.Coast) || coast.Name != "Coast & harbour 🌊" || coast.Description != "Articles about the <coast>" ||
		len(coast.MemberSources) != 2 || coast.MemberSources[0].TargetGUID != guid.For(x.Harbour) || coast.MemberSources[1].TargetGUID != guid.For(x.PortDoc) {
		t.Errorf("set %+v", coast)
	}
	if empty := p.Sets.Set[1]; empty.Name != "Unsorted" || len(empty.MemberSources)+len(empty.MemberCodes)+len(empty.MemberNotes) != 0 {
		t.Errorf("empty set %+v", empty)
	}
	if !strings.Contains(string(files["project.qde"]), "<MemberSource targetGUID=") {
		t.Error("no MemberSource element written")
	}
	xmllint(t, xsdPath(t), "project.qde", files["project.qde"])
}

// An export of some documents only lists only those in its sets.
func TestSetsExportKeepsExportedMembers(t *testing.T) {
	b, x := fixture.Harbour()
	b.Documents = b.Documents[:1]
	var keep = b.Annotations[:0]
	for _, a := range b.Annotations {
		if a.DocumentID == x.Harbour {
			keep = append(keep, a)
		}
	}
	b.Annotations, b.Memos = keep, nil
	b.Relations = nil
	qde, _, err := build(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var p qdeProject
	if err := xml.Unmarshal(qde, &p); err != nil {
		t.Fatal(err)
	}
	if got := p.Sets.Set[0].MemberSources; len(got) != 1 || got[0].TargetGUID != guid.For(x.Harbour) {
		t.Errorf("members %+v", got)
	}
}
