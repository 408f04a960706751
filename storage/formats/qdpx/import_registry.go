package qdpx

import (
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

func (im *importer) importUsers() {
	if im.p.Users == nil {
		return
	}
	for i, u := range im.p.Users.User {
		id := guid.For(u.GUID)
		if _, dup := im.users[id]; dup {
			continue
		}
		name := strings.TrimSpace(u.Name)
		if name == "" {
			name = strings.TrimSpace(u.ID)
		}
		if name == "" {
			name = fmt.Sprintf("User %d", i+1)
		}
		im.users[id] = id
		im.b.Annotators = append(im.b.Annotators, storage.Annotator{ID: id, Name: name, Created: im.now})
	}
}

// user returns the annotator for a user GUID, falling back to the default
// annotator for a missing or unknown one.
func (im *importer) user(g string) string {
	if g != "" {
		if id, ok := im.users[guid.For(g)]; ok {
			return id
		}
	}
	if im.defaultUser == "" {
		if len(im.b.Annotators) == 1 {
			im.defaultUser = im.b.Annotators[0].ID
		} else {
			id := guid.Derive("qdpx", "default-user", im.p.Name)
			im.b.Annotators = append(im.b.Annotators, storage.Annotator{ID: id, Name: "REFI-QDA import", Created: im.now})
			im.defaultUser = id
			im.notef("some selections or notes name no known user; they are credited to the coder \"REFI-QDA import\"")
		}
	}
	return im.defaultUser
}

func (im *importer) importCodebook() {
	if im.p.CodeBook == nil {
		return
	}
	for _, c := range im.p.CodeBook.Codes.Code {
		if im.kindParent(c) {
			continue
		}
		im.importCode(c, "")
	}
}

// kindParent recognises the "Saywho" code holding the annotation kinds and
// records its children as kinds.
func (im *importer) kindParent(c qdeCode) bool {
	if guid.For(c.GUID) != kindsParentGUID && c.Name != kindsParentName {
		return false
	}
	var rest []qdeCode
	for _, child := range c.Code {
		k, ok := kindOf(child)
		if !ok {
			rest = append(rest, child)
			continue
		}
		im.kinds[guid.For(child.GUID)] = k
	}
	if len(rest) == len(c.Code) && guid.For(c.GUID) != kindsParentGUID {
		return false // a user's own code that happens to be called Saywho
	}
	for _, child := range rest {
		im.importCode(child, "")
		im.notef("code %q sat under the Saywho kinds; imported as a top-level code", child.Name)
	}
	return true
}

func kindOf(c qdeCode) (storage.Kind, bool) {
	g := guid.For(c.GUID)
	for _, k := range kindCodes {
		if g == kindGUID(k.kind) || strings.EqualFold(c.Name, k.name) {
			return k.kind, true
		}
	}
	return "", false
}

func (im *importer) importCode(c qdeCode, parent string) {
	id := guid.For(c.GUID)
	if _, dup := im.codes[id]; dup {
		im.notef("code %q appears twice; kept once", c.Name)
		return
	}
	name := strings.TrimSpace(c.Name)
	if name == "" {
		name = "(unnamed code)"
	}
	code := storage.Code{ID: id, ParentID: parent, Name: name, Description: c.Description,
		Position: len(im.b.Codes), Created: im.now}
	if col, ok := normColor(c.Color); ok {
		code.Color = col
	} else if c.Color != "" {
		im.notef("code %q: colour %q is not #RRGGBB; dropped", name, c.Color)
	}
	im.codes[id] = id
	im.b.Codes = append(im.b.Codes, code)
	for _, ref := range c.NoteRefs {
		if n := im.useNote(ref.TargetGUID); n != nil {
			i := len(im.b.Codes) - 1
			im.b.Codes[i].Description = joinText(im.b.Codes[i].Description, n.text)
		}
	}
	for _, child := range c.Code {
		im.importCode(child, id)
	}
}

// normColor accepts #RGB and #RRGGBB (any case) and returns #RRGGBB.
func normColor(c string) (string, bool) {
	c = strings.TrimSpace(c)
	if !rgb.MatchString(c) {
		return "", false
	}
	if len(c) == 4 {
		c = string([]byte{'#', c[1], c[1], c[2], c[2], c[3], c[3]})
	}
	return strings.ToUpper(c), true
}

func (im *importer) importVariables() {
	if im.p.Variables == nil {
		return
	}
	for _, v := range im.p.Variables.Variable {
		im.vars[guid.For(v.GUID)] = v.Name
	}
}

// values reads VariableValues as name → text.
func (im *importer) values(vv []qdeVarValue) map[string]string {
	out := map[string]string{}
	for _, v := range vv {
		name := im.vars[guid.For(v.VariableRef.TargetGUID)]
		if name == "" {
			name = "Variable " + v.VariableRef.TargetGUID
		}
		for _, p := range []*string{v.TextValue, v.BooleanValue, v.IntegerValue, v.FloatValue, v.DateValue, v.DateTimeValue} {
			if p != nil {
				out[name] = *p
				break
			}
		}
	}
	return out
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}
