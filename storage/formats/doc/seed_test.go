package doc

import (
	"os"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"

	"github.com/saywho-app/saywho/storage/textutil"
)

func TestSeedArticle(t *testing.T) {
	path := sharedtest.Path(t, "reading the seed article", "corpus", "seed", "ukraine-peace-talks.txt")
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
