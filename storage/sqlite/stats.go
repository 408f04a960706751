package sqlite

import (
	"context"

	"github.com/saywho-app/saywho/storage"
)

// Stats counts documents, annotations by kind and coder, relations,
// speakers, codes, coders and sets with their sizes.
func (p *Project) Stats(ctx context.Context) (storage.Stats, error) {
	s := storage.Stats{ByKind: map[string]int{}, ByAnnotator: map[string]int{}, BySet: map[string]int{}}
	for _, k := range storage.Kinds {
		s.ByKind[string(k)] = 0
	}
	tables := map[string]*int{"documents": &s.Documents, "annotations": &s.Annotations, "relations": &s.Relations,
		"speakers": &s.Speakers, "codes": &s.Codes, "annotators": &s.Annotators, "memos": &s.Memos, "sets": &s.Sets}
	if p.version < setsVersion {
		delete(tables, "sets") // a project checked before its upgrade has no sets yet
	}
	for table, dst := range tables {
		if err := p.db.QueryRow("SELECT count(*) FROM " + table).Scan(dst); err != nil {
			return s, schemaChanged(err)
		}
	}
	if err := countInto(p, "SELECT kind, count(*) FROM annotations GROUP BY kind", s.ByKind); err != nil {
		return s, err
	}
	if err := countInto(p, "SELECT n.name, count(*) FROM annotations a JOIN annotators n ON n.id = a.annotator_id GROUP BY n.name", s.ByAnnotator); err != nil {
		return s, err
	}
	if p.version < setsVersion {
		return s, nil
	}
	err := countInto(p, "SELECT s.name, count(m.document_id) FROM sets s LEFT JOIN set_documents m ON m.set_id = s.id GROUP BY s.id", s.BySet)
	return s, err
}

func countInto(p *Project, q string, m map[string]int) error {
	rows, err := p.db.Query(q)
	if err != nil {
		return schemaChanged(err)
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
