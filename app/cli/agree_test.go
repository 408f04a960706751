package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// agreeProject starts from goodProject (Ana's quote of the mayor on
// harbourText, with its quotation marks) and adds Ben's quote of the same
// words without them; both attribute theirs to the mayor. Cem annotates a
// second document alone. It returns the path, the text's length and the
// length of Ana's quote.
func agreeProject(t *testing.T) (path string, textLen, quoteLen int) {
	t.Helper()
	path = goodProject(t, t.TempDir())
	p, err := sqlite.Open(path, sqlite.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	docs, err := p.Documents(context.Background())
	must(err)
	ana, err := p.EnsureAnnotator(context.Background(), "Ana")
	must(err)
	anaQuote, err := p.Annotations(context.Background(), storage.Filter{AnnotatorID: ana.ID})
	must(err)
	ben, err := p.EnsureAnnotator(context.Background(), "Ben")
	must(err)
	r := storage.FindAll(harbourText, "will hold for fifty years")[0]
	benQuote, err := p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: docs[0].ID, Kind: storage.KindQuote, Start: r.Start, End: r.End, AnnotatorID: ben.ID})
	must(err)
	mayor, err := p.AddSpeaker(context.Background(), storage.Speaker{Name: "Lena Okonjo"})
	must(err)
	for _, q := range []storage.Annotation{anaQuote[0], benQuote} {
		_, err := p.Link(context.Background(), storage.Relation{Type: storage.RelSaidBy, SourceID: q.ID, TargetSpeakerID: mayor.ID, AnnotatorID: q.AnnotatorID})
		must(err)
	}
	other, err := p.AddDocument(context.Background(), storage.Document{Title: "Other", Text: "Ferry fares rise 🚢, the operator said."})
	must(err)
	cem, err := p.EnsureAnnotator(context.Background(), "Cem")
	must(err)
	_, err = p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: other.ID, Kind: storage.KindQuote, Start: 0, End: 16, AnnotatorID: cem.ID})
	must(err)
	return path, len([]rune(harbourText)), len([]rune(anaQuote[0].Text))
}

// nestedAlpha is the alpha of two coders on one text of n code points
// where A marks a span of a code points and B that span less d of them:
// o_11 = 2(a−d), o_01 = o_10 = d, o_00 = 2(n−a), so n_1 = 2a−d,
// n_0 = 2(n−a)+d and alpha = 1 − (2n−1)·2d / (2·n_1·n_0). Ben leaves out
// the quotation marks and the full stop: d = 3.
func nestedAlpha(n, a int) float64 {
	const d = 3
	n1, n0 := float64(2*a-d), float64(2*(n-a)+d)
	return 1 - float64(2*n-1)*2*d/(2*n1*n0)
}

func TestAgreeTable(t *testing.T) {
	path, n, a := agreeProject(t)
	before := dirState(t, filepath.Dir(path))
	code, out, errs := run(t, "agree", path)
	if code != ExitOK {
		t.Fatalf("agree: %d %s", code, errs)
	}
	alpha := fmt.Sprintf("%.3f", nestedAlpha(n, a))
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Coders: Ana (1 document), Ben (1 document), Cem (1 document)",
		"Documents coded by two or more of them: 1",
		"quote " + alpha + " Ana – Ben 1 0.000 0/1/1 1.000 1/0/0",
		"Ana – Ben 1 0 1 1 1.000",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	sameState(t, "agree", before, dirState(t, filepath.Dir(path)))
}

func TestAgreeJSONAndOptions(t *testing.T) {
	path, n, a := agreeProject(t)
	code, out, errs := run(t, "agree", path, "--json", "--coders", "Ben, Ana", "--kind", "quote")
	if code != ExitOK {
		t.Fatalf("agree --json: %d %s", code, errs)
	}
	var r agreement.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(r.Coders) != 2 || r.Coders[0].Name != "Ben" || len(r.Kinds) != 1 || r.Kinds[0].Kind != storage.KindQuote {
		t.Fatalf("report %+v", r)
	}
	if got := float64(r.Kinds[0].Alpha); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", nestedAlpha(n, a)) {
		t.Errorf("alpha %v, want %.6f", got, nestedAlpha(n, a))
	}
	if a := r.Attribution; len(a) != 1 || a[0].Agreed != 1 || a[0].Share != 1 {
		t.Errorf("attribution %+v", a)
	}
}

func TestAgreeRefuses(t *testing.T) {
	path, _, _ := agreeProject(t)
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		words []string
	}{
		{"one coder", []string{"--coders", "Ana"}, ExitError, []string{"fewer than two coders", "Ana: 1"}},
		{"coders without a shared document", []string{"--coders", "Ana,Cem"}, ExitError, []string{"fewer than two coders", "Cem: 1"}},
		{"unknown coder", []string{"--coders", "Ana,Zed"}, ExitError, []string{"no coder", "Zed"}},
		{"unknown document", []string{"--document", "nope"}, ExitError, []string{"nope"}},
		{"unknown kind", []string{"--kind", "speech"}, ExitUsage, []string{"unknown kind", "speech"}},
		{"no project", nil, ExitUsage, []string{"give exactly one project"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"agree"}, tc.args...)
			if tc.args != nil {
				args = append([]string{"agree", path}, tc.args...)
			}
			code, _, errs := run(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, errs)
			}
			mentions(t, tc.name, errs, tc.words...)
		})
	}
}
