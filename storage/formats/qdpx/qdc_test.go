package qdpx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// checkCodebook checks a codebook document against the rules of the
// REFI-QDA codebook schema (what testdata/codebook.xsd states), without
// xmllint: the root, its namespace and attributes, the element order, the
// required attributes and the GUID and colour patterns.
func checkCodebook(data []byte) error {
	guidRE := regexp.MustCompile(`^([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\})$`)
	colourRE := regexp.MustCompile(`^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$`)
	// allowed lists, per parent, the children in schema order; a child may
	// repeat only where marked.
	type child struct {
		name     string
		min      int
		repeated bool
	}
	allowed := map[string][]child{
		"CodeBook": {{"Codes", 1, false}, {"Sets", 0, false}},
		"Codes":    {{"Code", 1, true}},
		"Code":     {{"Description", 0, false}, {"Code", 0, true}},
		"Sets":     {{"Set", 1, true}},
		"Set":      {{"Description", 0, false}, {"MemberCode", 0, true}},
	}
	attrs := map[string]struct{ required, optional []string }{
		"CodeBook":   {nil, []string{"origin"}},
		"Code":       {[]string{"guid", "name", "isCodable"}, []string{"color"}},
		"Set":        {[]string{"guid", "name"}, nil},
		"MemberCode": {[]string{"guid"}, nil},
	}
	type frame struct {
		name string
		pos  int         // index into allowed[name] of the last child seen
		seen map[int]int // children seen per index
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != CodebookNamespace {
				return fmt.Errorf("<%s> is in namespace %q", t.Name.Local, t.Name.Space)
			}
			if len(stack) == 0 && t.Name.Local != "CodeBook" {
				return fmt.Errorf("root <%s>", t.Name.Local)
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				kids := allowed[top.name]
				i := top.pos
				for i < len(kids) && kids[i].name != t.Name.Local {
					i++
				}
				if i == len(kids) {
					return fmt.Errorf("<%s> is not allowed here in <%s>", t.Name.Local, top.name)
				}
				if i == top.pos && top.seen[i] > 0 && !kids[i].repeated {
					return fmt.Errorf("<%s> repeated in <%s>", t.Name.Local, top.name)
				}
				top.pos = i
				top.seen[i]++
			}
			a := attrs[t.Name.Local]
			got := map[string]string{}
			for _, at := range t.Attr {
				if at.Name.Space == "xmlns" || at.Name.Local == "xmlns" {
					continue
				}
				if !slices.Contains(a.required, at.Name.Local) && !slices.Contains(a.optional, at.Name.Local) {
					return fmt.Errorf("<%s> has attribute %s", t.Name.Local, at.Name.Local)
				}
				got[at.Name.Local] = at.Value
			}
			for _, r := range a.required {
				if _, ok := got[r]; !ok {
					return fmt.Errorf("<%s> lacks %s", t.Name.Local, r)
				}
			}
			if g, ok := got["guid"]; ok && !guidRE.MatchString(g) {
				return fmt.Errorf("guid %q", g)
			}
			if c, ok := got["color"]; ok && !colourRE.MatchString(c) {
				return fmt.Errorf("color %q", c)
			}
			if b, ok := got["isCodable"]; ok && b != "true" && b != "false" && b != "1" && b != "0" {
				return fmt.Errorf("isCodable %q", b)
			}
			stack = append(stack, &frame{name: t.Name.Local, seen: map[int]int{}})
		case xml.EndElement:
			top := stack[len(stack)-1]
			for i, k := range allowed[top.name] {
				if top.seen[i] < k.min {
					return fmt.Errorf("<%s> lacks <%s>", top.name, k.name)
				}
			}
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}

// xmllintCodebook validates against the schema in testdata; it skips
// without xmllint (checkCodebook has then still run).
func xmllintCodebook(t *testing.T, data []byte) error {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (Debian: libxml2-utils): the codebook was checked by checkCodebook only")
	}
	cmd := exec.Command("xmllint", "--noout", "--schema", "testdata/codebook.xsd", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.CombinedOutput()
	if err == nil && !strings.Contains(string(out), "validates") {
		err = errors.New("no verdict")
	}
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
}

func exportCodebook(t *testing.T, b *storage.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportCodebook(b, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCodebookExportIsValid(t *testing.T) {
	b, _ := fixture.Harbour()
	for _, c := range []struct {
		name  string
		codes []storage.Code
	}{{"fixture", b.Codes}, {"no user codes", nil}} {
		data := exportCodebook(t, &storage.Bundle{Codes: c.codes})
		if err := checkCodebook(data); err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, data)
		}
		if !bytes.Contains(data, []byte(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Saywho">`)) {
			t.Errorf("%s: root element:\n%s", c.name, data)
		}
		if err := xmllintCodebook(t, data); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
}

// Both checks refuse codebooks that break the schema, so that their
// passing the export means something.
func TestCodebookChecksRejectBadFiles(t *testing.T) {
	good := `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes>
<Code guid="{5215CC69-B628-4E02-AFB9-9BEEAEE55808}" name="Topics" isCodable="false" color="#abc"><Description>d</Description>
<Code guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name="Economy" isCodable="true"/></Code>
</Codes><Sets><Set guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="S"><MemberCode guid="d7aa29da-519b-4946-9b90-253b6db8fd0a"/></Set></Sets></CodeBook>`
	if err := checkCodebook([]byte(good)); err != nil {
		t.Fatalf("good file refused: %v", err)
	}
	replace := func(old, new string) string {
		doc := strings.Replace(good, old, new, 1)
		if doc == good {
			t.Fatalf("%q is not in the good codebook", old)
		}
		return doc
	}
	bad := map[string]string{
		"no isCodable":     replace(`name="Economy" isCodable="true"`, `name="Economy"`),
		"bad guid":         replace(`guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name`, `guid="d7aa29da" name`),
		"half-braced guid": replace(`{5215CC69-B628-4E02-AFB9-9BEEAEE55808}`, `{5215CC69-B628-4E02-AFB9-9BEEAEE55808`),
		"bad colour":       replace(`#abc`, `#abcd`),
		"description last": replace(`<Description>d</Description>
<Code guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name="Economy" isCodable="true"/>`, `<Code guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name="Economy" isCodable="true"/><Description>d</Description>`),
		"sets first":          replace(`<Codes>`, `<Sets><Set guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="T"/></Sets><Codes>`),
		"project namespace":   replace(`urn:QDA-XML:codebook:1.0`, `urn:QDA-XML:project:1.0`),
		"member by targetGUI": replace(`<MemberCode guid=`, `<MemberCode targetGUID=`),
		"no codes":            `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`,
		"unknown attribute":   replace(`name="S"`, `name="S" color="#fff"`),
	}
	lint := true
	if _, err := exec.LookPath("xmllint"); err != nil {
		lint = false
		t.Log("xmllint is not installed: only checkCodebook is tested")
	}
	if lint {
		if err := xmllintCodebook(t, []byte(good)); err != nil {
			t.Fatalf("xmllint refuses the good file: %v", err)
		}
	}
	for name, doc := range bad {
		if err := checkCodebook([]byte(doc)); err == nil {
			t.Errorf("%s: checkCodebook accepted\n%s", name, doc)
		}
		if lint {
			if err := xmllintCodebook(t, []byte(doc)); err == nil {
				t.Errorf("%s: xmllint accepted\n%s", name, doc)
			}
		}
	}
}

func TestCodebookRoundTrip(t *testing.T) {
	want, _ := fixture.Harbour()
	r, err := Read(exportCodebook(t, want))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notices) != 0 || r.Sources != 0 {
		t.Errorf("report %q, %d sources", r.Notices, r.Sources)
	}
	if err := fixture.Check(r.Bundle); err != nil {
		t.Fatal(err)
	}
	for _, d := range fixture.Diff(&storage.Bundle{Codes: want.Codes}, r.Bundle, lostInQDPX...) {
		t.Error(d)
	}
}

// A codebook from another tool: braced upper-case GUIDs, #RGB colours, a
// folder code and a set of codes.
func TestCodebookImportForeign(t *testing.T) {
	qdc := `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="OtherQDA 23">
  <Codes>
    <Code guid="{0A000000-0000-4000-8000-000000000001}" name="Actors" isCodable="false">
      <Code guid="{0A000000-0000-4000-8000-000000000002}" name="Officials" isCodable="true" color="#f80"><Description>Mayors, ministers</Description></Code>
      <Code guid="0a000000-0000-4000-8000-000000000003" name="Residents" isCodable="true" color="#00AA00"/>
    </Code>
    <Code guid="0A000000-0000-4000-8000-000000000004" name="Tone" isCodable="true" color="purple"/>
  </Codes>
  <Sets><Set guid="0B000000-0000-4000-8000-000000000001" name="People"><MemberCode guid="0A000000-0000-4000-8000-000000000002"/></Set></Sets>
</CodeBook>`
	r, err := Read([]byte(qdc))
	if err != nil {
		t.Fatal(err)
	}
	b := r.Bundle
	if len(b.Codes) != 4 || len(b.Documents)+len(b.Annotators)+len(b.Sets) != 0 {
		t.Fatalf("bundle %+v", b)
	}
	byName := map[string]storage.Code{}
	for _, c := range b.Codes {
		byName[c.Name] = c
	}
	off := byName["Officials"]
	if off.ParentID != byName["Actors"].ID || off.Color != "#FF8800" || off.Description != "Mayors, ministers" || off.ID != "0a000000-0000-4000-8000-000000000002" {
		t.Errorf("Officials %+v", off)
	}
	all := strings.Join(r.Notices, "\n")
	for _, want := range []string{`code set "People" (1 codes) not imported`, `code "Tone": colour "purple" is not #RRGGBB`} {
		if !strings.Contains(all, want) {
			t.Errorf("report lacks %q:\n%s", want, all)
		}
	}
	if _, err := Read([]byte(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`)); err == nil || !strings.Contains(err.Error(), "no codes") {
		t.Errorf("empty codebook: %v", err)
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		data string
		want bool
	}{
		{`<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`, true},
		{"\xEF\xBB\xBF\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>", true},
		{`<html><body><p>REFI-QDA files name urn:QDA-XML:project:1.0 in their root.</p></body></html>`, false},
		{`<CodeBook><Codes/></CodeBook>`, false},
		{`urn:QDA-XML:codebook:1.0`, false},
	} {
		if got := Sniff([]byte(c.data)); got != c.want {
			t.Errorf("Sniff(%.50q) = %v", c.data, got)
		}
	}
}
