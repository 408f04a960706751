package sqlite

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// viewsProject has three documents, two speakers with mentions and links,
// and annotations of two coders.
func viewsProject(t *testing.T) (*Project, []storage.Document, []storage.Speaker) {
	t.Helper()
	p := newProject(t)
	ana, _ := p.EnsureAnnotator(bg, "Ana")
	ben, _ := p.EnsureAnnotator(bg, "Ben")
	var docs []storage.Document
	var spk []storage.Speaker
	for _, n := range []string{"Kim", "Lee"} {
		s, err := p.AddSpeaker(bg, storage.Speaker{Name: n})
		if err != nil {
			t.Fatal(err)
		}
		spk = append(spk, s)
	}
	for i := range 3 {
		text := fmt.Sprintf("Kim said the port will open (%d). Lee said it will not.", i)
		d, err := p.AddDocument(bg, storage.Document{Title: fmt.Sprintf("Doc %d", i), Text: text})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		for j, who := range []storage.Annotator{ana, ben} {
			m, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindSpeakerMention, Start: 0, End: 3, SpeakerID: spk[0].ID, AnnotatorID: who.ID})
			if err != nil {
				t.Fatal(err)
			}
			q, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 9, End: 28 + j, AnnotatorID: who.ID})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Link(bg, storage.Relation{Type: storage.RelSaidBy, SourceID: q.ID, TargetID: m.ID, AnnotatorID: who.ID}); err != nil {
				t.Fatal(err)
			}
			q2, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: 43 + j, End: 54, AnnotatorID: who.ID})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Link(bg, storage.Relation{Type: storage.RelSaidBy, SourceID: q2.ID, TargetSpeakerID: spk[1].ID, AnnotatorID: who.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return p, docs, spk
}

// The per-id reads give what the whole lists give for those ids.
func TestPartialReadsMatchTheLists(t *testing.T) {
	p, docs, spk := viewsProject(t)
	all, err := p.Speakers(bg)
	if err != nil {
		t.Fatal(err)
	}
	some, err := p.SpeakerStats(bg, []string{spk[1].ID, spk[0].ID, "no-such-id"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(all, some, func(a, b storage.SpeakerStats) bool {
		return a.ID == b.ID && a.Mentions == b.Mentions && a.Quotes == b.Quotes && a.Claims == b.Claims
	}) {
		t.Errorf("SpeakerStats %+v, Speakers %+v", some, all)
	}
	if all[0].Mentions != 6 || all[0].Quotes != 6 || all[1].Quotes != 6 {
		t.Errorf("counts %+v", all)
	}
	list, err := p.Documents(bg)
	if err != nil {
		t.Fatal(err)
	}
	two, err := p.DocumentSummaries(bg, []string{docs[2].ID, docs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(two) != 2 || !reflect.DeepEqual(two[0], list[0]) || !reflect.DeepEqual(two[1], list[2]) || list[1].Annotations != 6 {
		t.Errorf("DocumentSummaries %+v of %+v", two, list)
	}
}

// Pages of the annotation list put together give the whole list, and the
// count agrees.
func TestAnnotationPages(t *testing.T) {
	p, _, spk := viewsProject(t)
	for _, f := range []storage.Filter{{}, {Kind: storage.KindQuote}, {SpeakerID: spk[1].ID}} {
		all, err := p.Annotations(bg, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := p.CountAnnotations(bg, f)
		if err != nil || n != len(all) {
			t.Fatalf("%+v: count %d (%v), list %d", f, n, err, len(all))
		}
		var paged []storage.Annotation
		for off := 0; ; off += 5 {
			g := f
			g.Offset, g.Limit = off, 5
			page, err := p.Annotations(bg, g)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			paged = append(paged, page...)
		}
		if len(paged) != len(all) {
			t.Fatalf("%+v: pages hold %d of %d", f, len(paged), len(all))
		}
		for i := range all {
			if paged[i].ID != all[i].ID {
				t.Fatalf("%+v: row %d differs", f, i)
			}
		}
	}
}

// EachDocument streams what a selection holds, in import order, and
// refuses a selection naming what is not there.
func TestEachDocumentSelects(t *testing.T) {
	p, docs, _ := viewsProject(t)
	ana, _ := p.EnsureAnnotator(bg, "Ana")
	set, err := p.CreateSet(bg, "Two", "", []string{docs[0].ID, docs[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name              string
		opts              storage.StreamOptions
		docs              []string
		anns, rels, memos int
		wantErr           error
	}{
		{"all", storage.StreamOptions{}, []string{docs[0].ID, docs[1].ID, docs[2].ID}, 18, 12, 0, nil},
		{"one coder", storage.StreamOptions{SnapshotOptions: storage.SnapshotOptions{AnnotatorID: ana.ID}}, []string{docs[0].ID, docs[1].ID, docs[2].ID}, 9, 6, 0, nil},
		{"set", storage.StreamOptions{SnapshotOptions: storage.SnapshotOptions{SetID: set.ID}}, []string{docs[0].ID, docs[2].ID}, 12, 8, 0, nil},
		{"ids", storage.StreamOptions{SnapshotOptions: storage.SnapshotOptions{DocumentIDs: []string{docs[1].ID}}}, []string{docs[1].ID}, 6, 4, 0, nil},
		{"no links", storage.StreamOptions{NoRelations: true, NoAnnotations: true}, []string{docs[0].ID, docs[1].ID, docs[2].ID}, 0, 0, 0, nil},
		{"missing id", storage.StreamOptions{SnapshotOptions: storage.SnapshotOptions{DocumentIDs: []string{"nope"}}}, nil, 0, 0, 0, storage.ErrNotFound},
		{"outside set", storage.StreamOptions{SnapshotOptions: storage.SnapshotOptions{SetID: set.ID, DocumentIDs: []string{docs[1].ID}}}, nil, 0, 0, 0, storage.ErrNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ids []string
			var anns, rels int
			err := p.EachDocument(bg, c.opts, func(d *storage.DocumentData) error {
				ids = append(ids, d.ID)
				anns += len(d.Annotations)
				rels += len(d.Relations)
				if !c.opts.NoText && d.Text == "" {
					t.Errorf("%s has no text", d.Title)
				}
				return nil
			})
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("error %v, want %v", err, c.wantErr)
				}
				return
			}
			if err != nil || !slices.Equal(ids, c.docs) || anns != c.anns || rels != c.rels {
				t.Fatalf("%v: docs %v, %d annotations, %d links; want %v, %d, %d", err, ids, anns, rels, c.docs, c.anns, c.rels)
			}
		})
	}
}

// A stored field another program garbled is reported, not silently read
// as empty.
func TestGarbledStoredFieldsAreReported(t *testing.T) {
	p, docs, spk := viewsProject(t)
	if _, err := p.wconn.ExecContext(bg, "UPDATE annotations SET attrs = '{not json' WHERE rowid = (SELECT min(rowid) FROM annotations)"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Annotations(bg, storage.Filter{DocumentID: docs[0].ID}); !errors.Is(err, storage.ErrCorrupt) {
		t.Errorf("garbled attributes: %v, want ErrCorrupt", err)
	}
	if _, err := p.wconn.ExecContext(bg, "UPDATE speakers SET aliases = '[1,' WHERE id = ?", spk[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Speakers(bg); !errors.Is(err, storage.ErrCorrupt) {
		t.Errorf("garbled aliases: %v, want ErrCorrupt", err)
	}
}
