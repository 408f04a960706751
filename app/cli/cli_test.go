package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/saywho-app/saywho/storage/formats/native"
)

// run calls the CLI in-process and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

const article = "Port council backs wind farm\n\n“We are ready,” said Mayor Ana Ruiz 🌬️ on Friday.\nCritics said costs would rise.\n"

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportExportStats(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "wind.txt", article)
	proj := filepath.Join(dir, "p.saywho")
	if code, out, errs := run(t, "import", proj, src); code != ExitOK || !strings.Contains(out, "Imported 1 document") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	// The same text again is reported and skipped, not duplicated.
	if code, out, _ := run(t, "import", proj, src); code != ExitOK || !strings.Contains(out, "already in the project") {
		t.Fatalf("re-import: %d %q", code, out)
	}
	outFile := filepath.Join(dir, "out.json")
	if code, _, errs := run(t, "export", proj, "-o", outFile); code != ExitOK {
		t.Fatalf("export: %d %s", code, errs)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := native.Validate(data); err != nil {
		t.Fatal(err)
	}
	b, err := native.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Documents) != 1 || b.Documents[0].Title != "Port council backs wind farm" || b.Documents[0].Text != article {
		t.Fatalf("exported documents: %+v", b.Documents)
	}
	code, out, _ := run(t, "stats", proj, "--json")
	var st struct{ Documents int }
	if code != ExitOK || json.Unmarshal([]byte(out), &st) != nil || st.Documents != 1 {
		t.Fatalf("stats: %d %q", code, out)
	}
	if code, out, _ := run(t, "export", proj, "-o", "-"); code != ExitOK || !strings.HasPrefix(out, "{") {
		t.Fatalf("export to stdout: %d", code)
	}
	if code, out, _ := run(t, "check", proj); code != ExitOK || !strings.Contains(out, "Integrity:   ok") {
		t.Fatalf("check: %d %q", code, out)
	}
	bak := filepath.Join(dir, "copy.saywho")
	if code, _, errs := run(t, "backup", proj, bak); code != ExitOK {
		t.Fatalf("backup: %d %s", code, errs)
	}
	if code, _, _ := run(t, "stats", bak); code != ExitOK {
		t.Fatal("backup does not open")
	}
}

func TestImportedExportRoundTripsThroughCLI(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "a.txt", article)
	p1, p2 := filepath.Join(dir, "one.saywho"), filepath.Join(dir, "two.saywho")
	run(t, "import", p1, src)
	e1 := filepath.Join(dir, "one.json")
	run(t, "export", p1, "-o", e1)
	if code, _, errs := run(t, "import", p2, e1); code != ExitOK {
		t.Fatalf("import of an export: %d %s", code, errs)
	}
	if code, _, _ := run(t, "import", p2, e1); code != ExitOK {
		t.Fatal("second import of the same export failed")
	}
	code, out, _ := run(t, "stats", p2, "--json")
	if code != ExitOK || !strings.Contains(out, `"documents": 1`) {
		t.Fatalf("stats after double import: %s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "p.saywho")
	run(t, "import", proj, writeFile(t, dir, "a.txt", article))
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, ExitUsage, "unknown command"},
		{[]string{"import", proj}, ExitUsage, "at least one file"},
		{[]string{"export", proj}, ExitUsage, "-o OUT"},
		{[]string{"export", proj, "-o", "-", "--format", "docx"}, ExitError, "unknown export format"},
		{[]string{"export", proj, "-o", "-", "--offset-unit", "furlong"}, ExitUsage, "unknown offset unit"},
		{[]string{"export", proj, "-o", "-", "--coder", "nobody"}, ExitError, "no coder"},
		{[]string{"stats"}, ExitUsage, "exactly one project"},
		{[]string{"stats", filepath.Join(dir, "missing.saywho")}, ExitError, "no project"},
		{[]string{"import", proj, filepath.Join(dir, "missing.txt")}, ExitError, "cannot read"},
		{[]string{"stats", "--bogus", proj}, ExitUsage, "flag provided but not defined"},
	}
	for _, c := range cases {
		code, _, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", c.args, code, errs, c.code, c.want)
		}
	}
	if code, out, _ := run(t, "export", "--help"); code != ExitOK || !strings.Contains(out, "usage: saywho export") {
		t.Errorf("export --help: %d %q", code, out)
	}
	if code, out, _ := run(t, "help"); code != ExitOK || !strings.Contains(out, "saywho import") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestSeedArticle(t *testing.T) {
	seed := sharedtest.Path(t, "the seed-article import and export", "corpus", "seed", "ukraine-peace-talks.txt")
	dir := t.TempDir()
	proj, out := filepath.Join(dir, "p.saywho"), filepath.Join(dir, "out.json")
	if code, _, errs := run(t, "import", proj, seed); code != ExitOK {
		t.Fatalf("import seed: %s", errs)
	}
	if code, _, errs := run(t, "export", proj, "-o", out); code != ExitOK {
		t.Fatalf("export: %s", errs)
	}
	data, _ := os.ReadFile(out)
	b, err := native.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(seed)
	first := strings.TrimSpace(strings.SplitN(strings.TrimPrefix(string(raw), "\uFEFF"), "\n", 2)[0])
	if len(b.Documents) != 1 || b.Documents[0].Title != first || b.Documents[0].Length == 0 {
		t.Fatalf("seed document: title %q, want %q", b.Documents[0].Title, first)
	}
}
