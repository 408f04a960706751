package brat

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// describeBundle renders what brat keeps of a bundle as sorted lines that
// do not depend on ids: annotations by coder, document, kind and span;
// relations by their ends.
func describeBundle(b *storage.Bundle) []string {
	x := lookup.New(b)
	key := func(a *storage.Annotation) string {
		return fmt.Sprintf("%s|%s|%s|%d-%d|%v", sanitize(x.AnnotatorName(a.AnnotatorID), "coder"), x.Docs[a.DocumentID].Title, a.Kind, a.Start, a.End, a.Ranges)
	}
	var out []string
	for i := range b.Annotations {
		a := &b.Annotations[i]
		var attrs []string
		for k, v := range a.Attrs {
			attrs = append(attrs, k+"="+v)
		}
		sort.Strings(attrs)
		codes := x.CodeNames(a.Codes)
		sort.Strings(codes)
		out = append(out, fmt.Sprintf("A %s text=%q attrs=%v codes=%v note=%q speaker=%s origin=%s state=%s",
			key(a), a.Text, attrs, codes, flat(a.Note), a.SpeakerID, a.Origin, a.State))
	}
	for _, r := range b.Relations {
		if r.TargetID == "" {
			continue // links to registry speakers have no place in brat
		}
		out = append(out, fmt.Sprintf("R %s %s -> %s", r.Type, key(x.Anns[r.SourceID]), key(x.Anns[r.TargetID])))
	}
	sort.Strings(out)
	return out
}

func filesOf(out []OutFile) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range out {
		m[f.Name] = f.Data
	}
	return m
}

func TestRoundTripFixture(t *testing.T) {
	want, _ := fixture.Harbour()
	out, report, err := Render(want, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := filesOf(out)
	for _, name := range []string{"sea-wall.txt", "sea-wall_Ana.ann", "sea-wall_Ben-Ng.ann", "port.txt", "port_Ana.ann", "annotation.conf"} {
		if files[name] == nil {
			t.Errorf("%s not written; files: %v", name, sortedKeys(files))
		}
	}
	got, importReport, err := Import(files, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fixture.Check(got); err != nil {
		t.Fatalf("imported bundle invalid: %v", err)
	}
	w, g := describeBundle(want), describeBundle(got)
	if strings.Join(w, "\n") != strings.Join(g, "\n") {
		t.Errorf("round trip differs:\nwant\n%s\ngot\n%s", strings.Join(w, "\n"), strings.Join(g, "\n"))
	}
	if len(importReport) != 0 {
		t.Errorf("import report: %v", importReport)
	}
	for _, lost := range []string{"said_by links to a registry speaker", "claimed_by links to a registry speaker",
		"1 document memos", "notes with line breaks", "speaker details", `coder name "Ben Ng" written as "Ben-Ng"`} {
		if !strings.Contains(strings.Join(report, "\n"), lost) {
			t.Errorf("export report does not mention %q: %v", lost, report)
		}
	}
	texts := map[string]string{}
	for _, d := range got.Documents {
		texts[d.Title] = d.Text
	}
	for _, d := range want.Documents {
		if texts[d.Title] != d.Text {
			t.Errorf("document %q did not come back with its title and text", d.Title)
		}
	}
	for _, sp := range got.Speakers {
		if sp.Name == "Amira Haddad" && sp.Wikidata != "Q4115189" {
			t.Errorf("Wikidata id lost: %+v", sp)
		}
	}
}

func TestSingleCoderWritesPlainNames(t *testing.T) {
	b, x := fixture.Harbour()
	var keep []storage.Annotation
	for _, a := range b.Annotations {
		if a.AnnotatorID == x.Ana {
			keep = append(keep, a)
		}
	}
	b.Annotations = keep
	out, _, err := Render(b, Options{NoConf: true})
	if err != nil {
		t.Fatal(err)
	}
	files := filesOf(out)
	if files["sea-wall.ann"] == nil || files["port.ann"] == nil || files["annotation.conf"] != nil || len(files) != 4 {
		t.Errorf("files %v", sortedKeys(files))
	}
	out, _, _ = Render(b, Options{CoderFiles: true, NoConf: true})
	if files := filesOf(out); files["sea-wall_Ana.ann"] == nil {
		t.Errorf("CoderFiles: files %v", sortedKeys(files))
	}
}
