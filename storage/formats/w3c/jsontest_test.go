package w3c

// A runner for the W3C Web Annotation test suite's ".test" manifests
// (the JSONtest format of web-platform-tests' annotation-model folder):
// an ordered list of assertions, each a draft-04 JSON Schema with extra
// keys. Semantics, as the suite's CONTRIBUTING.md defines them:
//
//   - an entry is a path (relative to the suite's top folder when it holds
//     a slash, else to the manifest's folder), an inline assertion, an
//     object {"assertionFile": path, ...overrides}, a condition object
//     {"assertions": [...], "compareWith": "and"|"or"}, or a nested list;
//   - expectedResult ("valid" by default) says whether validation should
//     succeed; an unexpected result is a failure when onUnexpectedResult
//     starts with "fail" (the default is failAndContinue) and is tolerated
//     when it starts with "pass";
//   - its suffix says what happens next: continue, skip the rest of the
//     current list, or abort the whole run. Skipped assertions are
//     reported as skipped, never as passed.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// suite is a loaded copy of w3c/web-annotation-tests.
type suite struct {
	root     string // the suite's top folder
	compiler *jsonschema.Compiler
	inline   int
}

// outcome is the result of one assertion.
type outcome struct {
	Title    string
	Skipped  bool
	Passed   bool
	Message  string // errorMessage of the assertion, for failures
	Detail   string // the validator's explanation
	Severity string // assertionType: must, should, may
}

func newSuite(root string) *suite {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.UseLoader(suiteLoader{root: root})
	return &suite{root: root, compiler: c}
}

// suiteLoader reads schemas from the suite folder only (never the network).
// The assertions refer to the shared definitions as if they sat beside
// them ("annotations.json#/..."), so a file missing there is looked up in
// definitions/.
type suiteLoader struct{ root string }

func (l suiteLoader) Load(u string) (any, error) {
	pu, err := url.Parse(u)
	if err != nil || pu.Scheme != "file" {
		return nil, fmt.Errorf("refusing to load %s: only files of the suite are read", u)
	}
	p := filepath.FromSlash(pu.Path)
	if _, err := os.Stat(p); err != nil {
		p = filepath.Join(l.root, "definitions", filepath.Base(p))
	}
	if rel, err := filepath.Rel(l.root, p); err != nil || strings.HasPrefix(rel, "..") {
		return nil, fmt.Errorf("refusing to load %s: outside the suite", u)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// manifest reads a .test file's assertion list.
func (s *suite) manifest(path string) ([]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m struct {
		Assertions []any `json:"assertions"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(m.Assertions) == 0 {
		return nil, fmt.Errorf("%s: no assertions", path)
	}
	return m.Assertions, nil
}

// assertion is an entry resolved to its schema document and the location
// to compile it from.
type assertion struct {
	doc map[string]any
	loc string
}

func (s *suite) resolve(entry any, base string) (assertion, error) {
	switch e := entry.(type) {
	case string:
		return s.loadFile(e, base, nil)
	case map[string]any:
		if f, ok := e["assertionFile"].(string); ok {
			return s.loadFile(f, base, e)
		}
		s.inline++
		loc := "file://" + filepath.ToSlash(filepath.Join(base, fmt.Sprintf("inline-%d.json", s.inline)))
		if err := s.compiler.AddResource(loc, e); err != nil {
			return assertion{}, err
		}
		return assertion{doc: e, loc: loc}, nil
	}
	return assertion{}, fmt.Errorf("unsupported assertion entry %T", entry)
}

func (s *suite) loadFile(name, base string, overrides map[string]any) (assertion, error) {
	p := filepath.Join(base, filepath.FromSlash(name))
	if strings.Contains(name, "/") {
		p = filepath.Join(s.root, filepath.FromSlash(name))
	}
	f, err := os.Open(p)
	if err != nil {
		return assertion{}, err
	}
	defer f.Close()
	v, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return assertion{}, fmt.Errorf("%s: %w", name, err)
	}
	doc, ok := v.(map[string]any)
	if !ok {
		return assertion{}, fmt.Errorf("%s: not an object", name)
	}
	loc := "file://" + filepath.ToSlash(p)
	if len(overrides) > 0 {
		merged := map[string]any{}
		for k, v := range doc {
			merged[k] = v
		}
		for k, v := range overrides {
			if k != "assertionFile" {
				merged[k] = v
			}
		}
		s.inline++
		loc = "file://" + filepath.ToSlash(filepath.Join(filepath.Dir(p), fmt.Sprintf("override-%d-%s", s.inline, filepath.Base(p))))
		if err := s.compiler.AddResource(loc, merged); err != nil {
			return assertion{}, err
		}
		doc = merged
	}
	return assertion{doc: doc, loc: loc}, nil
}

// valid evaluates an assertion (or condition object) against instance and
// reports whether the instance validated, with the validator's message.
func (s *suite) valid(a assertion, instance any, base string) (bool, string, error) {
	if subs, ok := a.doc["assertions"].([]any); ok {
		or := a.doc["compareWith"] == "or"
		result := !or
		var details []string
		for _, sub := range subs {
			sa, err := s.resolve(sub, base)
			if err != nil {
				return false, "", err
			}
			v, d, err := s.valid(sa, instance, base)
			if err != nil {
				return false, "", err
			}
			v = v == (expected(sa.doc) == "valid")
			if or {
				result = result || v
			} else {
				result = result && v
			}
			if d != "" {
				details = append(details, d)
			}
		}
		return result, strings.Join(details, "; "), nil
	}
	sch, err := s.compiler.Compile(a.loc)
	if err != nil {
		return false, "", fmt.Errorf("compile %s: %w", a.loc, err)
	}
	if err := sch.Validate(instance); err != nil {
		return false, err.Error(), nil
	}
	return true, "", nil
}

func expected(doc map[string]any) string {
	if e, ok := doc["expectedResult"].(string); ok {
		return e
	}
	return "valid"
}

// run evaluates a list of entries in order and returns the outcomes and the
// action the list ends with ("continue" or "abort"). action is the state
// the list starts in: a nested list inherits its parent's, so a list being
// skipped skips its sublists too.
func (s *suite) run(list []any, instance any, base, action string) ([]outcome, string, error) {
	var out []outcome
	for _, entry := range list {
		if action == "abort" {
			break
		}
		if sub, ok := entry.([]any); ok {
			res, subAction, err := s.run(sub, instance, base, action)
			if err != nil {
				return nil, "", err
			}
			out = append(out, res...)
			if subAction == "abort" {
				action = "abort"
			}
			continue
		}
		a, err := s.resolve(entry, base)
		if err != nil {
			return nil, "", err
		}
		o := outcome{Title: str(a.doc, "title", a.loc), Severity: str(a.doc, "assertionType", "must")}
		if action == "skip" {
			o.Skipped = true
			out = append(out, o)
			continue
		}
		v, detail, err := s.valid(a, instance, base)
		if err != nil {
			return nil, "", err
		}
		if v == (expected(a.doc) == "valid") {
			o.Passed = true
		} else {
			on := str(a.doc, "onUnexpectedResult", "failAndContinue")
			o.Passed = strings.HasPrefix(on, "pass")
			o.Message, o.Detail = str(a.doc, "errorMessage", "result was not "+expected(a.doc)), detail
			switch {
			case strings.HasSuffix(on, "Skip"):
				action = "skip"
			case strings.HasSuffix(on, "Abort"):
				action = "abort"
			}
		}
		out = append(out, o)
	}
	if action == "skip" {
		action = "continue" // a skip ends with its own list
	}
	return out, action, nil
}

func str(m map[string]any, k, def string) string {
	if v, ok := m[k].(string); ok && v != "" {
		return v
	}
	return def
}
