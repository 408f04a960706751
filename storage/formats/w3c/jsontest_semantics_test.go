package w3c

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny invented suite exercising the JSONtest semantics.
var miniSuite = map[string]string{
	"definitions/defs.json": `{"id":"defs.json","definitions":{"hasA":{"required":["a"]}}}`,
	"annotations/hasA.json": `{"$schema":"http://json-schema.org/draft-04/schema#","id":"hasA.json","title":"has a","allOf":[{"$ref":"defs.json#/definitions/hasA"}]}`,
	"annotations/hasB.json": `{"title":"has b","required":["b"]}`,
	"annotations/hasC.json": `{"title":"has c","required":["c"]}`,
	"annotations/mini.test": `{"assertions":[
		"annotations/hasA.json",
		[{"assertionFile":"annotations/hasB.json","title":"gate b","onUnexpectedResult":"failAndSkip"},
		 "annotations/hasC.json"],
		{"assertionFile":"annotations/hasC.json","title":"no c allowed","expectedResult":"invalid"},
		{"title":"b or c","compareWith":"or","assertions":["annotations/hasB.json","annotations/hasC.json"]},
		{"title":"optional d","required":["d"],"onUnexpectedResult":"passAndContinue"},
		{"title":"stop unless e","required":["e"],"onUnexpectedResult":"failAndAbort"},
		"annotations/hasA.json"
	]}`,
	"annotations/skip.test": `{"assertions":[
		{"assertionFile":"annotations/hasA.json","onUnexpectedResult":"failAndSkip"},
		["annotations/hasB.json"],
		"annotations/hasC.json"
	]}`,
}

func TestJSONtestSemantics(t *testing.T) {
	root := t.TempDir()
	for name, data := range miniSuite {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		test     string
		instance string
		want     string // per outcome: P pass, F fail, S skipped; "|" separates
	}{
		// a: pass; gate b fails and skips c; c absent: "no c" passes; b or c fails;
		// d tolerated; e missing aborts before the last hasA.
		{"mini", `{"a":1}`, "P|F|S|P|F|P|F"},
		{"mini", `{"a":1,"b":1,"e":1}`, "P|P|F|P|P|P|P|P"},
		{"mini", `{"b":1,"c":1,"d":1,"e":1}`, "F|P|P|F|P|P|P|F"},
		// a skip reaches into nested lists of the same level
		{"skip", `{"b":1,"c":1}`, "F|S|S"},
		{"skip", `{"a":1}`, "P|F|F"},
	}
	for _, c := range cases {
		s := newSuite(root)
		list, err := s.manifest(filepath.Join(root, "annotations", c.test+".test"))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		json.Unmarshal([]byte(c.instance), &v)
		res, _, err := s.run(list, v, filepath.Join(root, "annotations"), "continue")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range res {
			switch {
			case o.Skipped:
				got = append(got, "S")
			case o.Passed:
				got = append(got, "P")
			default:
				got = append(got, "F")
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: outcomes %s, want %s", c.instance, g, c.want)
		}
	}
}

func TestSuiteLoaderStaysInSuite(t *testing.T) {
	l := suiteLoader{root: t.TempDir()}
	for _, u := range []string{"http://example.org/schema.json", "file:///etc/passwd"} {
		if _, err := l.Load(u); err == nil {
			t.Errorf("loaded %s", u)
		}
	}
}
