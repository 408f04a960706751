package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// runFreshImportHelper merges the crash batch with new ids for everything,
// as an importer of a format without ids (brat) produces on every run.
func runFreshImportHelper(path string, _ uint64) error {
	return importBatch(path, freshIDs(crashBundle()))
}

// TestCrashResumedImportWithoutIDs kills an import whose ids are new on
// every run at random moments and runs it again on the same project, as a
// user does after a crash, until one run finishes: the project then holds
// exactly the batch, nothing twice.
func TestCrashResumedImportWithoutIDs(t *testing.T) {
	projects := crashKills(12, 3, 1)
	if raceBuild {
		projects = 1 // the race detector makes each run seconds long
	}
	b := crashBundle()
	want := bundleContent(b)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 13))
	newProject := func(name string) string {
		path := filepath.Join(dir, name+".saywho")
		p, err := Create(path, "resume test")
		if err != nil {
			t.Fatal(err)
		}
		p.Close()
		return path
	}
	// One undisturbed run sets the time scale and checks the comparison.
	path := newProject("undisturbed")
	_, full := undisturbedRun(t, "import-new", path)
	checkContent(t, path, want)
	kills, resumed, span := 0, 0, full
	for round := range projects {
		path := newProject(fmt.Sprintf("round%d", round))
		resumes := 0 // runs started on a partly imported project
		for run := 0; ; run++ {
			if run > 60 {
				t.Fatalf("60 runs did not interrupt an import half way twice (an undisturbed one takes %v)", full)
			}
			n := documentsIn(t, path)
			if n == len(b.Documents) { // an import completed
				checkContent(t, path, want)
				if resumes > 0 {
					break
				}
				path = newProject(fmt.Sprintf("round%d-%d", round, run)) // it completed without a resume: again
				continue
			}
			if n > 0 {
				resumes++
				resumed++
			}
			h := startHelper(t, "import-new", path, 0)
			select {
			case <-h.ready:
			case <-h.eof:
			}
			if resumes >= 2 {
				if err := h.wait(); err != nil { // the second resume runs to the end
					t.Fatal(err)
				}
				continue
			}
			time.Sleep(time.Duration(rng.Int64N(int64(span))))
			killed, err := h.kill()
			switch {
			case err != nil:
				t.Fatalf("the import helper failed: %v", err)
			case killed:
				kills++
			default:
				span = span * 3 / 4 // it finished first: the machine is faster than measured
			}
		}
	}
	t.Logf("%d projects, %d kills, %d runs resumed a partial import with new ids; every project ended with exactly the %d lines of the batch (an undisturbed import took %v)",
		projects, kills, resumed, len(want), full.Round(time.Millisecond))
}

func documentsIn(t *testing.T, live string) int {
	t.Helper()
	st, err := openStopped(t, live).Stats(bg)
	if err != nil {
		t.Fatal(err)
	}
	return st.Documents
}

// checkContent fails unless the project holds exactly want (bundleContent
// of the batch): every line, each as often.
func checkContent(t *testing.T, live string, want []string) {
	t.Helper()
	b, err := openStopped(t, live).Snapshot(bg, storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := bundleContent(b); !slices.Equal(got, want) {
		t.Fatalf("the project after the resumed import differs from the batch (%d lines, want %d):\n%s", len(got), len(want), diffLines(want, got, 10))
	}
}

// bundleContent renders a bundle as sorted lines that do not depend on
// ids: coders, codes and speakers by name, documents by hash, annotations
// by document, coder, kind, parts, text, codes, speaker and attributes,
// links by their ends, memos by document, coder and text.
func bundleContent(b *storage.Bundle) []string {
	coder, code, speaker, doc := map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	var out []string
	for _, a := range b.Annotators {
		coder[a.ID] = a.Name
		out = append(out, "coder "+a.Name)
	}
	for _, c := range b.Codes {
		code[c.ID] = c.Name
	}
	for _, c := range b.Codes {
		out = append(out, "code "+code[c.ParentID]+"/"+c.Name)
	}
	for _, s := range b.Speakers {
		speaker[s.ID] = s.Name
		out = append(out, fmt.Sprintf("speaker %s %v", s.Name, s.Aliases))
	}
	for _, d := range b.Documents {
		doc[d.ID] = d.SHA256
		out = append(out, fmt.Sprintf("document %s %q %d", d.SHA256, d.Title, d.Length))
	}
	ann := map[string]string{}
	for _, a := range b.Annotations {
		var codes []string
		for _, c := range a.Codes {
			codes = append(codes, code[c])
		}
		slices.Sort(codes)
		ann[a.ID] = fmt.Sprintf("%s %s %s [%d,%d)%v %q", doc[a.DocumentID], coder[a.AnnotatorID], a.Kind, a.Start, a.End, a.Ranges, a.Text)
		out = append(out, fmt.Sprintf("annotation %s codes=%v speaker=%s attrs=%v note=%q", ann[a.ID], codes, speaker[a.SpeakerID], a.Attrs, a.Note))
	}
	for _, r := range b.Relations {
		out = append(out, fmt.Sprintf("link %s %s -> %s%s by %s", r.Type, ann[r.SourceID], ann[r.TargetID], speaker[r.TargetSpeakerID], coder[r.AnnotatorID]))
	}
	for _, m := range b.Memos {
		out = append(out, fmt.Sprintf("memo %s %s %q", doc[m.DocumentID], coder[m.AnnotatorID], strings.TrimSpace(m.Text)))
	}
	slices.Sort(out)
	return out
}
