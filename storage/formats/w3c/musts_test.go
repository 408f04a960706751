package w3c

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/textutil"
)

// suiteRoot finds the W3C Web Annotation test suite in ../shared, or skips.
func suiteRoot(t *testing.T) string {
	t.Helper()
	root := sharedtest.Path(t, "the W3C MUST assertions", "standards", "w3c-web-annotation-tests")
	if _, err := os.Stat(filepath.Join(root, "definitions")); err != nil {
		t.Skipf("%s has no definitions/: the W3C MUST assertions were NOT checked", root)
	}
	return root
}

// mustList returns the entries of annotations/annotationMusts.test. Some
// copies of the suite lack the manifest; then the list is rebuilt from the
// suite itself: every top-level annotations/*.json assertion whose
// assertionType is "must" (in the upstream suite these are exactly the
// manifest's entries).
func mustList(t *testing.T, s *suite) []any {
	t.Helper()
	manifest := filepath.Join(s.root, "annotations", "annotationMusts.test")
	if list, err := s.manifest(manifest); err == nil {
		return list
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	t.Logf("%s is missing; using every annotations/*.json with assertionType \"must\"", manifest)
	files, err := filepath.Glob(filepath.Join(s.root, "annotations", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var list []any
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var head struct {
			AssertionType string `json:"assertionType"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if head.AssertionType == "must" {
			list = append(list, "annotations/"+filepath.Base(f))
		}
	}
	if len(list) == 0 {
		t.Fatal("no MUST assertions found in the suite")
	}
	return list
}

// checkMusts runs the MUST list against one annotation and reports every
// failure; it returns the number of assertions evaluated.
func checkMusts(t *testing.T, s *suite, list []any, anno any, name string) int {
	t.Helper()
	res, _, err := s.run(list, anno, filepath.Join(s.root, "annotations"), "continue")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, o := range res {
		if o.Skipped {
			continue
		}
		ran++
		if !o.Passed {
			t.Errorf("%s fails %q: %s\n%s", name, o.Title, o.Message, o.Detail)
		}
	}
	return ran
}

// exportedAnnotations exports the fixture with opts and returns every
// annotation as decoded JSON.
func exportedAnnotations(t *testing.T, opts Options) []any {
	t.Helper()
	b, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(b, &buf, opts); err != nil {
		t.Fatal(err)
	}
	if opts.JSONL {
		var out []any
		for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		return out
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	items, _ := v.(map[string]any)["first"].(map[string]any)["items"].([]any)
	return items
}

func TestExportPassesW3CMusts(t *testing.T) {
	root := suiteRoot(t)
	s := newSuite(root)
	list := mustList(t, s)
	b, _ := fixture.Harbour()
	want := len(b.Annotations) + len(b.Relations)
	for _, opts := range []Options{
		{},
		{JSONL: true},
		{OffsetUnit: textutil.UnitUTF16},
		{JSONL: true, OffsetUnit: textutil.UnitByte},
	} {
		annos := exportedAnnotations(t, opts)
		if len(annos) != want {
			t.Fatalf("%+v: %d annotations exported, want %d", opts, len(annos), want)
		}
		for _, a := range annos {
			name := a.(map[string]any)["id"].(string)
			if ran := checkMusts(t, s, list, a, name); ran != len(list) {
				t.Errorf("%s: %d of %d assertions evaluated", name, ran, len(list))
			}
		}
	}
}

// TestMustsCatchBrokenAnnotations makes sure the runner is not vacuous:
// annotations that break the model must fail.
func TestMustsCatchBrokenAnnotations(t *testing.T) {
	root := suiteRoot(t)
	s := newSuite(root)
	list := mustList(t, s)
	cases := []struct {
		name  string
		anno  string
		fails string // part of the failing assertion's title
	}{
		{"no context", `{"id":"urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"Annotation","target":"http://example.org/a"}`, "@context"},
		{"bad created", `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"Annotation","created":"last Tuesday","target":"http://example.org/a"}`, "created"},
		{"no target", `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"Annotation"}`, "target"},
		{"body and bodyValue", `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"Annotation","body":"http://example.org/b","bodyValue":"x","target":"http://example.org/a"}`, "bodyValue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(c.anno))
			if err != nil {
				t.Fatal(err)
			}
			res, _, err := s.run(list, v, filepath.Join(root, "annotations"), "continue")
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, o := range res {
				if !o.Passed && !o.Skipped && strings.Contains(o.Title, c.fails) {
					found = true
				}
			}
			if !found {
				t.Errorf("no failing assertion mentions %q", c.fails)
			}
		})
	}
}

// TestCollectionShape checks the collection and its page against the
// suite's collection definitions (section 5 of the model).
func TestCollectionShape(t *testing.T) {
	root := suiteRoot(t)
	s := newSuite(root)
	b, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(b, &buf, Options{OffsetUnit: textutil.UnitUTF16}); err != nil {
		t.Fatal(err)
	}
	coll, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	ref := func(title, def string) any {
		return map[string]any{"title": title, "$ref": "collections.json#/definitions/" + def}
	}
	collection := []any{
		map[string]any{"title": "collection @context", "properties": map[string]any{"@context": map[string]any{"oneOf": []any{
			map[string]any{"$ref": "collections.json#/definitions/contextValueFound"},
			map[string]any{"$ref": "collections.json#/definitions/contextValueInArrayFound"}}}}},
		ref("collection type", "annotationCollectionTypeValueFound"),
		ref("label", "labelFound"),
		ref("total", "totalFound"),
		ref("first if total > 0", "firstRequiredIfTotalMoreThanZero"),
		ref("first valid", "firstValidIfPresent"),
	}
	pageList := []any{
		ref("page type", "annotationPageTypeValueFound"),
		ref("items", "itemsFound"),
		ref("startIndex", "startIndexFound"),
	}
	base := filepath.Join(root, "annotations")
	for _, c := range []struct {
		list     []any
		instance any
	}{{collection, coll}, {pageList, coll.(map[string]any)["first"]}} {
		res, _, err := s.run(c.list, c.instance, base, "continue")
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range res {
			if !o.Passed || o.Skipped {
				t.Errorf("%s: %s %s", o.Title, o.Message, o.Detail)
			}
		}
		if len(res) != len(c.list) {
			t.Errorf("%d of %d checks ran", len(res), len(c.list))
		}
	}
}
