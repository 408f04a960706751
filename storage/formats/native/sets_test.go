package native

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// The export carries the sets with their members, and an export of
// format version 1 (before sets) still imports.
func TestSetsInExport(t *testing.T) {
	p := buildProject(t)
	data := export(t, p)
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if f.Version != Version || len(f.Sets) != 2 {
		t.Fatalf("version %d, sets %+v", f.Version, f.Sets)
	}
	want := map[string]int{"Empty": 0, "Sample 🌊": 2}
	for _, s := range f.Sets {
		if n, ok := want[s.Name]; !ok || len(s.DocumentIDs) != n {
			t.Errorf("set %q with %d documents", s.Name, len(s.DocumentIDs))
		}
		if s.Name == "Sample 🌊" && (s.Description != "every other article" || !slices.Equal(s.DocumentIDs, []string{f.Documents[0].ID, f.Documents[2].ID})) {
			t.Errorf("sample set %+v", s)
		}
	}
	if !bytes.Contains(data, []byte(`"document_ids": [`)) {
		t.Errorf("member list not written as an array:\n%s", data)
	}
	// Version 1: no "sets" key at all.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	delete(raw, "sets")
	raw["version"] = json.RawMessage("1")
	v1, _ := json.Marshal(raw)
	b, err := Import(v1)
	if err != nil {
		t.Fatalf("a version 1 export is refused: %v", err)
	}
	if len(b.Sets) != 0 || len(b.Documents) != len(f.Documents) {
		t.Errorf("version 1 import: %d sets, %d documents", len(b.Sets), len(b.Documents))
	}
	// The schema checks a set's name and members.
	id := f.Documents[0].ID
	for _, c := range []struct{ old, new string }{
		{`"name": "Empty"`, `"name": ""`},
		{`"document_ids": []`, `"document_ids": ["x"]`},
		{`"document_ids": []`, `"document_ids": ["` + id + `", "` + id + `"]`},
	} {
		if !bytes.Contains(data, []byte(c.old)) {
			t.Fatalf("%s not in the export", c.old)
		}
		if _, err := Import(bytes.Replace(data, []byte(c.old), []byte(c.new), 1)); err == nil {
			t.Errorf("accepted a set with %s", c.new)
		}
	}
}
