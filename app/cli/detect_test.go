package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/evaluate"
	"github.com/saywho-app/saywho/storage/sqlite"
)

func TestDetectCommand(t *testing.T) {
	dir := t.TempDir()
	path := goodProject(t, dir)
	code, out, errOut := runCLI(t, "detect", path)
	if code != ExitOK || !strings.Contains(out, "Suggested 2 quote(s) in 1 document(s)") {
		t.Fatalf("detect: %d %q %q", code, out, errOut)
	}
	// Run again: the document already has suggestions.
	code, out, _ = runCLI(t, "detect", path)
	if code != ExitOK || !strings.Contains(out, "Skipped 1 document(s)") {
		t.Errorf("second run: %d %q", code, out)
	}
	// --replace replaces the pending ones; --coder keeps clear of Ana's
	// quote.
	code, out, _ = runCLI(t, "detect", path, "--replace", "--coder", "Ana", "--json")
	var sum detectSummary
	if code != ExitOK || json.Unmarshal([]byte(out), &sum) != nil {
		t.Fatalf("--replace --json: %d %q", code, out)
	}
	if sum.Suggestions != (storage.SuggestReport{Added: 1, Replaced: 6, Covered: 1}) {
		t.Errorf("--replace --coder Ana: %+v", sum.Suggestions)
	}
	code, out, _ = runCLI(t, "stats", path)
	if code != ExitOK || !strings.Contains(out, "Suggested quotes: 1 pending, 0 accepted, 0 corrected, 0 rejected") {
		t.Errorf("stats: %q", out)
	}
	// Exports leave suggestions out unless asked.
	for _, tc := range []struct {
		flags []string
		quote int
	}{{nil, 1}, {[]string{"--include-suggestions"}, 2}} {
		out := filepath.Join(dir, "out.json")
		args := append([]string{"export", path, "-o", out, "--format", "json"}, tc.flags...)
		if code, _, errOut := runCLI(t, args...); code != ExitOK {
			t.Fatalf("export %v: %s", tc.flags, errOut)
		}
		p, err := sqlite.Open(path, sqlite.OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.Snapshot(context.Background(), storage.SnapshotOptions{IncludeSuggestions: len(tc.flags) > 0})
		p.Close()
		if err != nil {
			t.Fatal(err)
		}
		quotes := 0
		for _, a := range b.Annotations {
			if a.Kind == storage.KindQuote {
				quotes++
			}
		}
		if quotes != tc.quote {
			t.Errorf("export %v: %d quotes, want %d", tc.flags, quotes, tc.quote)
		}
	}
	if code, _, errOut := runCLI(t, "detect", path, "--document", "nope"); code != ExitError || !strings.Contains(errOut, "no document nope") {
		t.Errorf("unknown document: %d %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "detect"); code != ExitUsage {
		t.Errorf("no project: exit %d", code)
	}
}

func TestEvaluateCommand(t *testing.T) {
	dir := t.TempDir()
	path := goodProject(t, dir)
	if code, _, errOut := runCLI(t, "detect", path); code != ExitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := runCLI(t, "evaluate", path, "--gold", "Ana")
	if code != ExitOK || !strings.Contains(out, "Quotes, overlap ≥ 0.30 of gold words P 0.500  R 1.000") ||
		!strings.Contains(out, "gold Ana, predicted detector") {
		t.Errorf("evaluate: %d %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "evaluate", path, "--gold", "Ana", "--json", "--overlap", "1")
	var r evaluate.Report
	if code != ExitOK || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("--json: %d %q", code, out)
	}
	if r.Overlap != 1 || r.Quotes.Gold != 1 || r.Quotes.Predicted != 2 {
		t.Errorf("report %+v", r.Quotes)
	}
	// A coder against themself agrees fully.
	if code, out, _ := runCLI(t, "evaluate", path, "--gold", "Ana", "--pred", "Ana"); code != ExitOK || !strings.Contains(out, "P 1.000  R 1.000  F1 1.000") {
		t.Errorf("Ana against Ana: %q", out)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"evaluate", path}, ExitUsage, "--gold"},
		{[]string{"evaluate", path, "--gold", "Ana", "--overlap", "0"}, ExitUsage, "--overlap"},
		{[]string{"evaluate", path, "--gold", "Nobody"}, ExitError, `no coder "Nobody"`},
		{[]string{"evaluate", path, "--gold", "detector"}, ExitError, "no document has annotations"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d %q, want %d and %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
}
