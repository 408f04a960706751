package sqlite

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/textutil"
)

// dumpTables lists what a project dump compares, with the columns left
// out: modification times (set from the clock) and the memo id and times
// (SetMemo makes them itself). Document texts are compared through their
// sha256, which verifySound checks against the text.
var dumpTables = []struct {
	name, order string
	skip        []string
}{
	{"meta", "key", nil},
	{"annotators", "id", nil},
	{"codes", "id", nil},
	{"speakers", "id", []string{"modified"}},
	{"documents", "id", []string{"text"}},
	{"annotations", "id", []string{"modified"}},
	{"annotation_codes", "annotation_id, code_id", nil},
	{"relations", "id", nil},
	{"memos", "document_id, annotator_id", []string{"id", "created", "modified"}},
	{"sets", "id", nil},
	{"set_documents", "set_id, document_id", nil},
	{"vocabularies", "attribute, position", nil},
	{"variables", "id", nil},
	{"document_variables", "document_id, variable_id", nil},
}

// dump renders the project's rows as sorted lines, one per row.
func dump(t *testing.T, p *Project) []string {
	t.Helper()
	conn, err := p.DB().Conn(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var out []string
	for _, tb := range dumpTables {
		cols, _, err := tableColumns(conn, tb.name)
		if err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, c := range cols {
			if !contains(tb.skip, c) {
				keep = append(keep, c)
			}
		}
		rows, err := conn.QueryContext(bg, fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", strings.Join(keep, ", "), tb.name, tb.order))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			vals := make([]any, len(keep))
			ptrs := make([]any, len(keep))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			parts := make([]string, len(keep))
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				parts[i] = fmt.Sprintf("%s=%q", keep[i], fmt.Sprint(v))
			}
			out = append(out, tb.name+": "+strings.Join(parts, " "))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// diffLines lists up to max lines found in only one of a and b.
func diffLines(a, b []string, max int) string {
	in := func(s []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range s {
			m[x] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var d []string
	for _, x := range a {
		if !inb[x] {
			d = append(d, "- "+x)
		}
	}
	for _, x := range b {
		if !ina[x] {
			d = append(d, "+ "+x)
		}
	}
	sort.Strings(d)
	if len(d) > max {
		d = append(d[:max], fmt.Sprintf("… and %d more", len(d)-max))
	}
	return strings.Join(d, "\n")
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// verifySound fails the test unless the project passes Check (SQLite's
// integrity and foreign-key checks, annotation texts) and every document's
// text matches its hash and length, and the full-text index agrees.
func verifySound(t *testing.T, p *Project) {
	t.Helper()
	problems, err := p.Check(bg)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if len(problems) > 0 {
		t.Fatalf("check found %d problem(s): %s", len(problems), strings.Join(problems[:min(len(problems), 5)], "; "))
	}
	docs, err := p.Documents(bg)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range docs {
		d, err := p.Document(bg, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if textutil.SHA256(d.Text) != d.SHA256 || len([]rune(d.Text)) != d.Length {
			t.Fatalf("document %s: text does not match its hash or length", d.ID)
		}
	}
	if _, err := p.DB().Exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')"); err != nil {
		t.Fatalf("full-text index: %v", err)
	}
}
