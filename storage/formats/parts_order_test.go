package formats

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// TestPartsKeepTheirOrder gives the fixture's discontinuous quote its parts
// in reading order (second part first, as brat files may write them) and
// checks every export keeps that order: the re-importable formats bring
// it back, W3C lists the targets and JSON Lines the parts in that order.
func TestPartsKeepTheirOrder(t *testing.T) {
	b, x := fixture.Harbour()
	var want []storage.Range
	for i := range b.Annotations {
		if a := &b.Annotations[i]; a.ID == x.ZoeQuote {
			slices.Reverse(a.Ranges)
			want = a.Ranges
		}
	}
	if len(want) != 2 || want[0].Start < want[1].Start {
		t.Fatalf("fixture: ZoeQuote parts %v", want)
	}
	src := projectFrom(t, b)
	if got, err := src.Annotation(context.Background(), x.ZoeQuote); err != nil || !slices.Equal(got.Ranges, want) {
		t.Fatalf("stored parts %v (%v), want %v", got.Ranges, err, want)
	}
	dir := t.TempDir()
	for _, f := range ExportFormats() {
		_, ext, _ := DescribeFormat(f)
		out := filepath.Join(dir, "out-"+f+ext)
		if _, err := Export(context.Background(), src, f, out, nil, ExportOptions{}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		switch f {
		case "json", "qdpx", "brat":
			dst := projectFrom(t, &storage.Bundle{})
			if sum, err := Import(context.Background(), dst, []string{out}, ImportOptions{}, nil); err != nil || sum.Failed() > 0 {
				t.Fatalf("%s: re-import: %v\n%s", f, err, sum)
			}
			anns, _ := dst.Annotations(context.Background(), storage.Filter{Kind: storage.KindQuote})
			found := false
			for _, a := range anns {
				if len(a.Ranges) > 0 {
					found = true
					if !slices.Equal(a.Ranges, want) {
						t.Errorf("%s: re-imported parts %v, want %v", f, a.Ranges, want)
					}
				}
			}
			if !found {
				t.Errorf("%s: the discontinuous quote came back without its parts", f)
			}
		case "w3c":
			data, _ := os.ReadFile(out)
			second, first := strings.Index(string(data), `"exact": "“We g̃ot this,”"`), strings.Index(string(data), `"exact": "“and the harbour will hold.”"`)
			if first < 0 || second < 0 || first > second {
				t.Errorf("w3c: targets not in the parts' order (at %d and %d)", first, second)
			}
		case "jsonl":
			checkJSONLParts(t, out, want)
		}
	}
}

func checkJSONLParts(t *testing.T, path string, want []storage.Range) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Spans []struct {
				Ranges []storage.Range `json:"ranges"`
			} `json:"spans"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		for _, s := range line.Spans {
			if len(s.Ranges) > 0 && !slices.Equal(s.Ranges, want) {
				t.Errorf("jsonl: parts %v, want %v", s.Ranges, want)
			}
			if len(s.Ranges) > 0 {
				return
			}
		}
	}
	t.Error("jsonl: no span with parts")
}
