package qdpx

import (
	"regexp"
	"sort"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

var rgb = regexp.MustCompile(`^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$`)

// codebook renders the kind codes and the user's code tree.
func codebook(b *storage.Bundle) *qdeCodeBook {
	parent := qdeCode{GUID: kindsParentGUID, Name: kindsParentName, IsCodable: false,
		Description: "Annotation kinds of Saywho (who said what): each selection is coded with its kind."}
	for _, k := range kindCodes {
		parent.Code = append(parent.Code, qdeCode{GUID: kindGUID(k.kind), Name: k.name, IsCodable: true, Color: k.color,
			Description: "Saywho annotation kind " + string(k.kind)})
	}
	cb := &qdeCodeBook{Codes: qdeCodes{Code: []qdeCode{parent}}}
	children := map[string][]*storage.Code{}
	known := map[string]bool{}
	for i := range b.Codes {
		known[b.Codes[i].ID] = true
	}
	for i := range b.Codes {
		c := &b.Codes[i]
		p := c.ParentID
		if !known[p] {
			p = ""
		}
		children[p] = append(children[p], c)
	}
	for _, list := range children {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Position < list[j].Position })
	}
	seen := map[string]bool{}
	var tree func(parent string) []qdeCode
	tree = func(parent string) []qdeCode {
		var out []qdeCode
		for _, c := range children[parent] {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			name := c.Name
			if name == "" {
				name = "(unnamed code)"
			}
			qc := qdeCode{GUID: guid.For(c.ID), Name: name, IsCodable: true, Description: c.Description}
			if rgb.MatchString(c.Color) {
				qc.Color = c.Color
			}
			qc.Code = tree(c.ID)
			out = append(out, qc)
		}
		return out
	}
	cb.Codes.Code = append(cb.Codes.Code, tree("")...)
	// Codes caught in a parent cycle are never reached from the top: add
	// them at the top level rather than lose them.
	for i := range b.Codes {
		if !seen[b.Codes[i].ID] {
			children[""] = []*storage.Code{&b.Codes[i]}
			cb.Codes.Code = append(cb.Codes.Code, tree("")...)
		}
	}
	return cb
}
