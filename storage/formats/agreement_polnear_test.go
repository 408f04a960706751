package formats_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
	"github.com/saywho-app/saywho/storage/formats/brat"
)

// TestAgreementOnPolNeAR imports the two PolNeAR development articles that
// six coders annotated independently and computes their agreement on
// Content (quotes) and Source (speaker mentions) spans.
func TestAgreementOnPolNeAR(t *testing.T) {
	dir := sharedtest.Path(t, "inter-coder agreement on PolNeAR's multi-coder articles", "corpus", "polnear-dev")
	for _, name := range []string{
		"politico_2016-09-08_flynn-says-trump-absolutely-righ",
		"wash-post_2016-09-26_charlotte-struggles-to-return-to",
	} {
		t.Run(name, func(t *testing.T) {
			b := importArticle(t, dir, name)
			r, err := agreement.Compute(b, agreement.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Coders) != 6 || r.Documents != 1 {
				t.Fatalf("%d coders on %d documents, want 6 on 1", len(r.Coders), r.Documents)
			}
			for _, k := range r.Kinds {
				if k.Kind != storage.KindQuote && k.Kind != storage.KindSpeakerMention {
					continue
				}
				if !k.Alpha.Defined() || k.Alpha <= 0 || k.Alpha >= 1 {
					t.Errorf("%s alpha = %v, want between 0 and 1", k.Kind, k.Alpha)
				}
				exact, overlap := meanF1(k.Pairs)
				t.Logf("%s: alpha %s over %d code points; mean over %d pairs: exact F1 %.3f, overlap F1 %.3f",
					k.Kind, k.Alpha, k.Units, len(k.Pairs), exact, overlap)
			}
			t.Logf("all kinds: alpha %s (each code point valued by the set of kinds covering it)", r.Overall.Alpha)
			var agreed, compared int
			for _, a := range r.Attribution {
				agreed += a.Agreed
				compared += a.Compared
			}
			t.Logf("attribution: %d of %d matched quote pairs with a source name the same speaker", agreed, compared)
			if compared == 0 {
				t.Error("no matched quote carries a source")
			}
		})
	}
}

// importArticle reads NAME.txt and every NAME_CODER.ann of the corpus.
func importArticle(t *testing.T, dir, name string) *storage.Bundle {
	t.Helper()
	files := map[string][]byte{}
	read := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(path)] = data
	}
	read(filepath.Join(dir, "text", name+".txt"))
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", name+"_*.ann"))
	if err != nil || len(anns) == 0 {
		t.Fatalf("no annotation files for %s: %v", name, err)
	}
	for _, a := range anns {
		read(a)
	}
	b, report, err := brat.Import(files, brat.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(report) > 0 {
		t.Logf("brat import notes: %s", strings.Join(report, "; "))
	}
	return b
}

func meanF1(pairs []agreement.Pair) (exact, overlap float64) {
	var n float64
	for _, p := range pairs {
		if p.Exact.F1.Defined() && p.Overlap.F1.Defined() {
			exact += float64(p.Exact.F1)
			overlap += float64(p.Overlap.F1)
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return exact / n, overlap / n
}
