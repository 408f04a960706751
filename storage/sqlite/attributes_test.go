package sqlite

import (
	"errors"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

func ptr(s string) *string { return &s }

// A new project starts with the default vocabularies, in their order.
func TestDefaultVocabularies(t *testing.T) {
	p := newProject(t)
	got, err := p.Vocabularies(bg)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, storage.DefaultVocabularies) {
		t.Fatalf("vocabularies %v, want the defaults %v", got, storage.DefaultVocabularies)
	}
}

// schema3Project writes a project of schema 3 (before speaker attributes)
// with a speaker and a document, and returns its path.
func schema3Project(t *testing.T) string {
	t.Helper()
	return olderProject(t, 3,
		`INSERT INTO documents(id, title, imported, sha256, length, text) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', 'Old doc', '2025-01-01T00:00:00.000Z', '`+textutil.SHA256("abc")+`', 3, 'abc')`,
		`INSERT INTO speakers(id, name, role, created, modified) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d', 'Okonjo', 'Mayor', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`)
}

// A schema 3 project is upgraded on open: its speakers and documents keep
// their data, gain empty attributes, and the default vocabularies appear.
func TestMigrateSchema3AddsAttributes(t *testing.T) {
	path := schema3Project(t)
	p, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	s, err := p.Speaker(bg, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d")
	if err != nil || s.Name != "Okonjo" || s.Role != "Mayor" || s.Gender != "" || s.Type != "" {
		t.Fatalf("speaker after the upgrade %+v, %v", s, err)
	}
	d, err := p.Document(bg, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c")
	if err != nil || d.Title != "Old doc" || d.Section != "" || d.Variables != nil {
		t.Fatalf("document after the upgrade %+v, %v", d, err)
	}
	v, err := p.Vocabularies(bg)
	if err != nil || !reflect.DeepEqual(v, storage.DefaultVocabularies) {
		t.Fatalf("vocabularies after the upgrade %v, %v", v, err)
	}
	if _, err := p.EditSpeakers(bg, []string{s.ID}, storage.SpeakerEdit{Gender: ptr("woman")}); err != nil {
		t.Fatal(err)
	}
	if problems, err := p.Check(bg); err != nil || len(problems) > 0 {
		t.Fatalf("check after the upgrade: %v %v", problems, err)
	}
}

// Speakers keep gender, type and country; a listed value given in another
// case takes the list's spelling, an unlisted one is kept as given.
func TestSpeakerAttributes(t *testing.T) {
	p := newProject(t)
	for _, c := range []struct {
		in, want storage.Speaker
	}{
		{storage.Speaker{Name: "Okonjo", Gender: "Woman", Type: " PERSON ", Role: "Politician", Country: " NG "},
			storage.Speaker{Name: "Okonjo", Gender: "woman", Type: "person", Role: "politician", Country: "NG"}},
		{storage.Speaker{Name: "Harbour Board", Type: "organisation", Role: "port authority"},
			storage.Speaker{Name: "Harbour Board", Type: "organisation", Role: "port authority"}},
		{storage.Speaker{Name: "Adler", Gender: "genderqueer"},
			storage.Speaker{Name: "Adler", Gender: "genderqueer"}},
	} {
		s, err := p.AddSpeaker(bg, c.in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Speaker(bg, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Gender != c.want.Gender || got.Type != c.want.Type || got.Role != c.want.Role || got.Country != c.want.Country {
			t.Errorf("%s: stored %q/%q/%q/%q, want %q/%q/%q/%q", c.in.Name, got.Gender, got.Type, got.Role, got.Country,
				c.want.Gender, c.want.Type, c.want.Role, c.want.Country)
		}
		got.Gender = "MAN"
		upd, err := p.UpdateSpeaker(bg, got)
		if err != nil || upd.Gender != "man" {
			t.Errorf("update: %q, %v", upd.Gender, err)
		}
	}
	all, err := p.Speakers(bg)
	if err != nil || len(all) != 3 || all[0].Gender != "man" {
		t.Fatalf("Speakers: %+v, %v", all, err)
	}
}

// EditSpeakers sets some attributes of several speakers in one undoable
// action; an unknown id fails the whole edit.
func TestEditSpeakers(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range []string{"Okonjo", "Adler", "Park"} {
		s, err := p.AddSpeaker(bg, storage.Speaker{Name: n, Role: "official", Affiliation: "Town"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	attrs := func() []string {
		var out []string
		for _, id := range ids {
			s, err := p.Speaker(bg, id)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s.Gender+"/"+s.Role+"/"+s.Affiliation+"/"+s.Country)
		}
		return out
	}
	before := attrs()
	n, err := p.EditSpeakers(bg, []string{ids[0], ids[1], ids[0]}, storage.SpeakerEdit{Gender: ptr("Woman"), Role: ptr("politician"), Country: ptr("NG")})
	if err != nil || n != 2 {
		t.Fatalf("edit: %d, %v", n, err)
	}
	want := []string{"woman/politician/Town/NG", "woman/politician/Town/NG", "/official/Town/"}
	if got := attrs(); !slices.Equal(got, want) {
		t.Fatalf("after the edit %v, want %v", got, want)
	}
	if p.UndoLabel() != "Edit 2 speakers" {
		t.Errorf("undo label %q", p.UndoLabel())
	}
	if _, err := p.Undo(bg); err != nil {
		t.Fatal(err)
	}
	if got := attrs(); !slices.Equal(got, before) {
		t.Fatalf("one undo left %v, want %v", got, before)
	}
	if _, err := p.EditSpeakers(bg, []string{ids[2], storage.NewID()}, storage.SpeakerEdit{Gender: ptr("man")}); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("edit with an unknown id: %v", err)
	}
	if got := attrs(); !slices.Equal(got, before) {
		t.Fatalf("a failed edit changed %v", got)
	}
	if _, err := p.EditSpeakers(bg, ids, storage.SpeakerEdit{}); !errors.Is(err, storage.ErrInvalid) {
		t.Fatalf("an empty edit: %v", err)
	}
}

// Vocabularies are edited as a whole list; renaming a value renames it in
// every speaker, and renaming into another value merges the two.
func TestVocabularyEdits(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    storage.Vocabulary
		want error
	}{
		{storage.Vocabulary{Attribute: "mood", Values: []string{"calm"}}, storage.ErrInvalid},
		{storage.Vocabulary{Attribute: storage.SpeakerRole, Values: []string{"expert", "Expert"}}, storage.ErrInvalid},
		{storage.Vocabulary{Attribute: storage.SpeakerRole, Values: []string{"expert", " "}}, storage.ErrInvalid},
		{storage.Vocabulary{Attribute: storage.SpeakerRole, Values: []string{" minister ", "mayor", "expert"}}, nil},
	} {
		if err := p.SetVocabulary(bg, c.v); !errors.Is(err, c.want) {
			t.Errorf("SetVocabulary(%v): %v, want %v", c.v, err, c.want)
		}
	}
	roles := func() []string {
		v, err := p.Vocabularies(bg)
		if err != nil {
			t.Fatal(err)
		}
		return v[2].Values
	}
	if got := roles(); !slices.Equal(got, []string{"minister", "mayor", "expert"}) {
		t.Fatalf("roles %v", got)
	}
	a, _ := p.AddSpeaker(bg, storage.Speaker{Name: "A", Role: "Mayor"})
	b, _ := p.AddSpeaker(bg, storage.Speaker{Name: "B", Role: "minister"})
	n, err := p.RenameVocabularyValue(bg, storage.SpeakerRole, "mayor", "local politician")
	if err != nil || n != 1 {
		t.Fatalf("rename: %d, %v", n, err)
	}
	if s, _ := p.Speaker(bg, a.ID); s.Role != "local politician" {
		t.Errorf("renamed speaker role %q", s.Role)
	}
	n, err = p.RenameVocabularyValue(bg, storage.SpeakerRole, "minister", "Local Politician")
	if err != nil || n != 1 {
		t.Fatalf("merge: %d, %v", n, err)
	}
	if got := roles(); !slices.Equal(got, []string{"local politician", "expert"}) {
		t.Fatalf("roles after the merge %v", got)
	}
	if s, _ := p.Speaker(bg, b.ID); s.Role != "local politician" {
		t.Errorf("merged speaker role %q", s.Role)
	}
	if _, err := p.RenameVocabularyValue(bg, storage.SpeakerRole, "astronaut", "x"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("rename of an unlisted value: %v", err)
	}
	if _, err := p.Undo(bg); err != nil {
		t.Fatal(err)
	}
	if s, _ := p.Speaker(bg, b.ID); s.Role != "minister" || !slices.Equal(roles(), []string{"minister", "local politician", "expert"}) {
		t.Errorf("undo of the merge: role %q, list %v", s.Role, roles())
	}
}

// Document variables: defined with a type, values checked and kept in
// the type's form, retyped only when every value fits, deleted with their
// values; sections are kept with the other details.
func TestDocumentVariables(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	d, err := p.AddDocument(bg, storage.Document{Title: "Harbour", Section: "Politics", Text: unicodeText,
		Variables: map[string]string{"page": " A3 ", "empty": ""}})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(d.Variables, map[string]string{"page": "A3"}) {
		t.Errorf("AddDocument returned variables %v", d.Variables)
	}
	words, err := p.AddVariable(bg, storage.Variable{Name: "Words", Type: storage.VarNumber})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddVariable(bg, storage.Variable{Name: "words"}); !errors.Is(err, storage.ErrExists) {
		t.Errorf("a second variable named alike: %v", err)
	}
	if _, err := p.AddVariable(bg, storage.Variable{Name: "x", Type: "boolean"}); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("an unknown type: %v", err)
	}
	if err := p.SetDocumentVariables(bg, d.ID, map[string]string{"words": "1,200", "issue": "7"}); !errors.Is(err, storage.ErrInvalid) {
		t.Fatalf("a number that is not one: %v", err)
	}
	if err := p.SetDocumentVariables(bg, d.ID, map[string]string{"WORDS": "1200.50", "issue": "7", "printed": "12 March 2025"}); err != nil {
		t.Fatal(err)
	}
	got, err := p.Document(bg, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"page": "A3", "Words": "1200.5", "issue": "7", "printed": "12 March 2025"}
	if got.Section != "Politics" || !maps.Equal(got.Variables, want) {
		t.Fatalf("document %q %v, want %v", got.Section, got.Variables, want)
	}
	vars, _ := p.Variables(bg)
	if len(vars) != 4 || vars[0].Name != "page" || vars[1].Name != "Words" || vars[1].Type != storage.VarNumber {
		t.Fatalf("variables %+v", vars)
	}
	printed := vars[3]
	printed.Type = storage.VarNumber
	if _, err := p.UpdateVariable(bg, printed); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("retyping a date as a number: %v", err)
	}
	printed.Type = storage.VarDate
	if _, err := p.UpdateVariable(bg, printed); err != nil {
		t.Fatal(err)
	}
	got, _ = p.Document(bg, d.ID)
	if got.Variables["printed"] != "2025-03-12" {
		t.Errorf("date after retyping %q", got.Variables["printed"])
	}
	if err := p.DeleteVariable(bg, words.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = p.Document(bg, d.ID)
	if _, ok := got.Variables["Words"]; ok {
		t.Error("a deleted variable's value is still there")
	}
	if _, err := p.Undo(bg); err != nil {
		t.Fatal(err)
	}
	got, _ = p.Document(bg, d.ID)
	if got.Variables["Words"] != "1200.5" {
		t.Errorf("undo of the deletion: %v", got.Variables)
	}
	got.Section = "Business"
	if err := p.UpdateDocumentMeta(bg, got); err != nil {
		t.Fatal(err)
	}
	list, _ := p.Documents(bg)
	if list[0].Section != "Business" || list[0].Variables != nil {
		t.Errorf("document list: section %q, variables %v", list[0].Section, list[0].Variables)
	}
}

// A snapshot carries the attributes, sections, variables and their
// definitions; merged into another project they arrive as they were.
func TestMergeCarriesAttributes(t *testing.T) {
	src := newProject(t)
	d, err := src.AddDocument(bg, storage.Document{Title: "Harbour", Section: "Politics", Text: unicodeText})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddVariable(bg, storage.Variable{Name: "printed", Type: storage.VarDate, Description: "print edition"}); err != nil {
		t.Fatal(err)
	}
	if err := src.SetDocumentVariables(bg, d.ID, map[string]string{"printed": "2025-03-12", "page": "A3"}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddSpeaker(bg, storage.Speaker{Name: "Okonjo", Gender: "woman", Type: "person", Country: "NG"}); err != nil {
		t.Fatal(err)
	}
	b, err := src.Snapshot(bg, storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Variables) != 2 || !maps.Equal(b.Documents[0].Variables, map[string]string{"printed": "2025-03-12", "page": "A3"}) {
		t.Fatalf("snapshot variables %+v, document %v", b.Variables, b.Documents[0].Variables)
	}
	dst := newProject(t)
	if _, err := dst.AddVariable(bg, storage.Variable{Name: "page", Type: storage.VarNumber}); err != nil {
		t.Fatal(err)
	}
	rep, err := dst.Merge(bg, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Conflicts) != 1 || rep.Conflicts[0].Kind != "variable" || len(rep.Notices) != 1 {
		t.Errorf("merge report: conflicts %+v, notices %v", rep.Conflicts, rep.Notices)
	}
	got, err := dst.Document(bg, d.ID)
	if err != nil || got.Section != "Politics" || !maps.Equal(got.Variables, map[string]string{"printed": "2025-03-12"}) {
		t.Fatalf("merged document %q %v, %v", got.Section, got.Variables, err)
	}
	vars, _ := dst.Variables(bg)
	if len(vars) != 2 || vars[1].Name != "printed" || vars[1].Type != storage.VarDate || vars[1].Description != "print edition" {
		t.Errorf("merged variables %+v", vars)
	}
	all, _ := dst.Speakers(bg)
	if len(all) != 1 || all[0].Gender != "woman" || all[0].Type != "person" || all[0].Country != "NG" {
		t.Errorf("merged speakers %+v", all)
	}
}

// Subscribers hear of vocabulary and variable edits, and of the document
// whose values changed.
func TestChangesOfAttributes(t *testing.T) {
	p := newProject(t)
	d, _ := seed(t, p)
	var got []storage.Change
	cancel, err := p.Subscribe(func(c storage.Change) { got = append(got, c) })
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	if err := p.SetVocabulary(bg, storage.Vocabulary{Attribute: storage.SpeakerType, Values: []string{"person"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddVariable(bg, storage.Variable{Name: "page"}); err != nil {
		t.Fatal(err)
	}
	if err := p.SetDocumentVariables(bg, d.ID, map[string]string{"page": "A3"}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !got[0].Vocabularies || got[0].Variables || !got[1].Variables || !slices.Equal(got[2].Documents, []string{d.ID}) || got[2].Variables {
		t.Fatalf("changes %+v", got)
	}
}
