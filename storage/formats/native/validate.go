package native

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Schema is the JSON Schema of the export format.
//
//go:embed saywho-export.schema.json
var Schema []byte

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

func schema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
		if err != nil {
			compileErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		const url = "saywho-export.schema.json"
		if err := c.AddResource(url, doc); err != nil {
			compileErr = err
			return
		}
		compiled, compileErr = c.Compile(url)
	})
	return compiled, compileErr
}

// Validate checks data against the export's JSON Schema and returns a
// readable error listing the first problems.
func Validate(data []byte) error {
	s, err := schema()
	if err != nil {
		return fmt.Errorf("internal error: the export schema does not compile: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not valid JSON: %v", err)
	}
	if err := s.Validate(inst); err != nil {
		msg := err.Error()
		lines := strings.Split(msg, "\n")
		if len(lines) > 8 {
			lines = append(lines[:8], "…")
		}
		return fmt.Errorf("the file does not follow the Saywho export schema:\n%s", strings.Join(lines, "\n"))
	}
	return nil
}

// checkOffsets verifies every annotation against its document's text (when
// the export includes it) and that references resolve.
func checkOffsets(b *storage.Bundle) error {
	docs := map[string]*textutil.Index{}
	for _, d := range b.Documents {
		if d.Text == "" {
			docs[d.ID] = nil
			continue
		}
		if !utf8.ValidString(d.Text) {
			return fmt.Errorf("document %q: text is not valid UTF-8", d.Title)
		}
		if textutil.Normalize(d.Text) != d.Text {
			return fmt.Errorf("document %q: text is not NFC with \\n line endings, so offsets would not be stable", d.Title)
		}
		if textutil.SHA256(d.Text) != d.SHA256 {
			return fmt.Errorf("document %q: text does not match its sha256", d.Title)
		}
		docs[d.ID] = textutil.NewIndex(d.Text)
	}
	for _, a := range b.Annotations {
		ix, ok := docs[a.DocumentID]
		if !ok {
			return fmt.Errorf("annotation %s: document %s is not in the file", a.ID, a.DocumentID)
		}
		if a.End < a.Start {
			return fmt.Errorf("annotation %s: end %d before start %d", a.ID, a.End, a.Start)
		}
		if ix == nil {
			continue
		}
		if err := ix.Check(a.Start, a.End); err != nil {
			return fmt.Errorf("annotation %s: %v", a.ID, err)
		}
		if got := ix.Slice(a.Start, a.End); got != a.Text {
			return fmt.Errorf("annotation %s: text %q does not match the document at [%d,%d) (%q)", a.ID, a.Text, a.Start, a.End, got)
		}
	}
	return nil
}
