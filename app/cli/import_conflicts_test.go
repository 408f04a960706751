package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportQuietStillListsConflicts: -q prints only problems, and an item
// that clashes with the project is one: it is listed with what was kept.
func TestImportQuietStillListsConflicts(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "p.saywho")
	if code, _, errs := run(t, "import", proj, writeFile(t, dir, "wind.txt", article)); code != ExitOK {
		t.Fatalf("import: %d %s", code, errs)
	}
	export := filepath.Join(dir, "out.json")
	if code, _, errs := run(t, "export", proj, "-o", export); code != ExitOK {
		t.Fatalf("export: %d %s", code, errs)
	}
	data, _ := os.ReadFile(export)
	edited := strings.Replace(string(data), `"title": "Port council backs wind farm"`, `"title": "Renamed"`, 1)
	if edited == string(data) {
		t.Fatal("the test could not edit the export")
	}
	writeFile(t, dir, "out.json", edited)
	code, out, errs := run(t, "import", "-q", proj, export)
	if code != ExitOK || !strings.Contains(out+errs, "differs from the project's in title; kept the project's version") {
		t.Fatalf("import -q: %d %q %q", code, out, errs)
	}
}
