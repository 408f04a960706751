package native

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// texts exercise the offset rules: astral emoji, combining marks (stored
// NFC), CJK, RTL and CRLF input.
var texts = []string{
	"Lead 👩🏽‍💼 Zoë said “Enough 🎉!”\r\nNext line.\r\n",
	"Cafe\u0301 owner Ame\u0301lie: «Ça suffit», she told reporters.",
	"北京官员说：“我们不会让步。” 他补充道。",
	"قال الوزير: «لن نتراجع». ואז אמר: \"שלום\".",
}

func buildProject(t *testing.T) *sqlite.Project {
	t.Helper()
	p, err := sqlite.Create(filepath.Join(t.TempDir(), "src.saywho"), "round trip")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	who, _ := p.EnsureAnnotator(context.Background(), "Ana")
	code, _ := p.AddCode(context.Background(), storage.Code{Name: "Conflict", Color: "#AA3377", Shortcut: "1"})
	sp, _ := p.AddSpeaker(context.Background(), storage.Speaker{Name: "Zoë Example", Aliases: []string{"Zoë"}, Wikidata: "Q42"})
	var docs []string
	for i, text := range texts {
		d, err := p.AddDocument(context.Background(), storage.Document{Title: "Doc", Outlet: "Test Daily", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		n := len([]rune(d.Text))
		q, err := p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: n / 3, End: n - 2, AnnotatorID: who.ID,
			Attrs: map[string]string{storage.AttrQuoteType: "direct"}, Codes: []string{code.ID}, Note: "note " + string(rune('A'+i))})
		if err != nil {
			t.Fatal(err)
		}
		m, err := p.AddAnnotation(context.Background(), storage.Annotation{DocumentID: d.ID, Kind: storage.KindSpeakerMention, Start: 0, End: 4, AnnotatorID: who.ID, SpeakerID: sp.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Link(context.Background(), storage.Relation{Type: storage.RelSaidBy, SourceID: q.ID, TargetID: m.ID}); err != nil {
			t.Fatal(err)
		}
		if err := p.SetMemo(context.Background(), d.ID, who.ID, "memo"); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d.ID)
	}
	if _, err := p.CreateSet(context.Background(), "Sample 🌊", "every other article", []string{docs[2], docs[0]}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.CreateSet(context.Background(), "Empty", "", nil); err != nil {
		t.Fatal(err)
	}
	return p
}

func export(t *testing.T, p *sqlite.Project) []byte {
	t.Helper()
	b, err := p.Snapshot(context.Background(), storage.SnapshotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Export(b, &buf, Options{Now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTripIsIdentical(t *testing.T) {
	src := buildProject(t)
	first := export(t, src)
	if err := Validate(first); err != nil {
		t.Fatalf("export does not validate: %v", err)
	}
	b, err := Import(first)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := sqlite.Create(filepath.Join(t.TempDir(), "dst.saywho"), "other")
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	for i := 0; i < 2; i++ { // twice: the second import adds nothing
		if _, err := dst.Merge(context.Background(), b, nil); err != nil {
			t.Fatal(err)
		}
	}
	second := export(t, dst)
	// The project header (id, name) belongs to the receiving project.
	strip := func(b []byte) string {
		s := string(b)
		i := strings.Index(s, `"project"`)
		j := strings.Index(s, `"annotators"`)
		return s[:i] + s[j:]
	}
	if strip(first) != strip(second) {
		t.Fatalf("export → import → export differs:\n%s\n----\n%s", first, second)
	}
	// Every annotation's offsets give its text, in code points.
	for _, a := range b.Annotations {
		for _, d := range b.Documents {
			if d.ID == a.DocumentID {
				if got := string([]rune(d.Text)[a.Start:a.End]); got != a.Text {
					t.Errorf("[%d,%d) = %q, want %q", a.Start, a.End, got, a.Text)
				}
			}
		}
	}
}

func TestImportRejects(t *testing.T) {
	good := export(t, buildProject(t))
	replace := func(old, new string) []byte { return bytes.Replace(good, []byte(old), []byte(new), 1) }
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a Saywho JSON export"},
		{"not json", []byte("hello"), "not a Saywho JSON export"},
		{"other json", []byte(`{"format":"doccano"}`), "not a Saywho JSON export"},
		{"newer", replace(fmt.Sprintf(`"version": %d`, Version), `"version": 99`), "newer version"},
		{"schema", replace(`"kind": "quote"`, `"kind": "rumour"`), "schema"},
		{"bad offsets", replace(`"start": 0`, `"start": 1`), "does not match"},
		{"truncated", good[:len(good)/2], ""},
	}
	for _, c := range cases {
		_, err := Import(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", c.name, err, c.want)
		}
		if c.name == "newer" && !errors.Is(err, ErrNewerFormat) {
			t.Errorf("newer: %v is not ErrNewerFormat", err)
		}
	}
}

func TestNoTextAndSniff(t *testing.T) {
	p := buildProject(t)
	b, _ := p.Snapshot(context.Background(), storage.SnapshotOptions{})
	var buf bytes.Buffer
	if err := Export(b, &buf, Options{NoText: true}); err != nil {
		t.Fatal(err)
	}
	if err := Validate(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	back, err := Import(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range back.Documents {
		if d.Text != "" {
			t.Fatalf("text of %q exported with NoText", d.Title)
		}
	}
	if !Sniff(buf.Bytes()) || Sniff([]byte(`{"a":1}`)) || Sniff([]byte("format saywho")) {
		t.Fatal("Sniff")
	}
}
