package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// article is an invented news text with astral emoji, CJK and RTL script.
const harbourText = "Harbour town votes on sea wall 🌊\n\nMayor Lena Okonjo said on Tuesday that the wall “will hold for fifty years.” " +
	"Engineers at the firm 海洋設計 disagreed. The treasurer, Yosef Adler (יוסף אדלר), said the town can borrow at 2 per cent.\n"

// runCLI executes a saywho command in-process and returns its exit code and
// output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// goodProject creates a project with one document and one quote in dir.
func goodProject(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "study.saywho")
	p, err := sqlite.Create(path, "Harbour study")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	d, err := p.AddDocument(context.Background(), storage.Document{Title: "Harbour", Text: harbourText})
	if err != nil {
		t.Fatal(err)
	}
	who, err := p.EnsureAnnotator(context.Background(), "Ana")
	if err != nil {
		t.Fatal(err)
	}
	r := storage.FindAll(d.Text, "“will hold for fifty years.”")[0]
	if _, err := p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: r.Start, End: r.End, AnnotatorID: who.ID}); err != nil {
		t.Fatal(err)
	}
	return path
}

func putFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// dirState maps every file name in dir to the SHA-256 of its bytes (a
// symbolic link to what it points to, a folder to ""): two
// equal states mean nothing in the folder was created, removed or changed,
// the project file and its -wal and -shm companions included.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			state[e.Name()+"/"] = ""
			continue
		}
		if e.Type()&os.ModeSymlink != 0 {
			to, err := os.Readlink(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			state[e.Name()] = "link to " + to
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		state[e.Name()] = hex.EncodeToString(sum[:])
	}
	return state
}

// emptyHash is the SHA-256 of no bytes.
const emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// sameState fails the test when the folder changed. One change is not
// counted: SQLite opening a WAL project read-only (as stats, check, export
// and backup do) creates its -shm index and an empty -wal log beside it and
// cannot remove them on close. The index is derived data and an empty log
// holds no change, so the project file's bytes plus an empty or absent log
// are the whole, unchanged project.
func sameState(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	var diff []string
	for name, h := range before {
		if a, ok := after[name]; !ok {
			diff = append(diff, name+" removed")
		} else if a != h && !readerLeftover(name, a) {
			diff = append(diff, name+" changed")
		}
	}
	for name, h := range after {
		if _, ok := before[name]; !ok && !readerLeftover(name, h) {
			diff = append(diff, name+" created")
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("%s: the project folder changed: %s", what, strings.Join(diff, ", "))
	}
}

// readerLeftover reports whether a file is what a read-only SQLite
// connection leaves: the -shm index, or an empty -wal log.
func readerLeftover(name, hash string) bool {
	return strings.HasSuffix(name, "-shm") || (strings.HasSuffix(name, "-wal") && hash == emptyHash)
}

// mentions fails the test unless text contains every word (ignoring case).
func mentions(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
			t.Errorf("%s: the message does not mention %q:\n%s", what, w, text)
		}
	}
}
