package sqlite

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// richProject writes a closed project holding a row of every kind: two
// documents, annotations of every kind with codes (one a sub-code), a
// registry speaker, every relation type, a note and a memo. It returns the
// project's path.
func richProject(t testing.TB, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "study.saywho")
	p, err := Create(path, "Harbour study")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d, err := p.AddDocument(bg, storage.Document{Title: "Harbour", Outlet: "Gazette", Section: "Politics", Published: "2025-03-04", Text: unicodeText,
		Variables: map[string]string{"page": "A3"}})
	must(err)
	_, err = p.AddVariable(bg, storage.Variable{Name: "circulation", Type: storage.VarNumber})
	must(err)
	must(p.SetDocumentVariables(bg, d.ID, map[string]string{"circulation": "12000"}))
	must(p.SetVocabulary(bg, storage.Vocabulary{Attribute: storage.SpeakerGender, Values: []string{"woman", "man", "non-binary", "not stated"}}))
	_, err = p.AddDocument(bg, storage.Document{Title: "Ferry", Text: "Ferry fares rise 🚢.\n“Fuel costs doubled,” Park said.\n"})
	must(err)
	who, err := p.EnsureAnnotator(bg, "coder")
	must(err)
	topic, err := p.AddCode(bg, storage.Code{Name: "Politics", Color: "#1F77B4", Shortcut: "1"})
	must(err)
	sub, err := p.AddCode(bg, storage.Code{Name: "Elections", ParentID: topic.ID})
	must(err)
	zoe, err := p.AddSpeaker(bg, storage.Speaker{Name: "Zoë", Aliases: []string{"the minister"}, Wikidata: "Q42", Gender: "woman", Type: "person", Role: "politician", Country: "UA"})
	must(err)
	add := func(k storage.Kind, s string, codes ...string) storage.Annotation {
		t.Helper()
		r := storage.FindAll(unicodeText, s)
		if len(r) == 0 {
			t.Fatalf("%q not in the text", s)
		}
		start, end := r[0].Start, r[0].End
		a, err := p.AddAnnotation(bg, storage.Annotation{DocumentID: d.ID, Kind: k, Start: start, End: end, AnnotatorID: who.ID, Codes: codes,
			Note: "checked", Attrs: map[string]string{storage.AttrQuoteType: "direct"}})
		must(err)
		return a
	}
	quote := add(storage.KindQuote, "“We won’t yield.”", sub.ID)
	mention := add(storage.KindSpeakerMention, "Zoë")
	cue := add(storage.KindCue, "said")
	claim := add(storage.KindClaim, "北京 officials replied", topic.ID)
	for _, r := range []storage.Relation{
		{Type: storage.RelSaidBy, SourceID: quote.ID, TargetID: mention.ID},
		{Type: storage.RelCueOf, SourceID: cue.ID, TargetID: quote.ID},
		{Type: storage.RelClaimedBy, SourceID: claim.ID, TargetSpeakerID: zoe.ID},
		{Type: storage.RelStatedIn, SourceID: claim.ID, TargetID: quote.ID},
	} {
		_, err := p.Link(bg, r)
		must(err)
	}
	mention.SpeakerID = zoe.ID
	_, err = p.UpdateAnnotation(bg, mention)
	must(err)
	must(p.SetMemo(bg, d.ID, who.ID, "Check the translation."))
	return path
}

// rawExec runs statements on a project through a plain SQLite connection,
// as another program would.
func rawExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// folderState maps the files of a folder to their contents.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

// sameFolder fails the test unless the folder holds the same files with
// the same bytes, but for what a read-only SQLite connection to a WAL
// project leaves and cannot remove: its -shm index and an empty -wal log.
func sameFolder(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	leftover := func(name, data string) bool {
		return strings.HasSuffix(name, "-shm") || strings.HasSuffix(name, "-wal") && data == ""
	}
	for name, b := range before {
		if a, ok := after[name]; !ok {
			t.Errorf("%s: %s disappeared", what, name)
		} else if a != b && !leftover(name, a) {
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for name, a := range after {
		if _, ok := before[name]; !ok && !leftover(name, a) {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

// schemaDamages change a project's structure behind Saywho's back. words
// must appear in the refusal; lost names the tables whose rows the repair
// cannot bring back whole.
var schemaDamages = []struct {
	name  string
	stmts []string
	words []string
	lost  []string
}{
	{"dropped table", []string{"DROP TABLE relations"}, []string{"table relations is missing"}, []string{"relations"}},
	{"dropped trigger", []string{"DROP TRIGGER documents_text_immutable"}, []string{"trigger documents_text_immutable is missing"}, nil},
	{"added trigger", []string{"CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM annotations; END"},
		[]string{"trigger wipe was added"}, nil},
	{"added table", []string{"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('kept aside')"},
		[]string{"table notes was added"}, nil},
	{"renamed column", []string{"ALTER TABLE annotations RENAME COLUMN note TO remark"},
		[]string{"table annotations was changed", "column note is missing", "column remark was added"}, []string{"annotations"}},
	{"added column", []string{"ALTER TABLE speakers ADD COLUMN age INTEGER"}, []string{"table speakers was changed", "column age was added"}, nil},
	{"column type changed", []string{"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'role        TEXT NOT NULL', 'role        ANY NOT NULL') WHERE name = 'speakers'"},
		[]string{"column role changed from TEXT NOT NULL DEFAULT '' to ANY NOT NULL DEFAULT ''"}, nil},
	{"dropped index", []string{"DROP INDEX annotations_doc"}, []string{"index annotations_doc is missing"}, nil},
	{"changed index", []string{"DROP INDEX relations_source", "CREATE INDEX relations_source ON relations(type)"},
		[]string{"index relations_source was changed"}, nil},
	{"added view", []string{"CREATE VIEW everything AS SELECT * FROM annotations"}, []string{"view everything was added"}, nil},
	{"dropped full-text index", []string{"DROP TABLE documents_fts"},
		[]string{"table documents_fts is missing", "table documents_fts_data is missing"}, nil},
	{"replaced trigger", []string{"DROP TRIGGER documents_text_immutable",
		"CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF title ON documents BEGIN SELECT 1; END"},
		[]string{"trigger documents_text_immutable was changed"}, nil},
}

// changedProject writes a richProject into a new folder and changes its
// structure with stmts; it returns the folder, the project and the
// folder's state after the change.
func changedProject(t *testing.T, stmts []string) (dir, path string, state map[string]string) {
	t.Helper()
	dir = t.TempDir()
	path = richProject(t, dir)
	rawExec(t, path, stmts...)
	return dir, path, folderState(t, dir)
}

// TestOpenRefusesChangedSchema opens projects whose structure was changed
// by another program: Open refuses them for writing and for reading with
// a *SchemaError that says what changed, and leaves every file as it was.
func TestOpenRefusesChangedSchema(t *testing.T) {
	for _, c := range schemaDamages {
		t.Run(c.name, func(t *testing.T) {
			dir, path, before := changedProject(t, c.stmts)
			for _, opts := range []OpenOptions{{}, {ReadOnly: true}} {
				p, err := Open(path, opts)
				if err == nil {
					p.Close()
					t.Fatalf("opened (read-only %v) a project whose structure was changed", opts.ReadOnly)
				}
				var se *storage.SchemaError
				if !errors.Is(err, storage.ErrSchemaMismatch) || !errors.As(err, &se) {
					t.Fatalf("refused with %v, want a *SchemaError", err)
				}
				for _, w := range c.words {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("the refusal does not say %q: %v", w, err)
					}
				}
				if !strings.Contains(err.Error(), "changed outside Saywho") {
					t.Errorf("the refusal does not say what happened: %v", err)
				}
			}
			sameFolder(t, "after the refusals", before, folderState(t, dir))
		})
	}
}

// TestCheckReportsSchemaDifferences opens the same projects for checking:
// Check lists every difference first and still runs the checks it can.
func TestCheckReportsSchemaDifferences(t *testing.T) {
	for _, c := range schemaDamages {
		t.Run(c.name, func(t *testing.T) {
			dir, path, before := changedProject(t, c.stmts)
			p, err := OpenForCheck(path)
			if err != nil {
				t.Fatal(err)
			}
			if !p.ReadOnly() {
				t.Error("a project opened for checking is writable")
			}
			problems, err := p.Check(bg)
			p.Close()
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(problems, "\n")
			for _, w := range c.words {
				if !strings.Contains(all, "structure: ") || !strings.Contains(all, w) {
					t.Errorf("check does not report %q:\n%s", w, all)
				}
			}
			sameFolder(t, "after the check", before, folderState(t, dir))
		})
	}
}

// TestCheckSoundProjectHasNoDifferences makes sure a project as Saywho
// writes it compares equal to the expected structure, through Open and
// OpenForCheck.
func TestCheckSoundProjectHasNoDifferences(t *testing.T) {
	path := richProject(t, t.TempDir())
	p, err := OpenForCheck(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if d := p.SchemaDifferences(); len(d) > 0 {
		t.Fatalf("a sound project differs: %v", d)
	}
	if problems, err := p.Check(bg); err != nil || len(problems) > 0 {
		t.Fatalf("check of a sound project: %v %v", problems, err)
	}
}

// TestSchemaChangedWhileOpen drops a table while the project is open:
// reads and writes that meet it fail with ErrSchemaMismatch, not SQLite's
// "no such table".
func TestSchemaChangedWhileOpen(t *testing.T) {
	path := richProject(t, t.TempDir())
	p, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	cues, err := p.Annotations(bg, storage.Filter{Kind: storage.KindCue})
	if err != nil || len(cues) != 1 {
		t.Fatalf("cues: %v %v", cues, err)
	}
	quotes, err := p.Annotations(bg, storage.Filter{Kind: storage.KindQuote})
	if err != nil || len(quotes) != 1 {
		t.Fatalf("quotes: %v %v", quotes, err)
	}
	rawExec(t, path, "ALTER TABLE documents DROP COLUMN outlet", "DROP TABLE documents_fts", "DROP TABLE relations")
	_, statsErr := p.Stats(bg)
	_, listErr := p.Relations(bg, "")
	_, snapErr := p.Snapshot(bg, storage.SnapshotOptions{})
	_, linkErr := p.Link(bg, storage.Relation{Type: storage.RelCueOf, SourceID: cues[0].ID, TargetID: quotes[0].ID})
	_, docErr := p.Document(bg, cues[0].DocumentID)
	_, searchErr := p.Search(bg, "Zoë")
	for what, err := range map[string]error{"Stats": statsErr, "Relations": listErr, "Snapshot": snapErr, "Link": linkErr,
		"Document": docErr, "Search": searchErr} {
		if !errors.Is(err, storage.ErrSchemaMismatch) {
			t.Errorf("%s: %v, want ErrSchemaMismatch", what, err)
		}
	}
}

func TestNormaliseSQL(t *testing.T) {
	cases := []struct {
		a, b  string
		equal bool
	}{
		{"CREATE TABLE t (a TEXT,  b INT)", "create table t(a text,b int)", true},
		{"CREATE TABLE t (\n\ta TEXT -- the a\n)", "CREATE TABLE t (a TEXT)", true},
		{"CREATE TABLE t (a /* x */ TEXT)", "CREATE TABLE t (a TEXT)", true},
		{"CREATE TABLE t (a TEXT DEFAULT 'x  y')", "CREATE TABLE t (a TEXT DEFAULT 'x y')", false},
		{"CREATE TABLE t (a TEXT DEFAULT 'It''s')", "CREATE TABLE t (a TEXT DEFAULT 'It''s')", true},
		{`CREATE TABLE "T" (a TEXT)`, `CREATE TABLE "t" (a TEXT)`, false},
		{"CREATE TABLE t (a TEXT NOT NULL)", "CREATE TABLE t (a TEXTNOT NULL)", false},
		{`CREATE TABLE t ("a" "b")`, `CREATE TABLE t ("a""b")`, false},
		{"CREATE TABLE t (a TEXT CHECK (a IN ('x','y')))", "CREATE TABLE t (a TEXT CHECK(a IN ('x', 'y')))", true},
		{"CREATE TABLE t (a TEXT DEFAULT 'unterminated", "CREATE TABLE t (a TEXT DEFAULT 'unterminated", true},
	}
	for _, c := range cases {
		if got := normaliseSQL(c.a) == normaliseSQL(c.b); got != c.equal {
			t.Errorf("%q vs %q: equal %v, want %v (%q, %q)", c.a, c.b, got, c.equal, normaliseSQL(c.a), normaliseSQL(c.b))
		}
	}
}
