package qdpx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
)

// foreignQDE is an invented project in the style of other QDA tools:
// braced upper-case GUIDs, an inline CRLF text, #RGB colours, a selection
// coded by two users, a memo linked to a selection, and things Saywho
// cannot hold.
const foreignQDE = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="OtherQDA 9" creationDateTime="2024-05-02T10:00:00Z">
  <Users>
    <User guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="Kim"/>
    <User guid="AAAAAAAA-0000-4000-8000-000000000002" name="Lee"/>
  </Users>
  <CodeBook><Codes>
    <Code guid="{CCCCCCCC-0000-4000-8000-000000000001}" name="Topics" isCodable="false">
      <Code guid="CCCCCCCC-0000-4000-8000-000000000002" name="Harbour" isCodable="true" color="#a0c">
        <Description>Anything about the port</Description>
      </Code>
    </Code>
    <Code guid="CCCCCCCC-0000-4000-8000-000000000003" name="Quote" isCodable="true"/>
  </Codes></CodeBook>
  <Cases>
    <Case guid="EEEEEEEE-0000-4000-8000-000000000001" name="Ms Haddad">
      <SelectionRef targetGUID="BBBBBBBB-0000-4000-8000-000000000001"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="DDDDDDDD-0000-4000-8000-000000000001" name="harbour-interview.txt" creatingUser="AAAAAAAA-0000-4000-8000-000000000001">
      <PlainTextContent>Q: Is the 🌊 wall needed?&#13;&#10;A: Yes, the café says so.</PlainTextContent>
      <PlainTextSelection guid="{BBBBBBBB-0000-4000-8000-000000000001}" name="Yes" startPosition="26" endPosition="51" creatingUser="AAAAAAAA-0000-4000-8000-000000000001" creationDateTime="2024-05-02T11:00:00Z">
        <Description>Key answer</Description>
        <Coding guid="FFFFFFFF-0000-4000-8000-000000000001" creatingUser="AAAAAAAA-0000-4000-8000-000000000001">
          <CodeRef targetGUID="CCCCCCCC-0000-4000-8000-000000000002"/>
        </Coding>
        <Coding guid="FFFFFFFF-0000-4000-8000-000000000002" creatingUser="AAAAAAAA-0000-4000-8000-000000000002">
          <CodeRef targetGUID="CCCCCCCC-0000-4000-8000-000000000003"/>
        </Coding>
        <Coding guid="FFFFFFFF-0000-4000-8000-000000000003">
          <CodeRef targetGUID="CCCCCCCC-0000-4000-8000-0000000000FF"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="BBBBBBBB-0000-4000-8000-000000000002" startPosition="40" endPosition="999"/>
      <Coding guid="FFFFFFFF-0000-4000-8000-000000000009"><CodeRef targetGUID="CCCCCCCC-0000-4000-8000-000000000002"/></Coding>
      <NoteRef targetGUID="99999999-0000-4000-8000-000000000001"/>
    </TextSource>
    <TextSource guid="DDDDDDDD-0000-4000-8000-000000000002" name="Remote" plainTextPath="relative:///far/away.txt"/>
    <PictureSource guid="DDDDDDDD-0000-4000-8000-000000000003" name="photo.jpg" path="internal://x.jpg"/>
  </Sources>
  <Notes>
    <Note guid="99999999-0000-4000-8000-000000000001" name="Memo" creatingUser="AAAAAAAA-0000-4000-8000-000000000002"><PlainTextContent>Interview was short.</PlainTextContent></Note>
    <Note guid="99999999-0000-4000-8000-000000000002" name="Linked memo"><PlainTextContent>Café owner = source?</PlainTextContent></Note>
    <Note guid="99999999-0000-4000-8000-000000000003" name="Loose thought"><PlainTextContent>Nothing points here.</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="77777777-0000-4000-8000-000000000001" name="Memo-Quotation" originGUID="99999999-0000-4000-8000-000000000002" targetGUID="BBBBBBBB-0000-4000-8000-000000000001"/>
    <Link guid="77777777-0000-4000-8000-000000000002" name="contradicts" originGUID="BBBBBBBB-0000-4000-8000-000000000001" targetGUID="BBBBBBBB-0000-4000-8000-000000000001"/>
  </Links>
  <Sets>
    <Set guid="55555555-0000-4000-8000-000000000001" name="Wave 1">
      <Description>First interviews</Description>
      <MemberSource targetGUID="{DDDDDDDD-0000-4000-8000-000000000001}"/>
      <MemberSource targetGUID="DDDDDDDD-0000-4000-8000-000000000003"/>
      <MemberNote targetGUID="99999999-0000-4000-8000-000000000003"/>
    </Set>
    <Set guid="55555555-0000-4000-8000-000000000002" name="Key codes"><MemberCode targetGUID="CCCCCCCC-0000-4000-8000-000000000002"/></Set>
    <Set guid="55555555-0000-4000-8000-000000000003" name="Wave 1"/>
  </Sets>
</Project>`

func TestImportForeignQDE(t *testing.T) {
	b, report, err := Import([]byte(foreignQDE))
	if err != nil {
		t.Fatal(err)
	}
	if err := fixture.Check(b); err != nil {
		t.Fatalf("invalid bundle: %v", err)
	}
	if len(b.Documents) != 1 {
		t.Fatalf("%d documents", len(b.Documents))
	}
	d := b.Documents[0]
	if d.Text != "Q: Is the 🌊 wall needed?\nA: Yes, the café says so." || d.Title != "harbour-interview" || d.FileName != "harbour-interview.txt" {
		t.Errorf("document %q %q %q", d.Title, d.FileName, d.Text)
	}
	if len(b.Annotations) != 2 {
		t.Fatalf("%d annotations, want one per coder; report:\n%s", len(b.Annotations), strings.Join(report, "\n"))
	}
	names := map[string]string{}
	for _, a := range b.Annotators {
		names[a.ID] = a.Name
	}
	byCoder := map[string]storage.Annotation{}
	for _, a := range b.Annotations {
		byCoder[names[a.AnnotatorID]] = a
	}
	kim, lee := byCoder["Kim"], byCoder["Lee"]
	// 26-51 in the CRLF file is "A: Yes, the café says so." without the
	// CR: in the stored text it starts one code point earlier.
	if kim.Text != "A: Yes, the café says so." || kim.Start != 25 || kim.Kind != storage.KindCode || len(kim.Codes) != 1 {
		t.Errorf("Kim's annotation %+v", kim)
	}
	if !strings.Contains(kim.Note, "Key answer") || !strings.Contains(kim.Note, "Café owner = source?") {
		t.Errorf("Kim's note %q lacks the description or the linked memo", kim.Note)
	}
	if lee.Kind != storage.KindCode || len(lee.Codes) != 1 || lee.Text != kim.Text {
		t.Errorf("Lee's annotation %+v (a foreign code named Quote is a code, not a kind)", lee)
	}
	var harbour storage.Code
	for _, c := range b.Codes {
		if c.Name == "Harbour" {
			harbour = c
		}
	}
	if harbour.Color != "#AA00CC" || harbour.ParentID == "" || harbour.Description != "Anything about the port" {
		t.Errorf("code %+v", harbour)
	}
	if len(b.Memos) != 1 || b.Memos[0].Text != "Interview was short." || names[b.Memos[0].AnnotatorID] != "Lee" {
		t.Errorf("memos %+v", b.Memos)
	}
	if len(b.Speakers) != 1 || b.Speakers[0].Name != "Ms Haddad" || len(b.Relations) != 0 {
		t.Errorf("speakers %+v relations %+v", b.Speakers, b.Relations)
	}
	if len(b.Sets) != 2 || b.Sets[0].Name != "Wave 1" || b.Sets[0].Description != "First interviews" ||
		len(b.Sets[0].DocumentIDs) != 1 || b.Sets[0].DocumentIDs[0] != d.ID || b.Sets[1].Name != "Wave 1 (2)" || len(b.Sets[1].DocumentIDs) != 0 {
		t.Errorf("sets %+v", b.Sets)
	}
	all := strings.Join(report, "\n")
	for _, want := range []string{
		"normalised", "coded by 2 coders", "not in the codebook", "outside the source",
		"codings of the whole source", "external file", "1 picture source", "not speaker mentions",
		"link \"contradicts\"", "Loose thought",
		`set "Key codes" groups 1 code(s), not documents`, `set "Wave 1": 1 of its 2 sources were not imported`,
		`set "Wave 1": its 1 note(s) are not kept`, `two sets are called "Wave 1"; the second is imported as "Wave 1 (2)"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("report lacks %q:\n%s", want, all)
		}
	}
}

func TestImportArchiveFolderCasing(t *testing.T) {
	want, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(want, &buf, Options{}); err != nil {
		t.Fatal(err)
	}
	// Rewrite the archive with "Sources/" and upper-case file names.
	files := unzip(t, buf.Bytes())
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, data := range files {
		if strings.HasPrefix(name, "sources/") {
			name = "Sources/" + strings.ToUpper(strings.TrimPrefix(name, "sources/"))
		}
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	got, report, err := Import(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != len(want.Documents) || len(got.Annotations) != len(want.Annotations) || len(report) != 0 {
		t.Fatalf("%d documents, %d annotations, report %v", len(got.Documents), len(got.Annotations), report)
	}
}

func TestImportRejectsBadInput(t *testing.T) {
	var emptyZip bytes.Buffer
	zw := zip.NewWriter(&emptyZip)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hello"))
	zw.Close()
	cases := []struct {
		name string
		data []byte
	}{
		{"text", []byte("just some words")},
		{"empty", nil},
		{"broken xml", []byte("<Project name='x'><Users>")},
		{"other xml", []byte("<html><body/></html>")},
		{"zip without project", emptyZip.Bytes()},
		{"truncated zip", emptyZip.Bytes()[:30]},
		{"latin-1 declared", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><Project name="x"/>`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, _, err := Import(c.data)
			if err == nil {
				t.Fatalf("accepted: %+v", b)
			}
			if c.name != "truncated zip" && !errors.Is(err, ErrNotREFI) {
				t.Errorf("error %v does not wrap ErrNotREFI", err)
			}
		})
	}
}

func TestImportBareQDEWithoutSources(t *testing.T) {
	want, _ := fixture.Harbour()
	var buf bytes.Buffer
	if err := Export(want, &buf, Options{}); err != nil {
		t.Fatal(err)
	}
	qde := unzip(t, buf.Bytes())["project.qde"]
	got, report, err := Import(qde)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 0 || len(got.Speakers) != len(want.Speakers) || len(got.Codes) != len(want.Codes) {
		t.Errorf("documents %d speakers %d codes %d", len(got.Documents), len(got.Speakers), len(got.Codes))
	}
	if !strings.Contains(strings.Join(report, "\n"), "a bare .qde does not carry") {
		t.Errorf("report %v", report)
	}
}
