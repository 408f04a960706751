package qdpx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/saywho-app/saywho/storage"
)

// CodebookNamespace is the XML namespace of REFI-QDA codebook exchange
// files (.qdc).
const CodebookNamespace = "urn:QDA-XML:codebook:1.0"

// The REFI-QDA codebook document (section 5.2 of the standard): the code
// tree and, optionally, sets of codes. Its Code elements have the shape of
// a project's codes without NoteRefs, which Saywho never writes into them.
type qdcCodeBook struct {
	XMLName xml.Name `xml:"CodeBook"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Origin  string   `xml:"origin,attr,omitempty"`
	Codes   qdeCodes `xml:"Codes"`
	Sets    *qdcSets `xml:"Sets"`
}

type qdcSets struct {
	Set []qdcSet `xml:"Set"`
}

// qdcSet is a set of codes; in a codebook its members name the code by a
// guid attribute (a project's MemberCode uses targetGUID).
type qdcSet struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	Description string `xml:"Description,omitempty"`
	MemberCodes []struct {
		GUID string `xml:"guid,attr"`
	} `xml:"MemberCode"`
}

// ExportCodebook writes the codebook of b as a REFI-QDA codebook exchange
// file (.qdc): the annotation kinds under the "Saywho" code, as in a
// project export, then the user's code tree with colours and
// descriptions. Saywho has no sets of codes, so none are written.
func ExportCodebook(b *storage.Bundle, w io.Writer) error {
	cb := qdcCodeBook{Xmlns: CodebookNamespace, Origin: "Saywho", Codes: codebook(b).Codes}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(cb); err != nil {
		return fmt.Errorf("writing the codebook: %w", err)
	}
	buf.WriteString("\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// decodeCodebook reads a codebook file as a project that holds only a
// codebook, so that codes are imported exactly as from a project, and
// reports its sets of codes, which Saywho has no place for.
func decodeCodebook(data []byte) (*qdeProject, []string, error) {
	var cb qdcCodeBook
	if err := decode(data, &cb); err != nil {
		return nil, nil, err
	}
	if len(cb.Codes.Code) == 0 {
		return nil, nil, fmt.Errorf("the codebook holds no codes")
	}
	var report []string
	if cb.Sets != nil {
		for _, s := range cb.Sets.Set {
			report = append(report, fmt.Sprintf("code set %q (%d codes) not imported: Saywho's sets hold documents", s.Name, len(s.MemberCodes)))
		}
	}
	return &qdeProject{Origin: cb.Origin, CodeBook: &qdeCodeBook{Codes: cb.Codes}}, report, nil
}

// Sniff reports whether data is a REFI-QDA project or codebook document:
// a <Project> or <CodeBook> root naming a REFI-QDA namespace near the top
// (cheaply, for picking an importer for a file whose extension does not
// say; an HTML article that mentions the namespace is not one).
func Sniff(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if !bytes.Contains(head, []byte(CodebookNamespace)) && !bytes.Contains(head, []byte(Namespace)) {
		return false
	}
	root, err := rootElement(head)
	return err == nil && (root == "Project" || root == "CodeBook")
}
