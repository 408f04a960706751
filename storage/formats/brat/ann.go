package brat

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// File is the parsed content of one brat standoff .ann file. Offsets are
// code points of the .txt file, [start, end).
type File struct {
	Entities   []Entity // T lines (entities and event triggers)
	Relations  []Rel    // R lines
	Events     []Event  // E lines
	Attributes []Attr   // A and M lines
	Norms      []Norm   // N lines
	Notes      []Note   // # lines
	Equivs     []string // * lines, kept verbatim
	Bad        []string // lines that could not be read, with their number
}

// Entity is a T line: a labelled, possibly discontinuous text span.
type Entity struct {
	ID, Label string
	Spans     []storage.Range
	Text      string
}

// Arg is a role:id argument of an event or relation.
type Arg struct{ Role, Ref string }

// Rel is an R line: a typed binary relation.
type Rel struct {
	ID, Type string
	Args     [2]Arg
}

// Event is an E line: a typed event with a trigger and arguments.
type Event struct {
	ID, Type, Trigger string
	Args              []Arg
}

// Attr is an A (or old-style M) line; Value is "" for a binary attribute.
type Attr struct{ ID, Name, Target, Value string }

// Norm is an N line: a reference from an annotation to an external id.
type Norm struct{ ID, Type, Target, DB, Key, Text string }

// Note is a # line, usually "AnnotatorNotes".
type Note struct{ ID, Type, Target, Text string }

// Parse reads a .ann file. It never fails: unreadable lines are collected
// in Bad. A UTF-8 byte-order mark at the start (Windows editors write one)
// is skipped.
func Parse(data []byte) *File {
	f := &File{}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := f.parseLine(line); err != nil {
			f.Bad = append(f.Bad, fmt.Sprintf("line %d: %v: %q", n, err, clip(line)))
		}
	}
	return f
}

func (f *File) parseLine(line string) error {
	fields := strings.SplitN(line, "\t", 3)
	id := fields[0]
	if len(fields) < 2 || id == "" {
		return fmt.Errorf("no tab-separated fields")
	}
	mid := strings.Fields(fields[1])
	rest := ""
	if len(fields) == 3 {
		rest = fields[2]
	}
	if len(mid) == 0 {
		return fmt.Errorf("empty annotation")
	}
	switch id[0] {
	case 'T':
		spans, err := parseSpans(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(fields[1]), mid[0])))
		if err != nil {
			return err
		}
		f.Entities = append(f.Entities, Entity{ID: id, Label: mid[0], Spans: spans, Text: rest})
	case 'R':
		args, err := parseArgs(mid[1:])
		if err != nil || len(args) != 2 {
			return fmt.Errorf("a relation needs two role:id arguments")
		}
		f.Relations = append(f.Relations, Rel{ID: id, Type: mid[0], Args: [2]Arg{args[0], args[1]}})
	case 'E':
		head, err := parseArgs(mid[:1])
		if err != nil {
			return err
		}
		args, err := parseArgs(mid[1:])
		if err != nil {
			return err
		}
		f.Events = append(f.Events, Event{ID: id, Type: head[0].Role, Trigger: head[0].Ref, Args: args})
	case 'A', 'M':
		if len(mid) < 2 || len(mid) > 3 {
			return fmt.Errorf("an attribute is NAME TARGET [VALUE]")
		}
		a := Attr{ID: id, Name: mid[0], Target: mid[1]}
		if len(mid) == 3 {
			a.Value = mid[2]
		}
		f.Attributes = append(f.Attributes, a)
	case 'N':
		if len(mid) != 3 || !strings.Contains(mid[2], ":") {
			return fmt.Errorf("a normalization is TYPE TARGET DB:ID")
		}
		db, key, _ := strings.Cut(mid[2], ":")
		f.Norms = append(f.Norms, Norm{ID: id, Type: mid[0], Target: mid[1], DB: db, Key: key, Text: rest})
	case '#':
		target := ""
		if len(mid) > 1 {
			target = mid[1]
		}
		f.Notes = append(f.Notes, Note{ID: id, Type: mid[0], Target: target, Text: rest})
	case '*':
		f.Equivs = append(f.Equivs, line)
	default:
		return fmt.Errorf("unknown annotation type %q", id[:1])
	}
	return nil
}

// parseSpans reads "start end;start end".
func parseSpans(s string) ([]storage.Range, error) {
	var out []storage.Range
	for _, part := range strings.Split(s, ";") {
		nums := strings.Fields(part)
		if len(nums) != 2 {
			return nil, fmt.Errorf("bad span %q", part)
		}
		a, err1 := strconv.Atoi(nums[0])
		b, err2 := strconv.Atoi(nums[1])
		if err1 != nil || err2 != nil || a < 0 || b < a {
			return nil, fmt.Errorf("bad span %q", part)
		}
		out = append(out, storage.Range{Start: a, End: b})
	}
	return out, nil
}

func parseArgs(fields []string) ([]Arg, error) {
	var out []Arg
	for _, f := range fields {
		role, ref, ok := strings.Cut(f, ":")
		if !ok || role == "" || ref == "" {
			return nil, fmt.Errorf("bad argument %q", f)
		}
		out = append(out, Arg{Role: role, Ref: ref})
	}
	return out, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// Format writes f in brat standoff syntax, in the order T, E, R, A, N, #, *.
func (f *File) Format() []byte {
	var b bytes.Buffer
	for _, e := range f.Entities {
		var parts []string
		for _, s := range e.Spans {
			parts = append(parts, fmt.Sprintf("%d %d", s.Start, s.End))
		}
		fmt.Fprintf(&b, "%s\t%s %s\t%s\n", e.ID, e.Label, strings.Join(parts, ";"), e.Text)
	}
	for _, e := range f.Events {
		fmt.Fprintf(&b, "%s\t%s:%s", e.ID, e.Type, e.Trigger)
		for _, a := range e.Args {
			fmt.Fprintf(&b, " %s:%s", a.Role, a.Ref)
		}
		b.WriteByte('\n')
	}
	for _, r := range f.Relations {
		fmt.Fprintf(&b, "%s\t%s %s:%s %s:%s\n", r.ID, r.Type, r.Args[0].Role, r.Args[0].Ref, r.Args[1].Role, r.Args[1].Ref)
	}
	for _, a := range f.Attributes {
		if a.Value == "" {
			fmt.Fprintf(&b, "%s\t%s %s\n", a.ID, a.Name, a.Target)
		} else {
			fmt.Fprintf(&b, "%s\t%s %s %s\n", a.ID, a.Name, a.Target, a.Value)
		}
	}
	for _, n := range f.Norms {
		fmt.Fprintf(&b, "%s\t%s %s %s:%s\t%s\n", n.ID, n.Type, n.Target, n.DB, n.Key, n.Text)
	}
	for _, n := range f.Notes {
		fmt.Fprintf(&b, "%s\t%s %s\t%s\n", n.ID, n.Type, n.Target, n.Text)
	}
	for _, l := range f.Equivs {
		b.WriteString(l + "\n")
	}
	return b.Bytes()
}
