package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// repaired runs Repair on path into the same folder and opens the result
// with Open, which must accept it, and checks it is sound.
func repaired(t *testing.T, path string) (*Project, RepairReport) {
	t.Helper()
	dst := RepairedPath(path)
	rep, err := Repair(bg, path, dst)
	if err != nil {
		t.Fatalf("repair: %v", err)
	}
	p, err := Open(dst, OpenOptions{})
	if err != nil {
		t.Fatalf("the repaired project does not open: %v\n%s", err, rep)
	}
	t.Cleanup(func() { p.Close() })
	verifySound(t, p)
	return p, rep
}

// withoutTables drops the dump lines of the named tables.
func withoutTables(lines []string, tables []string) []string {
	var out []string
	for _, l := range lines {
		name, _, _ := strings.Cut(l, ":")
		if !contains(tables, name) {
			out = append(out, l)
		}
	}
	return out
}

// TestRepairChangedSchema repairs every kind of changed structure: the
// repaired project opens, passes Check, and holds every row of the
// original but those the change took away; the damaged file is not
// touched.
func TestRepairChangedSchema(t *testing.T) {
	for _, c := range schemaDamages {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := richProject(t, dir)
			orig, err := Open(path, OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			want := dump(t, orig)
			orig.Close()
			rawExec(t, path, c.stmts...)
			damaged, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, rep := repaired(t, path)
			if after, _ := os.ReadFile(path); string(after) != string(damaged) {
				t.Error("repair changed the damaged project")
			}
			if len(rep.Differences) == 0 {
				t.Errorf("the report names no difference:\n%s", rep)
			}
			got := dump(t, p)
			if d := diffLines(withoutTables(want, c.lost), withoutTables(got, c.lost), 8); d != "" {
				t.Errorf("the repaired project differs from the original:\n%s\nreport:\n%s", d, rep)
			}
			if d := p.SchemaDifferences(); len(d) > 0 {
				t.Errorf("the repaired project's structure differs: %v", d)
			}
		})
	}
}

// TestRepairReportsLosses repairs a dropped table and a renamed column and
// reads the report: the missing table and column are named, and every
// other table says how many rows came through.
func TestRepairReportsLosses(t *testing.T) {
	path := richProject(t, t.TempDir())
	rawExec(t, path, "DROP TABLE relations", "ALTER TABLE annotations RENAME COLUMN note TO remark")
	p, rep := repaired(t, path)
	text := rep.String()
	for _, w := range []string{"table relations is missing", "relations          table missing: nothing to recover",
		"annotations        4 of 4", "missing columns, filled with defaults: note", "speakers           1 of 1",
		"documents          2 of 2", "memos              1 of 1", "annotation_codes   2 of 2"} {
		if !strings.Contains(text, w) {
			t.Errorf("the report does not say %q:\n%s", w, text)
		}
	}
	if rep.Complete() {
		t.Error("a repair that lost a table reports everything recovered")
	}
	anns, err := p.Annotations(bg, storage.Filter{})
	if err != nil || len(anns) != 4 || anns[0].Note != "" {
		t.Fatalf("annotations after the repair: %d, %v", len(anns), err)
	}
	if rels, _ := p.Relations(bg, ""); len(rels) != 0 {
		t.Errorf("%d relations recovered from a dropped table", len(rels))
	}
}

// TestRepairDropsInvalidRows writes rows Saywho would never insert
// straight into a project (through a connection without its triggers and
// foreign keys) and repairs it: each such row is dropped with its reason,
// rows that referred to a dropped row follow it, references that may be
// empty are cleared, and the rest is kept.
func TestRepairDropsInvalidRows(t *testing.T) {
	path := richProject(t, t.TempDir())
	rawExec(t, path,
		// The immutability trigger dropped and a document's text edited:
		// the annotations after the edit no longer match.
		"DROP TRIGGER documents_text_immutable",
		"UPDATE documents SET text = replace(text, 'Zoë', 'Zoe') WHERE title = 'Harbour'",
		// A span beyond the text, a link of a pair no type allows, a
		// nameless speaker, a memo on a document that is not there.
		`INSERT INTO annotations(id, document_id, kind, start, end, text, annotator_id, created, modified)
			SELECT 'beyond', document_id, 'quote', 9000, 9010, 'x', annotator_id, created, modified FROM annotations LIMIT 1`,
		`INSERT INTO relations(id, type, source_id, target_annotation_id, annotator_id, created)
			SELECT 'wrong-pair', 'cue_of', a.id, a.id, a.annotator_id, a.created FROM annotations a WHERE a.kind = 'claim'`,
		`INSERT INTO speakers(id, name, created, modified) VALUES ('nameless', '  ', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
		`UPDATE annotations SET speaker_id = 'gone' WHERE kind = 'quote'`,
		`INSERT INTO memos(id, document_id, annotator_id, text, created, modified)
			SELECT 'orphan', 'no-such-document', annotator_id, 'lost', created, modified FROM memos`,
	)
	p, rep := repaired(t, path)
	text := rep.String()
	for _, w := range []string{
		"its text no longer matched its SHA-256",
		"its text no longer matches the document at its offsets",
		"outside the text", // the span beyond it
		"cue_of must start at a cue",
		"a name is needed",
		"speaker_id cleared in 1 row(s)",
		"it refers to a documents row that was lost (document_id)",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the report does not say %q:\n%s", w, text)
		}
	}
	anns, _ := p.Annotations(bg, storage.Filter{})
	for _, a := range anns {
		if a.ID == "beyond" {
			t.Error("an annotation beyond its text was kept")
		}
		if a.Kind == storage.KindQuote && a.SpeakerID != "" {
			t.Error("a quote kept its reference to a missing speaker")
		}
	}
	if memos, _ := p.Memos(bg, ""); len(memos) != 1 {
		t.Errorf("%d memos, want the one on a document that exists", len(memos))
	}
}

// bigProject writes a closed project with one long document and n
// annotations on it, and returns its path and the leaf pages of the
// annotations table.
func bigProject(t *testing.T, dir string, n int) (string, []int64) {
	t.Helper()
	path := filepath.Join(dir, "big.saywho")
	p, err := Create(path, "Big")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	text := strings.Repeat("The mayor said the harbour will reopen. ", 100)
	d, err := p.AddDocument(bg, storage.Document{Title: "Long", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	who, _ := p.EnsureAnnotator(bg, "coder")
	err = p.write(bg, "Add annotations", func(q querier) error {
		for i := range n {
			start := (i * 6) % (len(text) - 20)
			if _, err := p.addAnnotation(q, storage.Annotation{DocumentID: d.ID, Kind: storage.KindClaim, Start: start, End: start + 12, AnnotatorID: who.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var pages []int64
	rows, err := p.DB().Query("SELECT pageno FROM dbstat WHERE name = 'annotations' AND pagetype = 'leaf' ORDER BY pageno")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var pg int64
		rows.Scan(&pg)
		pages = append(pages, pg)
	}
	rows.Close()
	if len(pages) < 5 {
		t.Fatalf("only %d leaf pages of annotations", len(pages))
	}
	return path, pages
}

// TestRepairDamagedPages overwrites a page in the middle of the
// annotations table: Open refuses the file as damaged, and Repair recovers
// the rows before and after the damaged page.
func TestRepairDamagedPages(t *testing.T) {
	const n = 600
	path, pages := bigProject(t, t.TempDir(), n)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad", 2048)), (pages[len(pages)/2]-1)*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if p, err := Open(path, OpenOptions{}); !errors.Is(err, storage.ErrCorrupt) {
		if err == nil {
			p.Close()
		}
		t.Fatalf("open a damaged project: %v, want ErrCorrupt", err)
	}
	damaged, _ := os.ReadFile(path)
	r, rep := repaired(t, path)
	if after, _ := os.ReadFile(path); string(after) != string(damaged) {
		t.Error("repair changed the damaged project")
	}
	var anns TableRepair
	for _, tr := range rep.Tables {
		if tr.Name == "annotations" {
			anns = tr
		}
	}
	if anns.Damage == "" || !strings.Contains(anns.Damage, "backwards") {
		t.Errorf("the report says nothing of the damaged page: %+v", anns)
	}
	got, err := r.Annotations(bg, storage.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < n/2 || len(got) >= n {
		t.Fatalf("%d of %d annotations recovered; want most, not all", len(got), n)
	}
	t.Logf("recovered %d of %d annotations around a damaged page: %s", len(got), n, anns.Damage)
}

// TestRepairTruncated cuts the last pages off a project, as a copy
// interrupted or a full disk might: Repair reads what is left.
func TestRepairTruncated(t *testing.T) {
	const n = 600
	path, _ := bigProject(t, t.TempDir(), n)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, st.Size()-3*4096); err != nil {
		t.Fatal(err)
	}
	if p, err := Open(path, OpenOptions{}); !errors.Is(err, storage.ErrCorrupt) {
		if err == nil {
			p.Close()
		}
		t.Fatalf("open a truncated project: %v, want ErrCorrupt", err)
	}
	r, rep := repaired(t, path)
	docs, err := r.Documents(bg)
	if err != nil || len(docs) != 1 {
		t.Fatalf("%d documents recovered (%v), want the one\n%s", len(docs), err, rep)
	}
	t.Logf("from a project cut short:\n%s", rep)
}

// TestRepairMalformedSchema repairs a project into whose table of
// contents another program wrote a trigger SQLite cannot parse: Open
// refuses it as damaged, Repair reads past it and leaves it behind.
func TestRepairMalformedSchema(t *testing.T) {
	path := richProject(t, t.TempDir())
	rawExec(t, path, "PRAGMA writable_schema = ON",
		"INSERT INTO sqlite_schema(type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'bad', 'documents', 0, 'CREATE TRIGGER bad AFTER INSERT ON documents BEGIN garbage; END')")
	if p, err := Open(path, OpenOptions{}); !errors.Is(err, storage.ErrCorrupt) {
		if err == nil {
			p.Close()
		}
		t.Fatalf("open: %v, want ErrCorrupt", err)
	}
	p, rep := repaired(t, path)
	if !strings.Contains(rep.String(), "trigger bad was added") {
		t.Errorf("the report does not name the trigger:\n%s", rep)
	}
	if anns, _ := p.Annotations(bg, storage.Filter{}); len(anns) != 4 {
		t.Errorf("%d annotations recovered, want 4", len(anns))
	}
}

// TestRepairRefuses: what is not a Saywho project, a project of a newer
// Saywho, and a destination that exists are refused, and nothing is
// written.
func TestRepairRefuses(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.saywho")
	os.WriteFile(text, []byte("just some notes\n"), 0o644)
	newer := richProject(t, t.TempDir())
	rawExec(t, newer, "PRAGMA user_version = 99")
	good := richProject(t, t.TempDir())
	taken := filepath.Join(dir, "taken.saywho")
	os.WriteFile(taken, []byte("mine"), 0o644)
	for _, c := range []struct {
		name, src, dst string
		want           error
	}{
		{"text file", text, filepath.Join(dir, "a.saywho"), storage.ErrNotProject},
		{"newer project", newer, filepath.Join(dir, "b.saywho"), storage.ErrNewerVersion},
		{"destination exists", good, taken, storage.ErrExists},
		{"onto itself", good, good, storage.ErrExists},
	} {
		before := folderState(t, dir)
		if _, err := Repair(bg, c.src, c.dst); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		sameFolder(t, c.name, before, folderState(t, dir))
	}
}

// TestRepairCancelled stops a repair at once: nothing is left behind.
func TestRepairCancelled(t *testing.T) {
	dir := t.TempDir()
	path := richProject(t, dir)
	before := folderState(t, dir)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if _, err := Repair(ctx, path, RepairedPath(path)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled repair: %v", err)
	}
	sameFolder(t, "after a cancelled repair", before, folderState(t, dir))
}

func TestRepairedPath(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "Election study.saywho")
	if got := RepairedPath(src); got != filepath.Join(dir, "Election study (repaired).saywho") {
		t.Errorf("first name %q", got)
	}
	os.WriteFile(filepath.Join(dir, "Election study (repaired).saywho"), nil, 0o644)
	if got := RepairedPath(src); got != filepath.Join(dir, "Election study (repaired 2).saywho") {
		t.Errorf("second name %q", got)
	}
}

// A project too large for a quick check at every open (here: the limit
// lowered) opens without reading every page; a damaged page then shows at
// the first read that meets it, as ErrCorrupt, and the file is left as it
// was. After a session that did not end cleanly, the check runs whatever
// the size.
func TestLargeDamagedProjectShowsAtFirstRead(t *testing.T) {
	const n = 600
	path, pages := bigProject(t, t.TempDir(), n)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad", 2048)), (pages[len(pages)/2]-1)*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	damaged, _ := os.ReadFile(path)
	defer func(old int64) { quickCheckUpTo = old }(quickCheckUpTo)
	quickCheckUpTo = 0
	p, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("a large project is checked page by page at every open: %v", err)
	}
	_, err = p.Annotations(bg, storage.Filter{})
	p.Close()
	if !errors.Is(err, storage.ErrCorrupt) || !strings.Contains(err.Error(), "saywho repair") {
		t.Fatalf("reading the damaged page: %v, want ErrCorrupt naming repair", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(damaged) {
		t.Fatal("reading changed the damaged project")
	}
	if err := os.WriteFile(path+"-wal", []byte("left by a crash"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, OpenOptions{ReadOnly: true}); !errors.Is(err, storage.ErrCorrupt) {
		t.Fatalf("after an unclean shutdown the open checks: %v, want ErrCorrupt", err)
	}
}
