package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Check reports how the project's structure differs from Saywho's (for a
// project opened with OpenForCheck), runs SQLite's full integrity and
// foreign-key checks, and verifies every document's text against its
// SHA-256 and length and every annotation's text against its offsets. It
// returns the problems found (none means the project is sound). On a
// project whose structure differs, a check that cannot run is reported as
// a problem rather than an error.
func (p *Project) Check(ctx context.Context) ([]string, error) {
	var problems []string
	for _, d := range p.schemaDiffs {
		problems = append(problems, "structure: "+d.String())
	}
	for _, c := range []struct {
		name   string
		tables []string // the tables it reads; skipped when one was changed
		run    func() ([]string, error)
	}{
		{"integrity", nil, p.checkIntegrity},
		{"foreign keys", nil, p.checkForeignKeys},
		{"texts", []string{"documents", "annotations", "annotators", "annotation_codes"}, p.checkTexts},
		{"counts", []string{"documents", "annotations", "document_counts"}, p.checkCounts},
	} {
		if !p.tablesIntact(c.tables) {
			problems = append(problems, c.name+": not checked, as a table it reads is missing or was changed")
			continue
		}
		found, err := c.run()
		if err != nil {
			if len(p.schemaDiffs) == 0 {
				return nil, err
			}
			problems = append(problems, fmt.Sprintf("%s: could not be checked: %v", c.name, err))
			continue
		}
		problems = append(problems, found...)
	}
	return problems, nil
}

// SchemaDifferences lists how the structure of a project opened with
// OpenForCheck differs from Saywho's, one sentence each; it is empty for a
// sound project (and for every project Open accepts).
func (p *Project) SchemaDifferences() []string {
	var out []string
	for _, d := range p.schemaDiffs {
		out = append(out, d.String())
	}
	return out
}

// tablesIntact reports whether none of the tables is missing or changed.
func (p *Project) tablesIntact(tables []string) bool {
	for _, d := range p.schemaDiffs {
		if d.typ != "table" || d.change == "added" {
			continue
		}
		for _, t := range tables {
			if strings.EqualFold(d.name, t) {
				return false
			}
		}
	}
	return true
}

// checkIntegrity runs SQLite's integrity_check.
func (p *Project) checkIntegrity() ([]string, error) {
	var problems []string
	rows, err := p.db.Query("PRAGMA integrity_check")
	if err != nil {
		return nil, classify(p.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		if s != "ok" && !strings.HasPrefix(s, "*** in database") {
			problems = append(problems, "integrity: "+s)
		}
	}
	return problems, rows.Err()
}

// checkForeignKeys runs SQLite's foreign_key_check.
func (p *Project) checkForeignKeys() ([]string, error) {
	var problems []string
	rows, err := p.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("foreign key: a row of %s (rowid %v) points to a missing %s", table, rowid, parent))
	}
	return problems, rows.Err()
}

// checkTexts verifies every document's text against its SHA-256 and
// length, and every annotation's text against its offsets, one document at
// a time.
func (p *Project) checkTexts() ([]string, error) {
	var problems []string
	opts := storage.StreamOptions{SnapshotOptions: storage.SnapshotOptions{IncludeSuggestions: true}, NoRelations: true, NoMemos: true, NoVariables: true}
	err := p.EachDocument(bg, opts, func(d *storage.DocumentData) error {
		ix := textutil.NewIndex(d.Text)
		if textutil.SHA256(d.Text) != d.SHA256 || ix.Len() != d.Length {
			problems = append(problems, fmt.Sprintf("document %q: its text no longer matches its SHA-256 or length", d.Title))
		}
		for _, a := range d.Annotations {
			if ix.Check(a.Start, a.End) != nil || ix.Slice(a.Start, a.End) != a.Text {
				problems = append(problems, fmt.Sprintf("annotation %s in %q: its text no longer matches [%d,%d)", a.ID, d.Title, a.Start, a.End))
			}
		}
		return nil
	})
	return problems, err
}

// checkCounts verifies the annotation counts the triggers keep.
func (p *Project) checkCounts() ([]string, error) {
	if p.version < countsVersion {
		return nil, nil
	}
	return queryAll(p.db, `SELECT d.title, coalesce(c.annotations, -1), (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS n
		FROM documents d LEFT JOIN document_counts c ON c.document_id = d.id WHERE coalesce(c.annotations, -1) <> n`, nil,
		func(r scanner) (string, error) {
			var title string
			var kept, n int
			err := r.Scan(&title, &kept, &n)
			return fmt.Sprintf("document %q: its annotation count is kept as %d but it has %d (`saywho repair` counts afresh)", title, kept, n), err
		})
}
