package sqlite

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// cloneBundle is a deep copy of b.
func cloneBundle(t *testing.T, b *storage.Bundle) *storage.Bundle {
	t.Helper()
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var out storage.Bundle
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

// TestMergeReportsConflicts: whatever in a file clashes with the project
// or with itself is reported by id with what was kept; the project's
// version is never overwritten.
func TestMergeReportsConflicts(t *testing.T) {
	base := mergeBundle(t)
	newQuote := func(b *storage.Bundle) storage.Annotation {
		st, e := span(t, unicodeText, "We won’t yield.")
		return storage.Annotation{ID: storage.NewID(), DocumentID: b.Documents[0].ID, Kind: storage.KindQuote, Start: st, End: e, AnnotatorID: b.Annotators[0].ID,
			Created: b.Annotations[0].Created, Modified: b.Annotations[0].Created}
	}
	cases := []struct {
		name    string
		empty   bool                    // merge into an empty project (else one holding base)
		edit    func(b *storage.Bundle) // turns a copy of base into the file
		kind    string                  // the conflict expected
		id      func(b *storage.Bundle) string
		outcome storage.Outcome
		check   func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport)
	}{{
		name:  "annotation id twice in the file",
		empty: true,
		edit: func(b *storage.Bundle) {
			dup := b.Annotations[3]
			dup.Kind = storage.KindClaim
			b.Annotations = append(b.Annotations, dup)
		},
		kind: "annotation", id: func(b *storage.Bundle) string { return b.Annotations[3].ID }, outcome: storage.KeptFirst,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if a, err := p.Annotation(bg, b.Annotations[3].ID); err != nil || a.Kind != storage.KindCue {
				t.Errorf("stored %+v (%v), want the first (a cue)", a, err)
			}
		},
	}, {
		name: "annotation id in the project, other content",
		edit: func(b *storage.Bundle) {
			b.Annotations[0].Attrs = map[string]string{storage.AttrQuoteType: "direct"}
			b.Annotations[0].Ranges = b.Annotations[0].Ranges[1:]
			b.Annotations[0].Start, b.Annotations[0].End = b.Annotations[0].Ranges[0].Start, b.Annotations[0].Ranges[0].End
			b.Annotations[0].Ranges = nil
		},
		kind: "annotation", id: func(b *storage.Bundle) string { return b.Annotations[0].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			a, err := p.Annotation(bg, b.Annotations[0].ID)
			if err != nil || len(a.Ranges) != 2 || a.Attrs[storage.AttrQuoteType] != "" {
				t.Errorf("the project's annotation changed: %+v (%v)", a, err)
			}
		},
	}, {
		name: "document id in the project, other text",
		edit: func(b *storage.Bundle) {
			d := &b.Documents[0]
			d.Text = textutil.Normalize(d.Text + "\nA new last line.")
			d.SHA256 = textutil.SHA256(d.Text)
			b.Annotations = append(b.Annotations, newQuote(b))
		},
		kind: "document", id: func(b *storage.Bundle) string { return b.Documents[0].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if rep.Annotations != 0 {
				t.Errorf("%d annotations added onto a text they were not made on", rep.Annotations)
			}
			if d, _ := p.Document(bg, b.Documents[0].ID); strings.Contains(d.Text, "A new last line") {
				t.Error("the project's text was replaced")
			}
		},
	}, {
		name: "document id in the project, other title",
		edit: func(b *storage.Bundle) {
			b.Documents[0].Title = "Renamed"
			b.Annotations = append(b.Annotations, newQuote(b))
		},
		kind: "document", id: func(b *storage.Bundle) string { return b.Documents[0].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if d, _ := p.Document(bg, b.Documents[0].ID); d.Title != "Test" || rep.Annotations != 1 {
				t.Errorf("title %q, %d annotations added; want the project's title and the new quote", d.Title, rep.Annotations)
			}
		},
	}, {
		name:  "document id twice in the file, other text",
		empty: true,
		edit: func(b *storage.Bundle) {
			d := b.Documents[0]
			d.Text = "Another text entirely."
			d.SHA256 = textutil.SHA256(d.Text)
			b.Documents = append(b.Documents, d)
		},
		kind: "document", id: func(b *storage.Bundle) string { return b.Documents[0].ID }, outcome: storage.KeptFirst,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if d, _ := p.Document(bg, b.Documents[0].ID); d.Text != unicodeText || rep.Annotations != len(b.Annotations) {
				t.Errorf("text %q, %d annotations; want the first text with all its annotations", d.Text, rep.Annotations)
			}
		},
	}, {
		name: "memo on a missing document",
		edit: func(b *storage.Bundle) {
			b.Memos = append(b.Memos, storage.Memo{ID: storage.NewID(), DocumentID: storage.NewID(), AnnotatorID: b.Annotators[0].ID, Text: "lost?"})
		},
		kind: "memo", id: func(b *storage.Bundle) string { return b.Memos[1].ID }, outcome: storage.NotImported,
	}, {
		name: "memo id in the project, other text",
		edit: func(b *storage.Bundle) { b.Memos[0].Text = "changed" },
		kind: "memo", id: func(b *storage.Bundle) string { return b.Memos[0].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if m, _ := p.Memos(bg, b.Documents[0].ID); len(m) != 1 || m[0].Text != "read twice ✍️" {
				t.Errorf("memos %+v", m)
			}
		},
	}, {
		name: "annotation on a missing document",
		edit: func(b *storage.Bundle) {
			a := newQuote(b)
			a.DocumentID = storage.NewID()
			b.Annotations = append(b.Annotations, a)
		},
		kind: "annotation", id: func(b *storage.Bundle) string { return b.Annotations[len(b.Annotations)-1].ID }, outcome: storage.NotImported,
	}, {
		name: "link id in the project, other ends",
		edit: func(b *storage.Bundle) { b.Relations[0].TargetID = b.Annotations[2].ID },
		kind: "relation", id: func(b *storage.Bundle) string { return b.Relations[0].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if r, _ := p.Relation(bg, b.Relations[0].ID); r.TargetID != b.Annotations[1].ID {
				t.Errorf("link %+v changed", r)
			}
		},
	}, {
		name: "link from a missing annotation",
		edit: func(b *storage.Bundle) {
			b.Relations = append(b.Relations, storage.Relation{ID: storage.NewID(), Type: storage.RelSaidBy, SourceID: storage.NewID(), TargetID: b.Annotations[1].ID, AnnotatorID: b.Annotators[0].ID})
		},
		kind: "relation", id: func(b *storage.Bundle) string { return b.Relations[len(b.Relations)-1].ID }, outcome: storage.NotImported,
	}, {
		name: "code id in the project, other name",
		edit: func(b *storage.Bundle) { b.Codes[1].Name = "Security" },
		kind: "code", id: func(b *storage.Bundle) string { return b.Codes[1].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if c, _ := p.Code(bg, b.Codes[1].ID); c.Name != "Defence" {
				t.Errorf("code %+v", c)
			}
		},
	}, {
		name: "speaker id in the project, other name",
		edit: func(b *storage.Bundle) { b.Speakers[0].Name = "Zoe Example" },
		kind: "speaker", id: func(b *storage.Bundle) string { return b.Speakers[0].ID }, outcome: storage.KeptProject,
		check: func(t *testing.T, p *Project, b *storage.Bundle, rep storage.MergeReport) {
			if s, _ := p.Speaker(bg, b.Speakers[0].ID); s.Name != "Zoë" {
				t.Errorf("speaker %+v", s)
			}
		},
	}, {
		name: "coder id in the project, other name",
		edit: func(b *storage.Bundle) { b.Annotators[0].Name = "Kim" },
		kind: "coder", id: func(b *storage.Bundle) string { return b.Annotators[0].ID }, outcome: storage.KeptProject,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newProject(t)
			if !c.empty {
				mustMerge(t, p, cloneBundle(t, base))
			}
			file := cloneBundle(t, base)
			c.edit(file)
			before, _ := p.Stats(bg)
			rep := mustMerge(t, p, file)
			id := c.id(file)
			var found *storage.Conflict
			for i, x := range rep.Conflicts {
				if x.Kind == c.kind && x.ID == id {
					found = &rep.Conflicts[i]
				}
			}
			if found == nil {
				t.Fatalf("no %s conflict for %s; conflicts %v, notices %q", c.kind, id, rep.Conflicts, rep.Notices)
			}
			if found.Outcome != c.outcome || found.Problem == "" || !strings.Contains(found.String(), id) {
				t.Errorf("conflict %+v (%s), want outcome %q", *found, found, c.outcome)
			}
			if len(rep.Conflicts) != 1 {
				t.Errorf("%d conflicts, want 1: %v", len(rep.Conflicts), rep.Conflicts)
			}
			if c.check != nil {
				c.check(t, p, file, rep)
			}
			if !c.empty && c.check == nil {
				if after, _ := p.Stats(bg); after.Annotations != before.Annotations || after.Relations != before.Relations {
					t.Errorf("the project changed: %+v, was %+v", after, before)
				}
			}
			if probs, err := p.Check(bg); err != nil || len(probs) > 0 {
				t.Fatalf("check: %v %v", probs, err)
			}
		})
	}
}
