package brat

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// conf collects the labels an export uses, to write an annotation.conf that
// lets brat open the folder.
type conf struct {
	entities  map[string]bool
	relations map[string]bool
	events    map[string]map[string]bool // type → base roles
	attrs     map[string]map[string]bool // name → values ("" = binary)
}

func newConf() *conf {
	return &conf{entities: map[string]bool{}, relations: map[string]bool{},
		events: map[string]map[string]bool{}, attrs: map[string]map[string]bool{}}
}

func (c *conf) entity(label string)   { c.entities[label] = true }
func (c *conf) relation(typ string)   { c.relations[typ] = true }
func (c *conf) attribute(n, v string) { addTo(c.attrs, n, v) }

func (c *conf) event(e Event) {
	if c.events[e.Type] == nil {
		c.events[e.Type] = map[string]bool{}
	}
	for _, a := range e.Args {
		c.events[e.Type][baseRole(a.Role)] = true
	}
}

func addTo(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

func (c *conf) render() []byte {
	var b bytes.Buffer
	b.WriteString("# Written by Saywho for the exported annotations.\n[entities]\n")
	for _, e := range sortedKeys(c.entities) {
		if c.events[e] == nil {
			b.WriteString(e + "\n")
		}
	}
	b.WriteString("\n[relations]\n")
	for _, r := range sortedKeys(c.relations) {
		fmt.Fprintf(&b, "%s\tArg1:<ANY>, Arg2:<ANY>\n", r)
	}
	b.WriteString("<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n")
	b.WriteString("\n[events]\n")
	for _, t := range sortedKeys(c.events) {
		var roles []string
		for _, r := range sortedKeys(c.events[t]) {
			roles = append(roles, r+"*:<ANY>")
		}
		fmt.Fprintf(&b, "%s\t%s\n", t, strings.Join(roles, ", "))
	}
	b.WriteString("\n[attributes]\n")
	for _, n := range sortedKeys(c.attrs) {
		var vals []string
		for v := range c.attrs[n] {
			if v != "" {
				vals = append(vals, v)
			}
		}
		sort.Strings(vals)
		if len(vals) == 0 {
			fmt.Fprintf(&b, "%s\tArg:<ANY>\n", n)
		} else {
			fmt.Fprintf(&b, "%s\tArg:<ANY>, Value:%s\n", n, strings.Join(vals, "|"))
		}
	}
	return b.Bytes()
}
