package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/native"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// setsProject is agreeProject with three sets: "Shared" holds the
// document Ana and Ben both coded, "Solo" the one only Cem coded, "Empty"
// none.
func setsProject(t *testing.T) string {
	t.Helper()
	path, _, _ := agreeProject(t)
	p, err := sqlite.Open(path, sqlite.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	docs, err := p.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		name string
		docs []string
	}{{"Shared", []string{docs[0].ID}}, {"Solo", []string{docs[1].ID}}, {"Empty", nil}} {
		if _, err := p.CreateSet(context.Background(), s.name, "", s.docs); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestExportBySet(t *testing.T) {
	path := setsProject(t)
	out := filepath.Join(t.TempDir(), "shared.json")
	if code, _, errs := run(t, "export", path, "--set", "Shared", "-o", out); code != ExitOK {
		t.Fatalf("export --set: %d %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := native.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Documents) != 1 || b.Documents[0].Title != "Harbour" || len(b.Annotations) != 2 || len(b.Sets) != 1 || b.Sets[0].Name != "Shared" {
		t.Errorf("exported %d documents, %d annotations, sets %+v", len(b.Documents), len(b.Annotations), b.Sets)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		words []string
	}{
		{"unknown set", []string{"--set", "Nope"}, []string{`no set "Nope"`, `"Empty", "Shared", "Solo"`}},
		{"empty set", []string{"--set", "Empty"}, []string{`"Empty" holds no documents`}},
		{"document outside the set", []string{"--set", "Solo", "--document", b.Documents[0].ID}, []string{"not in the set", "Solo"}},
	} {
		code, _, errs := run(t, append([]string{"export", path, "-o", filepath.Join(t.TempDir(), "x.json")}, tc.args...)...)
		if code != ExitError {
			t.Errorf("%s: exit %d; %s", tc.name, code, errs)
		}
		mentions(t, tc.name, errs, tc.words...)
	}
}

func TestAgreeBySet(t *testing.T) {
	path := setsProject(t)
	code, out, errs := run(t, "agree", path, "--set", "Shared")
	if code != ExitOK {
		t.Fatalf("agree --set: %d %s", code, errs)
	}
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "Coders: Ana (1 document), Ben (1 document)") || strings.Contains(flat, "Cem") {
		t.Errorf("agree --set Shared:\n%s", out)
	}
	// Only Cem coded the document of "Solo": nothing to compare there.
	if code, _, errs := run(t, "agree", path, "--set", "Solo"); code != ExitError || !strings.Contains(errs, "fewer than two coders") {
		t.Errorf("agree --set Solo: %d %s", code, errs)
	}
}

func TestStatsShowsSets(t *testing.T) {
	path := setsProject(t)
	code, out, errs := run(t, "stats", path)
	if code != ExitOK {
		t.Fatalf("stats: %d %s", code, errs)
	}
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "Sets: 3 Empty 0 documents Shared 1 documents Solo 1 documents") {
		t.Errorf("stats:\n%s", out)
	}
	code, out, _ = run(t, "stats", path, "--json")
	if code != ExitOK || !strings.Contains(out, `"sets": 3`) || !strings.Contains(out, `"Shared": 1`) {
		t.Errorf("stats --json:\n%s", out)
	}
}
