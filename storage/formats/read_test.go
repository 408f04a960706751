package formats

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/sqlite"
	"golang.org/x/text/encoding/unicode"
)

// TestImportJSONWithByteOrderMark imports a Saywho JSON export saved with
// a UTF-8 byte-order mark and in UTF-16 with one, as Windows tools and
// some editors save it: each is the export, not a refused ".json" article.
func TestImportJSONWithByteOrderMark(t *testing.T) {
	b, _ := fixture.Harbour()
	var buf bytes.Buffer
	if _, err := WriteBundle(context.Background(), b, "json", "-", &buf, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	export := buf.Bytes()
	utf16 := func(e unicode.Endianness) []byte {
		out, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes(export)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name   string
		data   []byte
		notice string
	}{
		{"utf8-bom.json", append([]byte("\xEF\xBB\xBF"), export...), ""},
		{"utf16le.json", utf16(unicode.LittleEndian), "UTF-16"},
		{"utf16be.json", utf16(unicode.BigEndian), "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := sqlite.Create(filepath.Join(t.TempDir(), "p.saywho"), "bom")
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			sum, err := Import(context.Background(), p, []string{path}, ImportOptions{}, nil)
			if err != nil || sum.Failed() > 0 {
				t.Fatalf("Import: %v\n%s", err, sum)
			}
			if got := sum.Files[0]; got.Documents != len(b.Documents) || got.Annotations != len(b.Annotations) {
				t.Errorf("imported %d documents and %d annotations, want %d and %d", got.Documents, got.Annotations, len(b.Documents), len(b.Annotations))
			}
			if tt.notice != "" && !strings.Contains(sum.String(), tt.notice) {
				t.Errorf("the summary does not say %q:\n%s", tt.notice, sum)
			}
		})
	}
}
