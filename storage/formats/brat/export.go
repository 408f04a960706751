// Package brat reads and writes brat standoff annotation (NAME.txt with
// NAME.ann, or NAME_CODER.ann per coder as PolNeAR does): T spans
// (discontinuous as "start end;start end"), E events, R relations, A
// attributes, N normalizations and # notes, offsets in code points.
//
// Labels map to Saywho kinds through a Mapping, by default the PARC/PolNeAR
// attribution scheme. Whatever has no Saywho field is kept so that an
// import exported again reproduces it: unknown labels in the "label"
// attribute, events on their trigger's annotation (AttrEvent), codes as
// "Code" attributes, a detector's origin and state as "Saywho_origin" and
// "Saywho_state" attributes, speaker links as Saywho:/Wikidata:
// normalizations.
package brat

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/atomicfile"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

// Options control Export and Render.
type Options struct {
	// Mapping gives the labels written for kinds and relations; nil means
	// DefaultMapping.
	Mapping *Mapping
	// CoderFiles writes NAME_CODER.ann even when only one coder annotated.
	// With several coders it is always so.
	CoderFiles bool
	// NoConf leaves out annotation.conf (which lets brat show the files).
	NoConf bool
}

// OutFile is one file of an export.
type OutFile struct {
	Name string
	Data []byte
}

// Export writes the bundle as a folder of brat files at dir, atomically
// (see atomicfile.WriteDirAtomic). It returns what could not be written.
func Export(b *storage.Bundle, dir string, opts Options) ([]string, error) {
	files, report, err := Render(b, opts)
	if err != nil {
		return nil, err
	}
	err = atomicfile.WriteDirAtomic(dir, func(tmp string) error {
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Data, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	return report, err
}

// Render returns the files of a brat export and what could not be written.
func Render(b *storage.Bundle, opts Options) ([]OutFile, []string, error) {
	m := DefaultMapping()
	if opts.Mapping != nil {
		m = *opts.Mapping
	}
	x := lookup.New(b)
	w := &writer{m: m, x: x, tally: map[string]int{}, conf: newConf()}
	coderFiles := opts.CoderFiles || usedAnnotators(b) > 1
	var out []OutFile
	stems := map[string]bool{}
	for i := range b.Documents {
		d := &b.Documents[i]
		stem := unique(stems, docStem(d))
		out = append(out, OutFile{Name: stem + ".txt", Data: []byte(d.Text)})
		byCoder := map[string][]*storage.Annotation{}
		var coders []string
		for _, a := range x.ByDoc[d.ID] {
			if byCoder[a.AnnotatorID] == nil {
				coders = append(coders, a.AnnotatorID)
			}
			byCoder[a.AnnotatorID] = append(byCoder[a.AnnotatorID], a)
		}
		if !coderFiles {
			out = append(out, OutFile{Name: stem + ".ann", Data: w.file(byCoder[firstOr(coders)]).Format()})
			continue
		}
		names := map[string]bool{}
		for _, c := range coders {
			name := unique(names, sanitize(x.AnnotatorName(c), "coder"))
			if name != x.AnnotatorName(c) {
				w.count("coder name %q written as %q", x.AnnotatorName(c), name)
			}
			out = append(out, OutFile{Name: stem + "_" + name + ".ann", Data: w.file(byCoder[c]).Format()})
		}
	}
	if !opts.NoConf {
		out = append(out, OutFile{Name: "annotation.conf", Data: w.conf.render()})
	}
	if len(b.Memos) > 0 {
		w.count("%d document memos are not written (brat has no notes on a whole text)", len(b.Memos))
	}
	return out, w.flush(), nil
}

func firstOr(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// usedAnnotators counts the coders with annotations.
func usedAnnotators(b *storage.Bundle) int {
	seen := map[string]bool{}
	for _, a := range b.Annotations {
		seen[a.AnnotatorID] = true
	}
	return len(seen)
}

var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}._-]+`)

// docStem is the file name stem for a document: its file name without
// extension, else its title, made safe for every file system.
func docStem(d *storage.Document) string {
	s := strings.TrimSuffix(filepath.Base(d.FileName), filepath.Ext(d.FileName))
	if d.FileName == "" {
		s = d.Title
	}
	return sanitize(s, "document")
}

func sanitize(s, fallback string) string {
	s = strings.TrimLeft(unsafeName.ReplaceAllString(s, "-"), ".")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80])
	}
	if s == "" {
		return fallback
	}
	return s
}

// unique returns name, or name-2, name-3, ... when taken, and takes it.
func unique(taken map[string]bool, name string) string {
	n := name
	for i := 2; taken[strings.ToLower(n)]; i++ {
		n = fmt.Sprintf("%s-%d", name, i)
	}
	taken[strings.ToLower(n)] = true
	return n
}
