package brat

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/formats/internal/textmap"
)

// corpusDir finds the PolNeAR development corpus in ../shared, or skips.
func corpusDir(t *testing.T) string {
	return sharedtest.Path(t, "the brat round trip on PolNeAR", "corpus", "polnear-dev")
}

func readCorpus(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, sub := range []string{"text", "attributions"} {
		ents, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			data, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[sub+"/"+e.Name()] = data
		}
	}
	return files
}

// canon renders every annotation of an .ann file as a line that does not
// depend on brat ids. Spans are moved by pos onto the stored text, their
// fragments in the file's order (Saywho keeps it); the spanned text is
// taken from text, the stored text.
func canon(f *File, pos func(int) int, text []rune) map[string]int {
	key := map[string]string{}
	spanned := map[string]string{}
	for _, e := range f.Entities {
		var sp, parts []string
		for _, s := range e.Spans {
			a, b := pos(s.Start), pos(s.End)
			sp = append(sp, fmt.Sprintf("%d-%d", a, b))
			parts = append(parts, string(text[a:b]))
		}
		key[e.ID] = e.Label + "[" + strings.Join(sp, ",") + "]"
		spanned[e.ID] = flat(strings.Join(parts, " "))
	}
	out := map[string]int{}
	for _, e := range f.Entities {
		out["T "+key[e.ID]+" "+spanned[e.ID]]++
	}
	for _, e := range f.Events {
		var args []string
		for _, a := range e.Args {
			args = append(args, a.Role+"="+key[a.Ref])
		}
		slices.Sort(args)
		out[fmt.Sprintf("E %s trigger=%s %v", e.Type, key[e.Trigger], args)]++
	}
	for _, r := range f.Relations {
		out[fmt.Sprintf("R %s %s=%s %s=%s", r.Type, r.Args[0].Role, key[r.Args[0].Ref], r.Args[1].Role, key[r.Args[1].Ref])]++
	}
	for _, a := range f.Attributes {
		out[fmt.Sprintf("A %s %s %s", a.Name, key[a.Target], a.Value)]++
	}
	for _, n := range f.Norms {
		out[fmt.Sprintf("N %s %s %s:%s %s", n.Type, key[n.Target], n.DB, n.Key, n.Text)]++
	}
	for _, n := range f.Notes {
		out[fmt.Sprintf("# %s %s %s", n.Type, key[n.Target], n.Text)]++
	}
	return out
}

func TestPolNeARRoundTrip(t *testing.T) {
	dir := corpusDir(t)
	files := readCorpus(t, dir)
	b, report, err := Import(files, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range report {
		t.Log("import: " + r)
		if strings.Contains(r, "differs from the .txt") {
			t.Errorf("a T line's text does not match its offsets: %s", r)
		}
	}
	if err := fixture.Check(b); err != nil {
		t.Fatalf("imported corpus is not a valid bundle: %v", err)
	}
	if len(b.Documents) != 84 {
		t.Errorf("%d documents, want 84", len(b.Documents))
	}
	checkPolNeARMapping(t, files, b)
	out, exportReport, err := Render(b, Options{NoConf: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range exportReport {
		t.Errorf("export could not write: %s", r)
	}
	exported := filesOf(out)
	texts, anns, _ := sortFiles(files)
	compared, lines, unordered := 0, 0, 0
	for _, stem := range sortedKeys(anns) {
		unordered += fragmentsOutOfOrder(Parse(anns[stem]))
		txt := ""
		for s := range texts {
			if (stem == s || strings.HasPrefix(stem, s+"_")) && len(s) > len(txt) {
				txt = s
			}
		}
		stored, m := textmap.Normalize(string(texts[txt]))
		want := canon(Parse(anns[stem]), m.Pos, []rune(stored))
		data, ok := exported[stem+".ann"]
		if !ok {
			t.Errorf("%s.ann was not written again", stem)
			continue
		}
		got := canon(Parse(data), func(i int) int { return i }, []rune(stored))
		diffs := 0
		for k, n := range want {
			if got[k] != n {
				diffs++
				if diffs <= 3 {
					t.Errorf("%s: %q appears %d times, want %d", stem, k, got[k], n)
				}
			}
			lines += n
		}
		for k, n := range got {
			if _, ok := want[k]; !ok {
				diffs++
				if diffs <= 3 {
					t.Errorf("%s: unexpected %q (%d times)", stem, k, n)
				}
			}
		}
		compared++
	}
	annsOut := 0
	for name := range exported {
		if strings.HasSuffix(name, ".ann") {
			annsOut++
		}
	}
	if compared != 94 || annsOut != 94 {
		t.Errorf("compared %d .ann files, exported %d; want 94 each", compared, annsOut)
	}
	if unordered == 0 {
		t.Error("the corpus has no discontinuous span with its fragments out of text order: their order was NOT checked")
	}
	t.Logf("%d .ann files, %d annotation lines reproduced, %d spans with fragments out of text order among them", compared, lines, unordered)
}

// fragmentsOutOfOrder counts the T lines whose fragments are not in text
// order.
func fragmentsOutOfOrder(f *File) int {
	n := 0
	for _, e := range f.Entities {
		if !slices.IsSortedFunc(e.Spans, func(a, b storage.Range) int { return a.Start - b.Start }) {
			n++
		}
	}
	return n
}

// checkPolNeARMapping checks the default mapping on the corpus: kinds by
// label, the original label kept for the others, one relation per
// Content-Source and Cue-Content pair of every event.
func checkPolNeARMapping(t *testing.T, files map[string][]byte, b *storage.Bundle) {
	t.Helper()
	_, anns, _ := sortFiles(files)
	wantKinds := map[storage.Kind]int{}
	wantRels := map[storage.RelationType]map[string]bool{storage.RelSaidBy: {}, storage.RelCueOf: {}}
	m := DefaultMapping()
	for stem, data := range anns {
		f := Parse(data)
		for _, e := range f.Entities {
			k, _ := m.kind(e.Label)
			wantKinds[k]++
		}
		for _, e := range f.Events {
			for _, a := range e.Args {
				for _, o := range e.Args {
					switch {
					case baseRole(a.Role) == "Content" && baseRole(o.Role) == "Source":
						wantRels[storage.RelSaidBy][stem+a.Ref+o.Ref] = true
					case baseRole(a.Role) == "Cue" && baseRole(o.Role) == "Content":
						wantRels[storage.RelCueOf][stem+a.Ref+o.Ref] = true
					}
				}
			}
		}
	}
	gotKinds := map[storage.Kind]int{}
	labels := map[string]int{}
	for _, a := range b.Annotations {
		gotKinds[a.Kind]++
		if l := a.Attrs[storage.AttrLabel]; l != "" {
			labels[l]++
		}
	}
	for k, n := range wantKinds {
		if gotKinds[k] != n {
			t.Errorf("%d annotations of kind %s, want %d", gotKinds[k], k, n)
		}
	}
	if labels["Attribution"] == 0 || labels["Discard"] == 0 || labels["Content"] != 0 {
		t.Errorf("original labels kept: %v", labels)
	}
	gotRels := map[storage.RelationType]int{}
	for _, r := range b.Relations {
		gotRels[r.Type]++
	}
	for typ, pairs := range wantRels {
		if gotRels[typ] != len(pairs) || len(pairs) < 2000 {
			t.Errorf("%d %s relations, want %d", gotRels[typ], typ, len(pairs))
		}
	}
	if len(b.Annotators) != 6 {
		t.Errorf("%d coders, want the 6 of the corpus", len(b.Annotators))
	}
}
