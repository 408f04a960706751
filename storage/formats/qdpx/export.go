// Package qdpx reads and writes REFI-QDA project exchange files (.qdpx: a
// ZIP with project.qde and sources/GUID.txt; or a bare .qde), the format
// QualCoder, ATLAS.ti, MAXQDA and NVivo exchange projects in.
//
// Mapping: annotators are Users; the codebook keeps its hierarchy, colours
// and descriptions, and the annotation kinds are codes under a "Saywho"
// parent code; documents are TextSources with their text in
// sources/GUID.txt and metadata as Variables; every annotation is a
// PlainTextSelection coded with its kind and codes, its attributes in the
// selection's Description; speakers are Cases (role, affiliation, Wikidata
// and aliases as Variables) with SelectionRefs to their mentions, quotes
// and claims; relations are Links; annotation notes and document memos are
// Notes referenced by NoteRef; document sets are Sets of MemberSources.
package qdpx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// Options control Export.
type Options struct {
	// CRLF writes the source texts with CRLF line ends (MAXQDA expects
	// them); selection positions then count the inserted CR characters.
	CRLF bool
}

// Export writes b as a .qdpx archive.
func Export(b *storage.Bundle, w io.Writer, opts Options) error {
	qde, files, err := build(b, opts)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	if err := addFile(zw, "project.qde", qde); err != nil {
		return err
	}
	for _, f := range files {
		if err := addFile(zw, "sources/"+f.name, f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

type sourceFile struct {
	name string
	data []byte
}

func addFile(zw *zip.Writer, name string, data []byte) error {
	fw, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

// build renders project.qde and the source files.
func build(b *storage.Bundle, opts Options) ([]byte, []sourceFile, error) {
	x := lookup.New(b)
	name := b.Project.Name
	if name == "" {
		name = "Saywho project"
	}
	p := qdeProject{Xmlns: Namespace, Name: name, Origin: "Saywho", CreationDateTime: stamp(b.Project.Created)}
	p.Users = users(b)
	p.CodeBook = codebook(b)
	vars := newVariables()
	p.Cases = speakerCases(x, vars)
	srcs, files, err := textSources(x, vars, opts)
	if err != nil {
		return nil, nil, err
	}
	p.Sources = srcs
	p.Variables = vars.element()
	p.Notes = notes(x)
	p.Links = links(x)
	p.Sets = documentSets(b)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, nil, fmt.Errorf("writing project.qde: %w", err)
	}
	buf.WriteString("\n")
	return buf.Bytes(), files, nil
}

func users(b *storage.Bundle) *qdeUsers {
	if len(b.Annotators) == 0 {
		return nil
	}
	u := &qdeUsers{}
	for _, a := range b.Annotators {
		u.User = append(u.User, qdeUser{GUID: guid.For(a.ID), Name: a.Name})
	}
	return u
}

func links(x *lookup.Index) *qdeLinks {
	if len(x.B.Relations) == 0 {
		return nil
	}
	l := &qdeLinks{}
	for _, r := range x.B.Relations {
		l.Link = append(l.Link, qdeLink{GUID: guid.For(r.ID), Name: string(r.Type), Direction: "OneWay",
			Origin: guid.For(r.SourceID), Target: guid.For(lookup.RelTarget(&r))})
	}
	return l
}

// excerpt shortens s to at most n code points for a name attribute.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
