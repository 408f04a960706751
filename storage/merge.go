package storage

import (
	"context"
	"errors"
	"fmt"
)

// MergeReport says what Merge added and what it skipped.
type MergeReport struct {
	Documents, Annotations, Relations, Speakers, Codes, Annotators, Memos int // added
	SkippedDocuments, Duplicates, SkippedAnnotations, SkippedRelations    int
	Notices                                                               []string

	Sets, SetMembers int // document sets and set memberships added
}

// MergeProgress is called after each document with the count done and the
// total.
type MergeProgress func(done, total int)

// Merge adds a bundle to the project, keeping its ids: what is already
// there (same id) is skipped, so importing the same export twice adds
// nothing. A document whose text is already in the project under another id
// is not added again; its annotations are attached to the existing one.
// The registry (coders, codes, speakers) is written in one transaction,
// then each document with its annotations, relations and memos in a
// transaction of its own, so a crash or a cancel leaves every document
// either complete or absent.
func (p *Project) Merge(ctx context.Context, b *Bundle, progress MergeProgress) (MergeReport, error) {
	var rep MergeReport
	annotatorMap := map[string]string{}
	err := p.write("Import coders, codes and speakers", func(q querier) error {
		return p.mergeRegistry(q, b, &rep, annotatorMap)
	})
	if err != nil {
		return rep, err
	}
	byDoc := map[string][]Annotation{}
	docOf := map[string]string{}
	for _, a := range b.Annotations {
		byDoc[a.DocumentID] = append(byDoc[a.DocumentID], a)
		docOf[a.ID] = a.DocumentID
	}
	relsByDoc := map[string][]Relation{}
	for _, r := range b.Relations {
		relsByDoc[docOf[r.SourceID]] = append(relsByDoc[docOf[r.SourceID]], r)
	}
	memosByDoc := map[string][]Memo{}
	for _, m := range b.Memos {
		memosByDoc[m.DocumentID] = append(memosByDoc[m.DocumentID], m)
	}
	for i, d := range b.Documents {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		err := p.write("Import "+d.Title, func(q querier) error {
			return p.mergeDocument(q, d, byDoc[d.ID], relsByDoc[d.ID], memosByDoc[d.ID], annotatorMap, &rep)
		})
		if err != nil {
			return rep, fmt.Errorf("importing %q: %w", d.Title, err)
		}
		if progress != nil {
			progress(i+1, len(b.Documents))
		}
	}
	if err := p.mergeSets(ctx, b, &rep); err != nil {
		return rep, err
	}
	if len(b.Documents) == 0 && len(b.Annotations) > 0 {
		rep.Notices = append(rep.Notices, fmt.Sprintf("%d annotations refer to documents not in the file and were skipped", len(b.Annotations)))
		rep.SkippedAnnotations += len(b.Annotations)
	}
	return rep, nil
}

func exists(q querier, table, id string) (bool, error) {
	var n int
	err := q.QueryRowContext(bg, "SELECT count(*) FROM "+table+" WHERE id = ?", id).Scan(&n)
	return n > 0, err
}

func (p *Project) mergeRegistry(q querier, b *Bundle, rep *MergeReport, annotatorMap map[string]string) error {
	for _, a := range b.Annotators {
		var id string
		err := q.QueryRowContext(bg, "SELECT id FROM annotators WHERE id = ? OR name = ? ORDER BY id = ? DESC", a.ID, a.Name, a.ID).Scan(&id)
		if err == nil {
			annotatorMap[a.ID] = id
			continue
		}
		if a.ID == "" {
			a.ID = NewID()
		}
		if a.Created.IsZero() {
			a.Created = now()
		}
		if err := insertAnnotator(q, a); err != nil {
			return fmt.Errorf("coder %q: %w", a.Name, err)
		}
		annotatorMap[a.ID] = a.ID
		rep.Annotators++
	}
	// Parents before children, whatever the order in the file.
	pending := append([]Code(nil), b.Codes...)
	for len(pending) > 0 {
		var next []Code
		for _, c := range pending {
			if ok, err := exists(q, "codes", c.ID); err != nil || ok {
				if err != nil {
					return err
				}
				continue
			}
			if c.ParentID != "" {
				if ok, _ := exists(q, "codes", c.ParentID); !ok && codeListed(pending, c.ParentID) {
					next = append(next, c)
					continue
				} else if !ok {
					rep.Notices = append(rep.Notices, fmt.Sprintf("code %q: parent %s missing, placed at top level", c.Name, c.ParentID))
					c.ParentID = ""
				}
			}
			if _, err := addCode(q, c); err != nil {
				return err
			}
			rep.Codes++
		}
		if len(next) == len(pending) {
			return fmt.Errorf("codebook: %w: codes form a cycle", ErrInvalid)
		}
		pending = next
	}
	for _, s := range b.Speakers {
		if ok, err := exists(q, "speakers", s.ID); err != nil || ok {
			if err != nil {
				return err
			}
			continue
		}
		if _, err := addSpeaker(q, s); err != nil {
			return err
		}
		rep.Speakers++
	}
	return nil
}

func codeListed(codes []Code, id string) bool {
	for _, c := range codes {
		if c.ID == id {
			return true
		}
	}
	return false
}

func (p *Project) mergeDocument(q querier, d Document, anns []Annotation, rels []Relation, memos []Memo, annotatorMap map[string]string, rep *MergeReport) error {
	target := d.ID
	if ok, err := exists(q, "documents", d.ID); err != nil {
		return err
	} else if ok {
		rep.SkippedDocuments++
	} else {
		if d.Text == "" {
			rep.Notices = append(rep.Notices, fmt.Sprintf("document %q has no text in the file: skipped with its %d annotations", d.Title, len(anns)))
			rep.SkippedDocuments++
			rep.SkippedAnnotations += len(anns)
			return nil
		}
		got, err := addDocument(q, d)
		switch {
		case errors.Is(err, ErrDuplicate):
			rep.Duplicates++
			rep.Notices = append(rep.Notices, err.Error())
			target = got.ID
		case err != nil:
			return err
		default:
			rep.Documents++
		}
	}
	for _, a := range anns {
		if ok, err := exists(q, "annotations", a.ID); err != nil {
			return err
		} else if ok {
			rep.SkippedAnnotations++
			continue
		}
		a.DocumentID = target
		if id, ok := annotatorMap[a.AnnotatorID]; ok {
			a.AnnotatorID = id
		}
		want := a.Text
		got, err := p.addAnnotation(q, a)
		if err != nil {
			rep.SkippedAnnotations++
			rep.Notices = append(rep.Notices, fmt.Sprintf("annotation %s skipped: %v", a.ID, err))
			continue
		}
		if want != "" && want != got.Text {
			return fmt.Errorf("annotation %s: %w: its text %q does not match the document at [%d,%d) (%q)", a.ID, ErrInvalid, want, a.Start, a.End, got.Text)
		}
		rep.Annotations++
	}
	for _, r := range rels {
		if ok, err := exists(q, "relations", r.ID); err != nil {
			return err
		} else if ok {
			rep.SkippedRelations++
			continue
		}
		if id, ok := annotatorMap[r.AnnotatorID]; ok {
			r.AnnotatorID = id
		}
		if _, err := addRelation(q, r, false); err != nil {
			rep.SkippedRelations++
			rep.Notices = append(rep.Notices, fmt.Sprintf("link %s skipped: %v", r.ID, err))
			continue
		}
		rep.Relations++
	}
	for _, m := range memos {
		if ok, err := exists(q, "memos", m.ID); err != nil || ok {
			if err != nil {
				return err
			}
			continue
		}
		m.DocumentID = target
		if id, ok := annotatorMap[m.AnnotatorID]; ok {
			m.AnnotatorID = id
		}
		if err := insertMemo(q, m); err != nil {
			return err
		}
		rep.Memos++
	}
	return nil
}
