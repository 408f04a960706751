package storage

import (
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage/textutil"
)

// Stats counts what a project holds.
type Stats struct {
	Documents   int            `json:"documents"`
	Annotations int            `json:"annotations"`
	ByKind      map[string]int `json:"annotations_by_kind"`
	ByAnnotator map[string]int `json:"annotations_by_annotator"`
	Relations   int            `json:"relations"`
	Speakers    int            `json:"speakers"`
	Codes       int            `json:"codes"`
	Annotators  int            `json:"annotators"`
	Memos       int            `json:"memos"`
}

// Stats counts documents, annotations by kind and coder, relations,
// speakers, codes and coders.
func (p *Project) Stats() (Stats, error) {
	s := Stats{ByKind: map[string]int{}, ByAnnotator: map[string]int{}}
	for _, k := range Kinds {
		s.ByKind[string(k)] = 0
	}
	for table, dst := range map[string]*int{"documents": &s.Documents, "annotations": &s.Annotations, "relations": &s.Relations,
		"speakers": &s.Speakers, "codes": &s.Codes, "annotators": &s.Annotators, "memos": &s.Memos} {
		if err := p.db.QueryRow("SELECT count(*) FROM " + table).Scan(dst); err != nil {
			return s, err
		}
	}
	if err := countInto(p, "SELECT kind, count(*) FROM annotations GROUP BY kind", s.ByKind); err != nil {
		return s, err
	}
	err := countInto(p, "SELECT n.name, count(*) FROM annotations a JOIN annotators n ON n.id = a.annotator_id GROUP BY n.name", s.ByAnnotator)
	return s, err
}

func countInto(p *Project, q string, m map[string]int) error {
	rows, err := p.db.Query(q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		m[k] = n
	}
	return rows.Err()
}

// Check runs SQLite's full integrity and foreign-key checks and verifies
// that every annotation's text matches its document. It returns the
// problems found (none means the project is sound).
func (p *Project) Check() ([]string, error) {
	var problems []string
	rows, err := p.db.Query("PRAGMA integrity_check")
	if err != nil {
		return nil, classify(p.path, err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		if s != "ok" && !strings.HasPrefix(s, "*** in database") {
			problems = append(problems, "integrity: "+s)
		}
	}
	rows.Close()
	rows, err = p.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("foreign key: a row of %s (rowid %v) points to a missing %s", table, rowid, parent))
	}
	rows.Close()
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		full, err := getDocument(p.db, d.ID, true) // the stored text, not the cached one
		if err != nil {
			return nil, err
		}
		ix := textutil.NewIndex(full.Text)
		if textutil.SHA256(full.Text) != d.SHA256 || ix.Len() != d.Length {
			problems = append(problems, fmt.Sprintf("document %q: its text no longer matches its SHA-256 or length", d.Title))
		}
		anns, err := p.Annotations(Filter{DocumentID: d.ID})
		if err != nil {
			return nil, err
		}
		for _, a := range anns {
			if ix.Check(a.Start, a.End) != nil || ix.Slice(a.Start, a.End) != a.Text {
				problems = append(problems, fmt.Sprintf("annotation %s in %q: its text no longer matches [%d,%d)", a.ID, d.Title, a.Start, a.End))
			}
		}
	}
	return problems, nil
}
