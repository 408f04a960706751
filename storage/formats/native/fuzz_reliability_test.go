package native

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

// FuzzImport feeds arbitrary bytes to Import. It must never panic; what it
// accepts must have every annotation's text at its offsets, and must merge
// into a new project that then passes Check. Seeds: exports of the shared
// fixture (added here) and small hand-made files in
// testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	b, _ := fixture.Harbour()
	for _, opts := range []Options{{}, {NoText: true}} {
		opts.Now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		var buf bytes.Buffer
		if err := Export(b, &buf, opts); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Import(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("refused without a message")
			}
			return
		}
		checkImported(t, b)
		p, err := sqlite.Create(filepath.Join(t.TempDir(), "fuzz.saywho"), "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		p.Merge(context.Background(), b, nil) // a refusal is fine; damage is not
		problems, err := p.Check(context.Background())
		if err != nil || len(problems) > 0 {
			t.Fatalf("an accepted file left the project unsound: %v %v", problems, err)
		}
	})
}

// checkImported verifies an accepted bundle's offsets independently of
// Import's own check.
func checkImported(t *testing.T, b *storage.Bundle) {
	t.Helper()
	texts := map[string][]rune{}
	for _, d := range b.Documents {
		if d.Text != "" {
			if textutil.SHA256(d.Text) != d.SHA256 {
				t.Fatalf("document %s accepted with a wrong hash", d.ID)
			}
			texts[d.ID] = []rune(d.Text)
		}
	}
	for _, a := range b.Annotations {
		text, ok := texts[a.DocumentID]
		if !ok {
			continue
		}
		if a.Start < 0 || a.End < a.Start || a.End > len(text) || string(text[a.Start:a.End]) != a.Text {
			t.Fatalf("annotation %s accepted with [%d,%d) not giving %q", a.ID, a.Start, a.End, a.Text)
		}
	}
}
