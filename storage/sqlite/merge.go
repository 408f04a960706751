package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"

	"github.com/saywho-app/saywho/storage"
)

// Merge adds a bundle to the project without ever changing what is there:
//
//   - Items are matched by id. One already in the project is left as it is;
//     if the file's version differs, the report lists it as a conflict
//     (kept the project's version). Two items of the file with one id and
//     different content: the first is imported, the clash reported.
//   - A document whose text is already in the project under another id is
//     not added again; its items are merged into the existing one.
//   - An annotation whose id is new but which is already in the project
//     for the same coder (same kind, parts, label, and codes for a coded
//     passage) is not added again: formats without ids (brat) give new ids
//     on every import, so importing the same files twice adds nothing.
//     Links match by type and ends, memos by coder and text, codes by name
//     under the same parent, speakers by Wikidata id or by identical
//     details, coders by name. Links, and ids of the file's annotations
//     named in attribute values (brat events), follow the match.
//   - Items whose document (or whose link's source) is neither in the file
//     nor in the project are reported and not imported.
//
// The registry (coders, codes, speakers) is written in one transaction,
// then each document with its annotations, relations and memos in a
// transaction of its own, so a crash or a cancel leaves every document
// either complete or absent, and merging the same bundle again completes
// an interrupted merge.
func (p *Project) Merge(ctx context.Context, b *storage.Bundle, progress storage.MergeProgress) (storage.MergeReport, error) {
	m := &merger{p: p, coders: map[string]string{}, codes: map[string]string{}, speakers: map[string]string{}}
	f := m.firstOfEach(b)
	err := p.write(ctx, "Import coders, codes and speakers", func(q querier) error {
		return m.registry(q, f)
	})
	if err != nil {
		return m.rep, err
	}
	groups, orphans, err := m.group(f)
	if err != nil {
		return m.rep, err
	}
	for i := range f.Documents {
		d := &f.Documents[i]
		if err := ctx.Err(); err != nil {
			return m.rep, err
		}
		err := p.write(ctx, "Import "+d.Title, func(q querier) error {
			return m.document(q, d, groups[d.ID])
		})
		if err != nil {
			return m.rep, fmt.Errorf("importing %q: %w", d.Title, err)
		}
		if progress != nil {
			progress(i+1, len(f.Documents))
		}
	}
	for _, g := range orphans {
		if err := ctx.Err(); err != nil {
			return m.rep, err
		}
		if err := p.write(ctx, "Import", func(q querier) error { return m.orphans(q, g) }); err != nil {
			return m.rep, err
		}
	}
	if err := p.mergeSets(ctx, b, &m.rep); err != nil {
		return m.rep, err
	}
	return m.rep, nil
}

// merger is one Merge under way: the report and what the file's ids became
// in the project.
type merger struct {
	p        *Project
	rep      storage.MergeReport
	coders   map[string]string // file coder id → project id
	codes    map[string]string // file code id → project id
	speakers map[string]string // file speaker id → project id
}

func (m *merger) conflict(c storage.Conflict) { m.rep.Conflicts = append(m.rep.Conflicts, c) }

func (m *merger) notef(format string, args ...any) {
	m.rep.Notices = append(m.rep.Notices, fmt.Sprintf(format, args...))
}

// mapped returns what id became, or id itself.
func mapped(ids map[string]string, id string) string {
	if x, ok := ids[id]; ok {
		return x
	}
	return id
}

// firstOfEach returns a copy of b keeping the first item of each id,
// reporting later ones with other content.
func (m *merger) firstOfEach(b *storage.Bundle) *storage.Bundle {
	f := *b
	f.Annotators = firstOfEach(m, "coder", b.Annotators, func(a *storage.Annotator) (string, string) { return a.ID, a.Name })
	f.Codes = firstOfEach(m, "code", b.Codes, func(c *storage.Code) (string, string) { return c.ID, c.Name })
	f.Speakers = firstOfEach(m, "speaker", b.Speakers, func(s *storage.Speaker) (string, string) { return s.ID, s.Name })
	f.Documents = firstOfEach(m, "document", b.Documents, func(d *storage.Document) (string, string) { return d.ID, fmt.Sprintf("%q", d.Title) })
	f.Annotations = firstOfEach(m, "annotation", b.Annotations, func(a *storage.Annotation) (string, string) { return a.ID, describeAnnotation(a) })
	f.Relations = firstOfEach(m, "relation", b.Relations, func(r *storage.Relation) (string, string) { return r.ID, string(r.Type) })
	f.Memos = firstOfEach(m, "memo", b.Memos, func(x *storage.Memo) (string, string) { return x.ID, excerpt(x.Text) })
	return &f
}

func firstOfEach[T any](m *merger, kind string, items []T, about func(*T) (id, what string)) []T {
	seen := make(map[string]int, len(items))
	out := make([]T, 0, len(items))
	for i := range items {
		id, what := about(&items[i])
		j, dup := seen[id]
		switch {
		case id == "" || !dup:
			if id != "" {
				seen[id] = len(out)
			}
			out = append(out, items[i])
		case !reflect.DeepEqual(out[j], items[i]):
			m.conflict(storage.Conflict{Kind: kind, ID: id, What: what, Problem: "another " + kind + " in the file has this id", Outcome: storage.KeptFirst})
		}
	}
	return out
}

// items are a document's annotations, links and memos in the file.
type items struct {
	docID string
	anns  []storage.Annotation
	rels  []storage.Relation
	memos []storage.Memo
}

func (g *items) empty() bool { return g == nil || len(g.anns)+len(g.rels)+len(g.memos) == 0 }

// group sorts the file's annotations, links (by their source) and memos
// onto documents: those of the file, and the others ("orphans", in order
// of first mention). A link whose source is not in the file goes with the
// source's document in the project; one whose source is nowhere is
// reported.
func (m *merger) group(f *storage.Bundle) (groups map[string]*items, orphans []*items, err error) {
	groups = map[string]*items{}
	for _, d := range f.Documents {
		groups[d.ID] = &items{docID: d.ID}
	}
	get := func(docID string) *items {
		g, ok := groups[docID]
		if !ok {
			g = &items{docID: docID}
			groups[docID] = g
			orphans = append(orphans, g)
		}
		return g
	}
	docOf := make(map[string]string, len(f.Annotations))
	for _, a := range f.Annotations {
		get(a.DocumentID).anns = append(get(a.DocumentID).anns, a)
		docOf[a.ID] = a.DocumentID
	}
	for _, r := range f.Relations {
		doc, ok := docOf[r.SourceID]
		if !ok {
			err := m.p.db.QueryRow("SELECT document_id FROM annotations WHERE id = ?", r.SourceID).Scan(&doc)
			if errors.Is(err, sql.ErrNoRows) {
				m.conflict(storage.Conflict{Kind: "relation", ID: r.ID, What: string(r.Type),
					Problem: fmt.Sprintf("its source annotation %s is neither in the file nor in the project", r.SourceID), Outcome: storage.NotImported})
				m.rep.SkippedRelations++
				continue
			}
			if err != nil {
				return nil, nil, err
			}
		}
		get(doc).rels = append(get(doc).rels, r)
	}
	for _, x := range f.Memos {
		get(x.DocumentID).memos = append(get(x.DocumentID).memos, x)
	}
	return groups, orphans, nil
}

// orphans merges items whose document is not in the file into that
// document in the project, or reports them when it is not there either.
func (m *merger) orphans(q querier, g *items) error {
	ok, err := exists(q, "documents", g.docID)
	if err != nil || ok {
		if err != nil {
			return err
		}
		return m.items(q, g.docID, false, g)
	}
	problem := fmt.Sprintf("its document %s is neither in the file nor in the project", g.docID)
	for i := range g.anns {
		m.conflict(storage.Conflict{Kind: "annotation", ID: g.anns[i].ID, What: describeAnnotation(&g.anns[i]), Problem: problem, Outcome: storage.NotImported})
	}
	for _, r := range g.rels {
		m.conflict(storage.Conflict{Kind: "relation", ID: r.ID, What: string(r.Type), Problem: problem, Outcome: storage.NotImported})
	}
	for _, x := range g.memos {
		m.conflict(storage.Conflict{Kind: "memo", ID: x.ID, What: excerpt(x.Text), Problem: problem, Outcome: storage.NotImported})
	}
	m.rep.SkippedAnnotations += len(g.anns)
	m.rep.SkippedRelations += len(g.rels)
	return nil
}

func exists(q querier, table, id string) (bool, error) {
	var n int
	err := q.QueryRowContext(bg, "SELECT count(*) FROM "+table+" WHERE id = ?", id).Scan(&n)
	return n > 0, err
}
