package sqlite

import (
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// document merges one document of the file with its items.
func (m *merger) document(q querier, d *storage.Document, g *items) error {
	if g == nil {
		g = &items{docID: d.ID}
	}
	target, fresh, ok, err := m.target(q, d, g)
	if err != nil || !ok {
		return err
	}
	return m.items(q, target, fresh, g)
}

// target finds or adds the project's document for d; fresh says it was
// added just now (nothing is on it yet). ok is false when d's items cannot
// be placed (they are then reported).
func (m *merger) target(q querier, d *storage.Document, g *items) (id string, fresh, ok bool, err error) {
	sha := d.SHA256
	if d.Text != "" {
		sha = textutil.SHA256(textutil.Normalize(d.Text))
	}
	old, err := getDocument(q, d.ID, false)
	switch {
	case err == nil && sha != "" && sha != old.SHA256:
		m.conflict(storage.Conflict{Kind: "document", ID: d.ID, What: fmt.Sprintf("%q", d.Title), Outcome: storage.KeptProject,
			Problem: fmt.Sprintf("the project holds another text under this id (%q)%s", old.Title, g.left())})
		m.rep.SkippedDocuments++
		m.skip(g)
		return "", false, false, nil
	case err == nil:
		if diff := documentDiff(d, &old); len(diff) > 0 {
			m.conflict(storage.Conflict{Kind: "document", ID: d.ID, What: fmt.Sprintf("%q", d.Title), Outcome: storage.KeptProject,
				Problem: "differs from the project's in " + strings.Join(diff, ", ")})
		}
		m.rep.ExistingDocuments++
		return d.ID, false, true, nil
	case !errors.Is(err, storage.ErrNotFound):
		return "", false, false, err
	case d.Text == "":
		m.notef("document %q has no text in the file: skipped with its %d annotations", d.Title, len(g.anns))
		m.rep.SkippedDocuments++
		m.skip(g)
		return "", false, false, nil
	}
	add := *d
	add.Variables = nil // set apart: a value its variable cannot take is left out, not the document
	got, err := addDocument(q, add)
	switch {
	case errors.Is(err, storage.ErrDuplicate):
		m.rep.Duplicates++
		if d.FileName == "" || got.FileName != d.FileName { // the same file again needs no word
			m.notef("%v", err)
		}
		return got.ID, false, true, nil
	case err != nil:
		return "", false, false, err
	}
	m.rep.Documents++
	if err := m.documentVariables(q, got, d.Variables); err != nil {
		return "", false, false, err
	}
	return got.ID, true, true, nil
}

// left says what of g is not imported with its document.
func (g *items) left() string {
	if g.empty() {
		return ""
	}
	return fmt.Sprintf("; its %d annotations, %d links and %d memos in the file are not imported", len(g.anns), len(g.rels), len(g.memos))
}

func (m *merger) skip(g *items) {
	m.rep.SkippedAnnotations += len(g.anns)
	m.rep.SkippedRelations += len(g.rels)
}

func documentDiff(file, proj *storage.Document) []string {
	var diff []string
	for _, f := range []struct{ name, got, was string }{
		{"title", file.Title, proj.Title}, {"outlet", file.Outlet, proj.Outlet}, {"byline", file.Byline, proj.Byline},
		{"publication date", file.Published, proj.Published}, {"URL", file.URL, proj.URL}, {"file name", file.FileName, proj.FileName},
		{"status", file.Status, proj.Status}, {"section", file.Section, proj.Section},
	} {
		if f.got != "" && f.got != f.was {
			diff = append(diff, f.name)
		}
	}
	if len(file.Variables) > 0 && !maps.Equal(file.Variables, proj.Variables) {
		diff = append(diff, "variables")
	}
	return diff
}

// items merges a document's annotations, links and memos into the
// project's document target; fresh says nothing is on it yet.
func (m *merger) items(q querier, target string, fresh bool, g *items) error {
	ids, err := m.annotations(q, target, fresh, g.anns)
	if err != nil {
		return err
	}
	if err := m.relations(q, target, fresh, g.rels, ids); err != nil {
		return err
	}
	return m.memos(q, target, fresh, g.memos)
}

// onDocument lists the items of a document with query, or nothing for a
// document added just now.
func onDocument[T any](q querier, fresh bool, query, target string, scan func(scanner) (T, error)) ([]T, error) {
	if fresh {
		return nil, nil
	}
	return queryAll(q, query, []any{target}, scan)
}

// annotations merges anns into the document target and returns what each
// file id became in the project (only for those that are there now).
func (m *merger) annotations(q querier, target string, fresh bool, anns []storage.Annotation) (map[string]string, error) {
	present, err := onDocument(q, fresh, "SELECT "+annotationCols+" FROM annotations a WHERE a.document_id = ? ORDER BY a.start, a.id", target, scanAnnotation)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*storage.Annotation, len(present))
	for i := range present {
		byID[present[i].ID] = &present[i]
	}
	// The file's annotations as they would be stored, matched by id first
	// (a project annotation matched so is not free for a match by content).
	file := make([]storage.Annotation, len(anns))
	match := make([]*storage.Annotation, len(anns))
	taken := map[string]bool{}
	for i, a := range anns {
		file[i] = m.local(a, target)
		if p, ok := byID[a.ID]; ok {
			match[i], taken[p.ID] = p, true
		} else if ok, err := exists(q, "annotations", a.ID); err != nil {
			return nil, err
		} else if ok {
			elsewhere, err := getAnnotation(q, a.ID)
			if err != nil {
				return nil, err
			}
			match[i] = &elsewhere
		}
	}
	free := map[string][]*storage.Annotation{}
	for i := range present {
		if p := &present[i]; !taken[p.ID] {
			free[annotationKey(p)] = append(free[annotationKey(p)], p)
		}
	}
	ids := make(map[string]string, len(anns))
	for i := range file {
		if match[i] == nil {
			if k := annotationKey(&file[i]); len(free[k]) > 0 {
				match[i], free[k] = free[k][0], free[k][1:]
			}
		}
		if match[i] != nil {
			ids[file[i].ID] = match[i].ID
		}
	}
	for i := range file {
		a := &file[i]
		rewriteRefs(a.Attrs, ids)
		if p := match[i]; p != nil {
			m.compareAnnotation(a, p)
			continue
		}
		got, err := m.p.prepareAnnotation(q, *a)
		if err == nil && a.Text != "" && a.Text != got.Text {
			err = fmt.Errorf("%w: its text %q does not match the document at [%d,%d) (%q)", storage.ErrInvalid, a.Text, a.Start, a.End, got.Text)
		}
		if err == nil {
			got, err = m.p.addAnnotation(q, got)
		}
		if err != nil {
			m.rep.SkippedAnnotations++
			m.notef("annotation %s skipped: %v", a.ID, err)
			continue
		}
		ids[a.ID] = got.ID
		m.rep.Annotations++
	}
	return ids, nil
}

// local is a as it would be stored on the document target: coder, codes
// and speaker as the project knows them.
func (m *merger) local(a storage.Annotation, target string) storage.Annotation {
	a.DocumentID = target
	a.AnnotatorID = mapped(m.coders, a.AnnotatorID)
	a.SpeakerID = mapped(m.speakers, a.SpeakerID)
	if len(a.Codes) > 0 {
		codes := make([]string, len(a.Codes))
		for i, c := range a.Codes {
			codes[i] = mapped(m.codes, c)
		}
		a.Codes = codes
	}
	if len(a.Ranges) == 1 {
		a.Ranges = nil
	}
	a.Attrs = maps.Clone(a.Attrs) // references in it are rewritten
	return a
}

// compareAnnotation reports a file annotation that matched a project one
// (by id or by content) but differs from it; an equal one is unchanged.
func (m *merger) compareAnnotation(file, proj *storage.Annotation) {
	diff := annotationDiff(file, proj)
	if len(diff) == 0 {
		m.rep.UnchangedAnnotations++
		return
	}
	c := storage.Conflict{Kind: "annotation", ID: file.ID, What: describeAnnotation(file), Outcome: storage.KeptProject,
		Problem: "differs from the project's in " + strings.Join(diff, ", ")}
	if proj.ID != file.ID {
		c.ProjectID = proj.ID
		c.Problem = fmt.Sprintf("matches the project's annotation %s but differs from it in %s", proj.ID, strings.Join(diff, ", "))
	}
	m.conflict(c)
	m.rep.SkippedAnnotations++
}

// relations merges links into the document target, their ends moved to
// what the file's annotations became.
func (m *merger) relations(q querier, target string, fresh bool, rels []storage.Relation, ids map[string]string) error {
	if len(rels) == 0 {
		return nil
	}
	present, err := onDocument(q, fresh, "SELECT "+relationCols+" FROM relations r JOIN annotations a ON a.id = r.source_id WHERE a.document_id = ?", target, scanRelation)
	if err != nil {
		return err
	}
	byID := make(map[string]*storage.Relation, len(present))
	byKey := make(map[string]bool, len(present))
	for i := range present {
		byID[present[i].ID] = &present[i]
		byKey[relationKey(&present[i])] = true
	}
	for _, r := range rels {
		r.SourceID, r.TargetID = mapped(ids, r.SourceID), mapped(ids, r.TargetID)
		r.TargetSpeakerID = mapped(m.speakers, r.TargetSpeakerID)
		r.AnnotatorID = mapped(m.coders, r.AnnotatorID)
		old, ok := byID[r.ID]
		if !ok {
			if other, err := m.elsewhere(q, "relations", "relation", r.ID, string(r.Type)); err != nil {
				return err
			} else if other {
				m.rep.SkippedRelations++
				continue
			}
		}
		switch {
		case ok && relationKey(old) != relationKey(&r):
			m.conflict(storage.Conflict{Kind: "relation", ID: r.ID, What: string(r.Type), Outcome: storage.KeptProject,
				Problem: fmt.Sprintf("the project's link with this id is a %s from %s to %s", old.Type, old.SourceID, old.TargetID+old.TargetSpeakerID)})
			m.rep.SkippedRelations++
		case ok || byKey[relationKey(&r)]:
			m.rep.UnchangedRelations++
		default:
			if _, err := addRelation(q, r, false); err != nil {
				m.rep.SkippedRelations++
				m.notef("link %s skipped: %v", r.ID, err)
				continue
			}
			byKey[relationKey(&r)] = true
			m.rep.Relations++
		}
	}
	return nil
}

// memos merges memos into the document target.
func (m *merger) memos(q querier, target string, fresh bool, memos []storage.Memo) error {
	if len(memos) == 0 {
		return nil
	}
	present, err := onDocument(q, fresh, memoQuery+" WHERE m.document_id = ?", target, scanMemo)
	if err != nil {
		return err
	}
	byID := make(map[string]storage.Memo, len(present))
	byKey := make(map[[2]string]bool, len(present))
	for _, x := range present {
		byID[x.ID] = x
		byKey[[2]string{x.AnnotatorID, x.Text}] = true
	}
	for _, x := range memos {
		x.DocumentID = target
		x.AnnotatorID = mapped(m.coders, x.AnnotatorID)
		old, ok := byID[x.ID]
		if !ok {
			if other, err := m.elsewhere(q, "memos", "memo", x.ID, excerpt(x.Text)); err != nil {
				return err
			} else if other {
				continue
			}
		}
		switch {
		case ok && (old.Text != x.Text || old.AnnotatorID != x.AnnotatorID):
			m.conflict(storage.Conflict{Kind: "memo", ID: x.ID, What: excerpt(x.Text), Problem: "the project's memo with this id says " + fmt.Sprintf("%q", excerpt(old.Text)), Outcome: storage.KeptProject})
		case ok || byKey[[2]string{x.AnnotatorID, x.Text}]:
			m.rep.UnchangedMemos++
		default:
			if err := insertMemo(q, x); err != nil {
				return err
			}
			byKey[[2]string{x.AnnotatorID, x.Text}] = true
			m.rep.Memos++
		}
	}
	return nil
}

// elsewhere reports whether the project holds an item with this id (not on
// the document being merged, whose items were looked up already); such an
// item is a conflict.
func (m *merger) elsewhere(q querier, table, kind, id, what string) (bool, error) {
	ok, err := exists(q, table, id)
	if err != nil || !ok {
		return false, err
	}
	m.conflict(storage.Conflict{Kind: kind, ID: id, What: what, Problem: "the project has a " + kind + " with this id on another document", Outcome: storage.KeptProject})
	return true, nil
}
