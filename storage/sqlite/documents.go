package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// AddDocument stores a new document. Its text is normalised (NFC, "\n")
// and hashed here; Imported, Status and an id are filled in when empty.
// A document whose text is already present is not stored again: the
// existing document is returned with an error wrapping ErrDuplicate.
func (p *Project) AddDocument(ctx context.Context, d storage.Document) (storage.Document, error) {
	var out storage.Document
	err := p.write(ctx, "Import document", func(q querier) error {
		var err error
		out, err = addDocument(q, d)
		return err
	})
	return out, err
}

// prepareDocument validates and completes d.
func prepareDocument(d storage.Document) (storage.Document, error) {
	if !utf8.ValidString(d.Text) {
		return d, fmt.Errorf("document %q: %w: text is not valid UTF-8", d.Title, storage.ErrInvalid)
	}
	d.Text = textutil.Normalize(d.Text)
	if strings.TrimSpace(d.Text) == "" {
		return d, fmt.Errorf("document %q: %w: no text", d.Title, storage.ErrInvalid)
	}
	d.SHA256 = textutil.SHA256(d.Text)
	d.Length = utf8.RuneCountInString(d.Text)
	if d.ID == "" {
		d.ID = storage.NewID()
	}
	if d.Imported.IsZero() {
		d.Imported = now()
	}
	if d.Status == "" {
		d.Status = storage.StatusNew
	}
	if !validStatus(d.Status) {
		return d, fmt.Errorf("document status %q: %w", d.Status, storage.ErrInvalid)
	}
	if strings.TrimSpace(d.Title) == "" {
		d.Title = firstLine(d.Text)
	}
	return d, nil
}

func validStatus(s string) bool {
	return s == storage.StatusNew || s == storage.StatusInProgress || s == storage.StatusDone
}

// firstLine returns the first non-empty line of text, shortened.
func firstLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if r := []rune(l); len(r) > 120 {
				return string(r[:120]) + "…"
			}
			return l
		}
	}
	return "Untitled"
}

func addDocument(q querier, d storage.Document) (storage.Document, error) {
	d, err := prepareDocument(d)
	if err != nil {
		return d, err
	}
	var existing string
	err = q.QueryRowContext(bg, "SELECT id FROM documents WHERE sha256 = ?", d.SHA256).Scan(&existing)
	if err == nil {
		old, _ := getDocument(q, existing, false)
		return old, fmt.Errorf("%q: %w (as %q)", d.Title, storage.ErrDuplicate, old.Title)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return d, err
	}
	_, err = q.ExecContext(bg, `INSERT INTO documents(id, title, outlet, byline, published, section, url, file_name, format, imported, status, sha256, length, text)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		d.ID, d.Title, d.Outlet, d.Byline, d.Published, d.Section, d.URL, d.FileName, d.Format, fmtTime(d.Imported), d.Status, d.SHA256, d.Length, d.Text)
	if isUnique(err) {
		return d, fmt.Errorf("document id %s: %w", d.ID, storage.ErrExists)
	}
	if err != nil {
		return d, err
	}
	d.Variables, err = setVariables(q, d.ID, d.Title, d.Variables)
	return d, err
}

// documentCols lists a document's columns (alias d) in scanDocument's
// order, without its text and variables.
const documentCols = "d.id, d.title, d.outlet, d.byline, d.published, d.section, d.url, d.file_name, d.format, d.imported, d.status, d.sha256, d.length"

// documentVars reads a document's (alias d) variable values as one JSON
// object by variable name.
const documentVars = `(SELECT json_group_object(v.name, dv.value) FROM document_variables dv JOIN variables v ON v.id = dv.variable_id WHERE dv.document_id = d.id)`

// docFields says which optional parts of a document a query reads.
type docFields struct{ text, vars bool }

// cols returns the select list of a document query on a project of that
// schema version (an older one, opened by OpenForCheck, has no sections
// or variables: they read as empty).
func (f docFields) cols(version int) string {
	cols := documentCols
	old := version < attributesVersion
	if old {
		cols = strings.Replace(cols, "d.section", "''", 1)
	}
	if f.text {
		cols += ", d.text"
	}
	switch {
	case f.vars && old:
		cols += ", NULL"
	case f.vars:
		cols += ", " + documentVars
	}
	return cols
}

// scanDocument reads a document selected with f's columns, then extra.
func scanDocument(r scanner, f docFields, extra ...any) (storage.Document, error) {
	var d storage.Document
	var imported string
	var vars sql.NullString
	dest := []any{&d.ID, &d.Title, &d.Outlet, &d.Byline, &d.Published, &d.Section, &d.URL, &d.FileName, &d.Format, &imported, &d.Status, &d.SHA256, &d.Length}
	if f.text {
		dest = append(dest, &d.Text)
	}
	if f.vars {
		dest = append(dest, &vars)
	}
	err := r.Scan(append(dest, extra...)...)
	d.Imported = parseTime(imported)
	if err == nil && vars.Valid && vars.String != "{}" {
		if jerr := json.Unmarshal([]byte(vars.String), &d.Variables); jerr != nil {
			err = storedField("document", d.ID, "variables", jerr)
		}
	}
	return d, err
}

func getDocument(q querier, id string, withText bool) (storage.Document, error) {
	f := docFields{text: withText, vars: true}
	d, err := scanDocument(q.QueryRowContext(bg, "SELECT "+f.cols(SchemaVersion)+" FROM documents d WHERE d.id = ?", id), f)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, storage.ErrNotFound)
	}
	return d, schemaChanged(err)
}

// Document returns one document with its text.
func (p *Project) Document(ctx context.Context, id string) (storage.Document, error) {
	return getDocument(p.db, id, true)
}

// DocumentByHash returns the document, without its text, whose text has
// this SHA-256 (hex of the stored, normalised text), or ErrNotFound.
func (p *Project) DocumentByHash(ctx context.Context, sha256 string) (storage.Document, error) {
	d, err := scanDocument(p.db.QueryRow("SELECT "+documentCols+" FROM documents d WHERE d.sha256 = ?", sha256), docFields{})
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document with hash %s: %w", sha256, storage.ErrNotFound)
	}
	return d, err
}

// Documents lists all documents, without text, in import order, with their
// annotation counts.
func (p *Project) Documents(ctx context.Context) ([]storage.DocumentSummary, error) {
	return p.summaries(ctx, "", nil)
}

// DocumentSummaries lists the documents with the given ids, as Documents
// does.
func (p *Project) DocumentSummaries(ctx context.Context, ids []string) ([]storage.DocumentSummary, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, _ := json.Marshal(ids)
	return p.summaries(ctx, " WHERE d.id IN (SELECT value FROM json_each(?))", []any{string(list)})
}

// summaries reads document summaries (the count comes from
// document_counts, kept by triggers).
func (p *Project) summaries(ctx context.Context, where string, args []any) ([]storage.DocumentSummary, error) {
	q := "SELECT " + documentCols + `, coalesce(c.annotations, 0)
		FROM documents d LEFT JOIN document_counts c ON c.document_id = d.id` + where + " ORDER BY d.seq"
	return queryAll(p.db, q, args, func(r scanner) (storage.DocumentSummary, error) {
		var s storage.DocumentSummary
		var err error
		s.Document, err = scanDocument(r, docFields{}, &s.Annotations)
		return s, err
	})
}

// UpdateDocumentMeta changes a document's metadata (title, outlet, byline,
// published, section, URL, status); its variables are set with
// SetDocumentVariables. Its text never changes.
func (p *Project) UpdateDocumentMeta(ctx context.Context, d storage.Document) error {
	if !validStatus(d.Status) {
		return fmt.Errorf("document status %q: %w", d.Status, storage.ErrInvalid)
	}
	return p.write(ctx, "Edit document details", func(q querier) error {
		res, err := q.ExecContext(bg, `UPDATE documents SET title=?, outlet=?, byline=?, published=?, section=?, url=?, status=? WHERE id=?`,
			d.Title, d.Outlet, d.Byline, d.Published, d.Section, d.URL, d.Status, d.ID)
		return mustAffect(res, err, "document", d.ID)
	})
}

// DeleteDocument removes a document with its annotations and memos.
func (p *Project) DeleteDocument(ctx context.Context, id string) error {
	return p.write(ctx, "Delete document", func(q querier) error {
		res, err := q.ExecContext(bg, "DELETE FROM documents WHERE id = ?", id)
		return mustAffect(res, err, "document", id)
	})
}

func mustAffect(res sql.Result, err error, what, id string) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s %s: %w", what, id, storage.ErrNotFound)
	}
	return nil
}

// maxCachedTexts bounds the offset indexes kept in memory.
const maxCachedTexts = 16

// textIndex returns the cached offset index of a document's text.
func (p *Project) textIndex(q querier, docID string) (*textutil.Index, error) {
	p.textMu.Lock()
	ix := p.texts[docID]
	p.textMu.Unlock()
	if ix != nil {
		return ix, nil
	}
	var text string
	err := q.QueryRowContext(bg, "SELECT text FROM documents WHERE id = ?", docID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %s: %w", docID, storage.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	ix = textutil.NewIndex(text)
	p.textMu.Lock()
	if len(p.texts) >= maxCachedTexts {
		clear(p.texts) // about 20 bytes a code point each: keep the cache small
	}
	p.texts[docID] = ix
	p.textMu.Unlock()
	return ix, nil
}
