package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/textutil"
)

// sharedDir returns ../shared relative to the repository root (the folder
// holding go.mod above this package), or "" when there is none.
func sharedDir(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func TestSeedArticle(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "seed", "ukraine-peace-talks.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("the shared seed article is not available (%v): nothing to check against", err)
	}
	res, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := textutil.Normalize(string(raw))
	check(t, "ukraine-peace-talks.txt", res, want{format: "txt", text: text})
	if res.Doc.Title != strings.TrimSpace(firstLine(text)) || res.Doc.Title == "" {
		t.Errorf("Title = %q, want the file's first line %q", res.Doc.Title, firstLine(text))
	}
}
