package report

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/brat"
	"github.com/saywho-app/saywho/storage/sharedtest"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// polnearProject imports the PolNeAR development corpus with its brat
// gold into a new project, as a study would prepare it: outlets and dates
// from the file names (outlet_YYYY-MM-DD_slug), one registry speaker per
// distinct source name with invented attributes, a few codes on quotes,
// and a claim on every fifth quote.
func polnearProject(tb testing.TB) *sqlite.Project {
	tb.Helper()
	dir := sharedtest.Path(tb, "the Reports benchmark on PolNeAR", "corpus", "polnear-dev")
	files := map[string][]byte{}
	for _, sub := range []string{"text", "attributions"} {
		ents, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range ents {
			data, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			files[sub+"/"+e.Name()] = data
		}
	}
	if _, bench := tb.(*testing.B); !bench && polnearArticles > 0 {
		files = firstArticles(files, polnearArticles)
	}
	b, _, err := brat.Import(files, brat.ImportOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	enrich(b)
	p, err := sqlite.Create(filepath.Join(tb.TempDir(), "polnear.saywho"), "PolNeAR dev")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { p.Close() })
	if _, err := p.Merge(bg, b, nil); err != nil {
		tb.Fatal(err)
	}
	return p
}

// firstArticles keeps the files of the first n articles (by name).
func firstArticles(files map[string][]byte, n int) map[string][]byte {
	var texts []string
	for name := range files {
		if strings.HasPrefix(name, "text/") {
			texts = append(texts, strings.TrimSuffix(strings.TrimPrefix(name, "text/"), ".txt"))
		}
	}
	sort.Strings(texts)
	keep := map[string][]byte{}
	for name, data := range files {
		for _, stem := range texts[:min(n, len(texts))] {
			if strings.Contains(name, "/"+stem) {
				keep[name] = data
			}
		}
	}
	return keep
}

// pick chooses one of list by a hash of s, the same every run.
func pick(s string, list ...string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return list[h.Sum32()%uint32(len(list))]
}

// enrich gives the imported bundle what a study adds by hand.
func enrich(b *storage.Bundle) {
	for i := range b.Documents {
		d := &b.Documents[i]
		parts := strings.SplitN(strings.TrimSuffix(filepath.Base(d.FileName), ".txt"), "_", 3)
		if len(parts) == 3 {
			d.Outlet, d.Published = parts[0], parts[1]
		}
	}
	speakers := map[string]string{}
	for i := range b.Annotations {
		a := &b.Annotations[i]
		if a.Kind != storage.KindSpeakerMention || a.SpeakerID != "" {
			continue
		}
		name := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(a.Text)), "the ")
		id, ok := speakers[name]
		if !ok {
			id = storage.NewID()
			speakers[name] = id
			b.Speakers = append(b.Speakers, storage.Speaker{ID: id, Name: a.Text, Aliases: []string{},
				Gender: pick(name, "woman", "man", "man", "unknown", ""), Type: pick(name+"t", "person", "person", "organisation", "anonymous"),
				Role: pick(name+"r", "politician", "official", "expert", "citizen", "journalist"), Affiliation: pick(name+"a", "Democratic", "Republican", ""),
				Country: pick(name+"c", "US", "US", "US", "RU", "")})
		}
		a.SpeakerID = id
	}
	codes := []storage.Code{{ID: storage.NewID(), Name: "Economy", Color: "#AA3377"}, {ID: storage.NewID(), Name: "Security", Color: "#228833", Position: 1},
		{ID: storage.NewID(), Name: "Health", Color: "#4477AA", Position: 2}}
	b.Codes = append(b.Codes, codes...)
	speakerOf := map[string]storage.Relation{}
	for _, r := range b.Relations {
		if r.Type == storage.RelSaidBy {
			speakerOf[r.SourceID] = r
		}
	}
	var claims []storage.Annotation
	n := 0
	for i := range b.Annotations {
		a := &b.Annotations[i]
		if a.Kind != storage.KindQuote {
			continue
		}
		n++
		for j, c := range codes {
			if n%(j+2) == 0 {
				a.Codes = append(a.Codes, c.ID)
			}
		}
		if n%5 == 0 {
			c := *a
			c.ID, c.Kind, c.Codes = storage.NewID(), storage.KindClaim, nil
			c.Attrs = map[string]string{storage.AttrCheckWorthiness: pick(a.ID, "CFS", "UFS", "NFS"), storage.AttrVerdict: pick(a.ID+"v", "true", "false", "misleading", "")}
			claims = append(claims, c)
			if r, ok := speakerOf[a.ID]; ok {
				r.ID, r.Type, r.SourceID = storage.NewID(), storage.RelClaimedBy, c.ID
				b.Relations = append(b.Relations, r)
			}
		}
	}
	b.Annotations = append(b.Annotations, claims...)
}

// BenchmarkReports builds each table of the Reports view on the PolNeAR
// development corpus (84 articles with their gold attributions), then all
// of them, as the view does on opening.
func BenchmarkReports(b *testing.B) {
	p := polnearProject(b)
	st, err := p.Stats(bg)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("PolNeAR dev: %d documents, %d annotations (%v), %d speakers, %d relations", st.Documents, st.Annotations, st.ByKind, st.Speakers, st.Relations)
	r, err := New(bg, p)
	if err != nil {
		b.Fatal(err)
	}
	specs := Standard(Filter{})
	for _, s := range specs {
		b.Run(strings.ReplaceAll(s.Title, " ", "_"), func(b *testing.B) {
			defer cpuPerOp(b)()
			for b.Loop() {
				if _, err := r.Build(bg, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// What the Reports view does on opening: read the registry, build
	// every table (one pass per kind of unit).
	b.Run("view_all_tables", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			r, err := New(bg, p)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := r.BuildAll(bg, specs); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("view_all_tables_one_coder_one_outlet_one_month", func(b *testing.B) {
		coders, err := p.Annotators(bg)
		if err != nil || len(coders) == 0 {
			b.Fatal(coders, err)
		}
		f := Filter{Layer: coders[0].Name, Outlets: []string{"politico"}, From: "2016-10-01", To: "2016-10-31"}
		defer cpuPerOp(b)()
		for b.Loop() {
			if _, err := r.BuildAll(bg, Standard(f)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// cpuPerOp reports the process's CPU time per operation besides the
// wall time (which, on a machine shared by several builds, says more
// about the others than about the code): call its result when done.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &r) != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// The PolNeAR project's tables add up: every quote is in the speaker
// table once or more, the gender table's total is the speaker table's.
func TestPolNeARTables(t *testing.T) {
	p := polnearProject(t)
	r, err := New(bg, p)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := p.Stats(bg)
	var speakerTotal int
	for _, s := range Standard(Filter{}) {
		tab, err := r.Build(bg, s)
		if err != nil {
			t.Fatalf("%s: %v", s.Title, err)
		}
		if s.Title == "Quotes by speaker" {
			speakerTotal = tab.Total.Count
			sum := 0
			for _, c := range tab.RowTotals {
				sum += c.Count
			}
			if tab.Total.Count != st.ByKind["quote"] || sum < tab.Total.Count {
				t.Errorf("%d quotes in the table (rows sum to %d), %d in the project", tab.Total.Count, sum, st.ByKind["quote"])
			}
		}
		if s.Title == "Quotes by gender" && tab.Total.Count != speakerTotal {
			t.Errorf("gender total %d, speaker total %d", tab.Total.Count, speakerTotal)
		}
		t.Logf("%s: %d rows, %d columns, total %d", s.Title, len(tab.Rows), len(tab.Cols), tab.Total.Count)
	}
}
