package agreement

import (
	"fmt"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// builder makes small bundles by hand: documents, coders, spans at
// code-point offsets, speakers and said_by links.
type builder struct {
	t   testing.TB
	b   *storage.Bundle
	seq int
}

func newBuilder(t testing.TB) *builder {
	return &builder{t: t, b: &storage.Bundle{}}
}

func (x *builder) id(prefix string) string {
	x.seq++
	return fmt.Sprintf("%s%d", prefix, x.seq)
}

func (x *builder) coder(name string) string {
	a := storage.Annotator{ID: x.id("coder"), Name: name}
	x.b.Annotators = append(x.b.Annotators, a)
	return a.ID
}

func (x *builder) doc(text string) string {
	d := storage.Document{ID: x.id("doc"), Text: text, Length: len([]rune(text))}
	x.b.Documents = append(x.b.Documents, d)
	return d.ID
}

func (x *builder) speaker(name string) string {
	s := storage.Speaker{ID: x.id("speaker"), Name: name}
	x.b.Speakers = append(x.b.Speakers, s)
	return s.ID
}

// span adds an annotation over [start, end), or over the given parts when
// more than one pair of offsets is given, with its text from the document.
func (x *builder) span(doc, coder string, kind storage.Kind, offsets ...int) string {
	x.t.Helper()
	var text []rune
	for _, d := range x.b.Documents {
		if d.ID == doc {
			text = []rune(d.Text)
		}
	}
	a := storage.Annotation{ID: x.id("ann"), DocumentID: doc, Kind: kind, AnnotatorID: coder,
		Start: offsets[0], End: offsets[len(offsets)-1], Origin: storage.OriginHuman}
	var parts []string
	for i := 0; i+1 < len(offsets); i += 2 {
		a.Ranges = append(a.Ranges, storage.Range{Start: offsets[i], End: offsets[i+1]})
		parts = append(parts, string(text[offsets[i]:offsets[i+1]]))
	}
	if len(a.Ranges) == 1 {
		a.Ranges = nil
	}
	a.Text = strings.Join(parts, "…")
	x.b.Annotations = append(x.b.Annotations, a)
	return a.ID
}

// ann returns the annotation with the given id for further setting.
func (x *builder) ann(id string) *storage.Annotation {
	for i := range x.b.Annotations {
		if x.b.Annotations[i].ID == id {
			return &x.b.Annotations[i]
		}
	}
	x.t.Fatalf("no annotation %s", id)
	return nil
}

// saidBy links a quote to a speaker mention or a registry speaker.
func (x *builder) saidBy(quote, target, coder string) {
	r := storage.Relation{ID: x.id("rel"), Type: storage.RelSaidBy, SourceID: quote, AnnotatorID: coder}
	if strings.HasPrefix(target, "speaker") {
		r.TargetSpeakerID = target
	} else {
		r.TargetID = target
	}
	x.b.Relations = append(x.b.Relations, r)
}

// compute runs Compute and fails the test on an error.
func (x *builder) compute(opts Options) *Report {
	x.t.Helper()
	r, err := Compute(x.b, opts)
	if err != nil {
		x.t.Fatal(err)
	}
	return r
}

// kind returns the result for kind k.
func kind(t *testing.T, r *Report, k storage.Kind) KindResult {
	t.Helper()
	for _, res := range r.Kinds {
		if res.Kind == k {
			return res
		}
	}
	t.Fatalf("no result for %s", k)
	return KindResult{}
}

// near reports whether a Ratio is want to four decimals.
func near(r Ratio, want float64) bool {
	return r.Defined() && float64(r)-want < 5e-5 && want-float64(r) < 5e-5
}

// mark adds an annotation over the first occurrence of s in the document
// at or after the code point from.
func (x *builder) mark(doc, coder string, kind storage.Kind, s string, from int) string {
	x.t.Helper()
	for _, d := range x.b.Documents {
		if d.ID != doc {
			continue
		}
		text := []rune(d.Text)
		i := strings.Index(string(text[from:]), s)
		if i < 0 {
			x.t.Fatalf("%q not in %q after %d", s, d.Text, from)
		}
		start := from + len([]rune(string(text[from:])[:i]))
		return x.span(doc, coder, kind, start, start+len([]rune(s)))
	}
	x.t.Fatalf("no document %s", doc)
	return ""
}
