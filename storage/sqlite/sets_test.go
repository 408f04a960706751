package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// threeDocs adds three documents and returns their ids in import order.
func threeDocs(t *testing.T, p *Project) []string {
	t.Helper()
	var ids []string
	for i, text := range []string{"First 🌊 article.", "Second article, Zoë said.", "Third article 北京."} {
		d, err := p.AddDocument(bg, storage.Document{Title: fmt.Sprintf("Doc %d", i+1), Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	return ids
}

// members returns the documents of the set called name.
func members(t *testing.T, p *Project, name string) []string {
	t.Helper()
	s, err := p.FindSet(bg, name)
	if err != nil {
		t.Fatal(err)
	}
	return s.DocumentIDs
}

func TestSetsAPI(t *testing.T) {
	p := newProject(t)
	docs := threeDocs(t, p)
	a, err := p.CreateSet(bg, "  Sample A ", "pilot", []string{docs[2], docs[0]})
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Sample A" || a.Description != "pilot" || !storage.ValidID(a.ID) || a.Created.IsZero() {
		t.Fatalf("created %+v", a)
	}
	if !slices.Equal(a.DocumentIDs, []string{docs[0], docs[2]}) {
		t.Fatalf("members %v, want import order %v", a.DocumentIDs, []string{docs[0], docs[2]})
	}
	cases := []struct {
		name    string
		op      func() (int, error)
		want    int   // count returned
		wantErr error // nil: success
		members []string
	}{
		{"add one new", func() (int, error) { return p.AddToSet(bg, a.ID, []string{docs[1]}) }, 1, nil, docs},
		{"add again", func() (int, error) { return p.AddToSet(bg, a.ID, []string{docs[1], docs[0]}) }, 0, nil, docs},
		{"add unknown document", func() (int, error) { return p.AddToSet(bg, a.ID, []string{docs[1], "nope"}) }, 0, storage.ErrNotFound, docs},
		{"add to unknown set", func() (int, error) { return p.AddToSet(bg, "nope", docs) }, 0, storage.ErrNotFound, docs},
		{"remove one", func() (int, error) { return p.RemoveFromSet(bg, a.ID, []string{docs[1]}) }, 1, nil, []string{docs[0], docs[2]}},
		{"remove absent", func() (int, error) { return p.RemoveFromSet(bg, a.ID, []string{docs[1]}) }, 0, nil, []string{docs[0], docs[2]}},
		{"remove from unknown set", func() (int, error) { return p.RemoveFromSet(bg, "nope", docs) }, 0, storage.ErrNotFound, []string{docs[0], docs[2]}},
		{"create same name", func() (int, error) { _, err := p.CreateSet(bg, "Sample A", "", nil); return 0, err }, 0, storage.ErrExists, []string{docs[0], docs[2]}},
		{"create empty name", func() (int, error) { _, err := p.CreateSet(bg, " ", "", nil); return 0, err }, 0, storage.ErrInvalid, []string{docs[0], docs[2]}},
		{"create with unknown document", func() (int, error) {
			_, err := p.CreateSet(bg, "B", "", []string{"nope"})
			return 0, err
		}, 0, storage.ErrNotFound, []string{docs[0], docs[2]}},
		{"rename to empty", func() (int, error) { return 0, p.RenameSet(bg, a.ID, "") }, 0, storage.ErrInvalid, []string{docs[0], docs[2]}},
		{"rename unknown", func() (int, error) { return 0, p.RenameSet(bg, "nope", "X") }, 0, storage.ErrNotFound, []string{docs[0], docs[2]}},
		{"delete unknown", func() (int, error) { return 0, p.DeleteSet(bg, "nope") }, 0, storage.ErrNotFound, []string{docs[0], docs[2]}},
	}
	for _, c := range cases {
		n, err := c.op()
		if c.wantErr == nil && err != nil || c.wantErr != nil && !errors.Is(err, c.wantErr) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.wantErr)
		}
		if n != c.want {
			t.Errorf("%s: count %d, want %d", c.name, n, c.want)
		}
		if got := members(t, p, a.ID); !slices.Equal(got, c.members) {
			t.Errorf("%s: members %v, want %v", c.name, got, c.members)
		}
	}
	if _, err := p.FindSet(bg, "B"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a refused create left set B behind: %v", err)
	}
	if _, err := p.CreateSet(bg, "Batch 2", "", []string{docs[1]}); err != nil {
		t.Fatal(err)
	}
	if err := p.RenameSet(bg, a.ID, "Batch 2"); !errors.Is(err, storage.ErrExists) {
		t.Errorf("rename onto another set's name: %v", err)
	}
	if err := p.RenameSet(bg, a.ID, "batch 1"); err != nil {
		t.Fatal(err)
	}
	sets, err := p.Sets(bg)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range sets {
		names = append(names, fmt.Sprintf("%s:%d", s.Name, len(s.DocumentIDs)))
	}
	if strings.Join(names, " ") != "batch 1:2 Batch 2:1" {
		t.Errorf("sets %v, want by name ignoring case with their sizes", names)
	}
	st, err := p.Stats(bg)
	if err != nil {
		t.Fatal(err)
	}
	if st.Sets != 2 || st.BySet["batch 1"] != 2 || st.BySet["Batch 2"] != 1 {
		t.Errorf("stats %d sets, by set %v", st.Sets, st.BySet)
	}
	// Deleting a document takes it out of its sets; deleting a set keeps
	// its documents.
	if err := p.DeleteDocument(bg, docs[0]); err != nil {
		t.Fatal(err)
	}
	if got := members(t, p, "batch 1"); !slices.Equal(got, []string{docs[2]}) {
		t.Errorf("after deleting a document: %v", got)
	}
	if err := p.DeleteSet(bg, a.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := p.Stats(bg); st.Sets != 1 || st.Documents != 2 {
		t.Errorf("after deleting a set: %d sets, %d documents", st.Sets, st.Documents)
	}
	if probs, err := p.Check(bg); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

// Every set change is one undoable action that puts the project back
// exactly as it was, and redo repeats it exactly.
func TestSetsUndo(t *testing.T) {
	p := newProject(t)
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	docs := threeDocs(t, p)
	var id string
	steps := []struct {
		label string
		op    func() error
	}{
		{"New set Sample", func() error {
			s, err := p.CreateSet(bg, "Sample", "desc", docs[:2])
			id = s.ID
			return err
		}},
		{"Add to set", func() error { _, err := p.AddToSet(bg, id, docs[2:]); return err }},
		{"Remove from set", func() error { _, err := p.RemoveFromSet(bg, id, docs[:1]); return err }},
		{"Rename set", func() error { return p.RenameSet(bg, id, "Renamed") }},
		{"Delete document", func() error { return p.DeleteDocument(bg, docs[1]) }},
		{"Delete set", func() error { return p.DeleteSet(bg, id) }},
	}
	for _, st := range steps {
		before := dump(t, p)
		if err := st.op(); err != nil {
			t.Fatalf("%s: %v", st.label, err)
		}
		after := dump(t, p)
		if equalLines(before, after) {
			t.Fatalf("%s changed nothing", st.label)
		}
		label, err := p.Undo(bg)
		if err != nil || label != st.label {
			t.Fatalf("undo %q: label %q, %v", st.label, label, err)
		}
		if got := dump(t, p); !equalLines(got, before) {
			t.Fatalf("undo %s:\n%s", st.label, diffLines(before, got, 10))
		}
		if _, err := p.Redo(bg); err != nil {
			t.Fatalf("redo %s: %v", st.label, err)
		}
		if got := dump(t, p); !equalLines(got, after) {
			t.Fatalf("redo %s:\n%s", st.label, diffLines(after, got, 10))
		}
	}
	if probs, err := p.Check(bg); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

// Every table of the schema is in the undo log, so no change escapes undo,
// but for the derived ones, which their triggers keep in step.
func TestUndoCoversEveryTable(t *testing.T) {
	p := newProject(t)
	rows, err := p.DB().Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		n++
		if _, ok := undoTables[name]; !ok && !derivedTables[name] {
			t.Errorf("table %s is not covered by undo", name)
		}
	}
	if n < 11 {
		t.Fatalf("only %d tables found", n)
	}
}

// A project of schema 1 (before sets) is upgraded on open, after a backup
// copy, and keeps its data.
func TestMigrateSchema1AddsSets(t *testing.T) {
	path := schema1Project(t)
	p, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var v int
	if err := p.DB().QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion || v < 2 {
		t.Fatalf("user_version %d (%v), want %d", v, err, SchemaVersion)
	}
	if _, err := p.CreateSet(bg, "After upgrade", "", []string{"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"}); err != nil {
		t.Fatal(err)
	}
	baks, _ := filepath.Glob(path + ".v1.*.bak")
	if len(baks) != 1 {
		t.Fatalf("backups %v", baks)
	}
	if st, err := os.Stat(baks[0]); err != nil || st.Size() == 0 {
		t.Fatalf("backup %v", err)
	}
}

// schema1Project writes a project of schema 1 (before sets) with one
// document and returns its path.
func schema1Project(t *testing.T) string {
	t.Helper()
	return olderProject(t, 1, `INSERT INTO documents(id, title, imported, sha256, length, text) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', 'Old doc', '2025-01-01T00:00:00.000Z', 'x', 3, 'abc')`)
}

// olderProject writes a project of an older schema version with its
// metadata and the given rows, and returns its path.
func olderProject(t *testing.T, version int, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.saywho", version))
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)}
	stmts = append(stmts, migrations[:version]...)
	stmts = append(stmts, fmt.Sprintf("PRAGMA user_version = %d", version),
		`INSERT INTO meta(key, value) VALUES ('project_id', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'), ('name', 'Old'), ('created', '2025-01-01T00:00:00.000Z')`)
	for _, s := range append(stmts, rows...) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%.40s: %v", s, err)
		}
	}
	return path
}

// A project of an older schema is checked as it is, read-only: check does
// not upgrade it and counts what it has.
func TestCheckOlderSchemaReadOnly(t *testing.T) {
	path := schema1Project(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := OpenForCheck(path)
	if err != nil {
		t.Fatalf("check of a schema 1 project: %v", err)
	}
	if d := p.SchemaDifferences(); len(d) > 0 {
		t.Fatalf("a sound schema 1 project differs: %v", d)
	}
	st, err := p.Stats(bg)
	if err != nil || st.Documents != 1 || st.Sets != 0 {
		t.Fatalf("stats %+v, %v", st, err)
	}
	p.Close()
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(before) {
		t.Fatal("check changed the older project")
	}
}

func TestSnapshotBySet(t *testing.T) {
	p := newProject(t)
	docs := threeDocs(t, p)
	who, _ := p.EnsureAnnotator(bg, "coder")
	for _, d := range docs {
		if _, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d, Kind: storage.KindQuote, Start: 0, End: 5, AnnotatorID: who.ID}); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := p.CreateSet(bg, "In", "", []string{docs[0], docs[2]})
	p.CreateSet(bg, "Other", "", []string{docs[1]})
	empty, _ := p.CreateSet(bg, "Empty", "", nil)
	cases := []struct {
		name     string
		opts     storage.SnapshotOptions
		wantDocs []string
		wantSets []string
		wantErr  error
	}{
		{"whole project", storage.SnapshotOptions{}, docs, []string{"Empty", "In", "Other"}, nil},
		{"a set", storage.SnapshotOptions{SetID: in.ID}, []string{docs[0], docs[2]}, []string{"In"}, nil},
		{"a set and one of its documents", storage.SnapshotOptions{SetID: in.ID, DocumentIDs: []string{docs[2]}}, []string{docs[2]}, []string{"In"}, nil},
		{"a document outside the set", storage.SnapshotOptions{SetID: in.ID, DocumentIDs: []string{docs[1]}}, nil, nil, storage.ErrNotFound},
		{"an empty set", storage.SnapshotOptions{SetID: empty.ID}, nil, nil, nil},
		{"an unknown set", storage.SnapshotOptions{SetID: "nope"}, nil, nil, storage.ErrNotFound},
	}
	for _, c := range cases {
		b, err := p.Snapshot(bg, c.opts)
		if c.wantErr != nil {
			if !errors.Is(err, c.wantErr) {
				t.Errorf("%s: err %v, want %v", c.name, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var gotDocs, gotSets []string
		for _, d := range b.Documents {
			gotDocs = append(gotDocs, d.ID)
		}
		for _, s := range b.Sets {
			gotSets = append(gotSets, s.Name)
			for _, m := range s.DocumentIDs {
				if !slices.Contains(gotDocs, m) {
					t.Errorf("%s: set %s lists %s, which is not exported", c.name, s.Name, m)
				}
			}
		}
		if !slices.Equal(gotDocs, c.wantDocs) || !slices.Equal(gotSets, c.wantSets) || len(b.Annotations) != len(c.wantDocs) {
			t.Errorf("%s: documents %v sets %v (%d annotations), want %v %v", c.name, gotDocs, gotSets, len(b.Annotations), c.wantDocs, c.wantSets)
		}
	}
}

func TestMergeSets(t *testing.T) {
	src := newProject(t)
	docs := threeDocs(t, src)
	src.CreateSet(bg, "Batch 1", "first", docs[:2])
	src.CreateSet(bg, "Empty", "", nil)
	b, err := src.Snapshot(bg, storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dst := newProject(t)
	// The second document is already there under another id, and the
	// receiving coder has a "Batch 1" of their own with the third.
	own, err := dst.AddDocument(bg, storage.Document{Title: "mine", Text: "Second article, Zoë said."})
	if err != nil {
		t.Fatal(err)
	}
	third, _ := dst.AddDocument(bg, storage.Document{Title: "third", Text: "Third article 北京."})
	mine, _ := dst.CreateSet(bg, "Batch 1", "", []string{third.ID})
	for i := 0; i < 2; i++ {
		rep, err := dst.Merge(bg, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 && (rep.Sets != 1 || rep.SetMembers != 2) {
			t.Errorf("first merge: %d sets, %d members added: %+v", rep.Sets, rep.SetMembers, rep)
		}
		if i == 1 && (rep.Sets != 0 || rep.SetMembers != 0) {
			t.Errorf("second merge added %d sets, %d members", rep.Sets, rep.SetMembers)
		}
	}
	got, err := dst.FindSet(bg, "Batch 1")
	if err != nil || got.ID != mine.ID {
		t.Fatalf("Batch 1 = %+v (%v), want the receiving project's set", got, err)
	}
	if want := []string{own.ID, third.ID, docs[0]}; !slices.Equal(slices.Sorted(slices.Values(got.DocumentIDs)), slices.Sorted(slices.Values(want))) {
		t.Errorf("members %v, want %v", got.DocumentIDs, want)
	}
	if e, err := dst.FindSet(bg, "Empty"); err != nil || len(e.DocumentIDs) != 0 {
		t.Errorf("empty set: %+v %v", e, err)
	}
	// A set naming a document the bundle does not carry is reported.
	b.Sets = []storage.Set{{ID: storage.NewID(), Name: "Ghosts", DocumentIDs: []string{storage.NewID()}}}
	rep, err := dst.Merge(bg, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(rep.Notices, "\n"), `set "Ghosts": 1 of its documents are not in the project`) {
		t.Errorf("notices %q", rep.Notices)
	}
}
