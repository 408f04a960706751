package cli

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
)

func runAgree(e *env, args []string) error {
	fs := newFlags(e, "agree", "PROJECT [--coders A,B,...] [--kind K] [--set NAME] [--document ID]... [--json]",
		"Compares coders who annotated the same documents independently. Per annotation kind:\n"+
			"Krippendorff's alpha (nominal, every code point a unit, all coders), and for each pair\n"+
			"of coders exact-match and overlap F1 with matched / only-first / only-second counts;\n"+
			"for quotes matched by overlap, how often both name the same speaker.\n"+
			"Exits 1 when fewer than two coders annotated the same document. See docs/agreement.md.")
	coders := fs.String("coders", "", "compare only these coders: names or ids, comma-separated (default: every coder)")
	kind := fs.String("kind", "", "only this kind: quote, speaker_mention, claim, cue or code")
	set := fs.String("set", "", "only the documents of this set (name or id)")
	var docs multiFlag
	fs.Var(&docs, "document", "only this document id (repeatable; with --set, documents of the set)")
	asJSON := fs.Bool("json", false, "print JSON")
	suggestions := fs.Bool("include-suggestions", false, "count the detector's pending and rejected suggestions as the coder \"detector\"")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"give exactly one project"}
	}
	opts := agreement.Options{IncludeSuggestions: *suggestions}
	if *kind != "" {
		k := storage.Kind(strings.ReplaceAll(strings.TrimSpace(*kind), " ", "_"))
		if !k.Valid() {
			return usageError{"unknown kind " + *kind + " (quote, speaker_mention, claim, cue, code)"}
		}
		opts.Kinds = []storage.Kind{k}
	}
	p, err := openProject(pos[0], true)
	if err != nil {
		return err
	}
	defer p.Close()
	for _, name := range strings.Split(*coders, ",") {
		if name = strings.TrimSpace(name); name != "" {
			a, err := findCoder(p, name)
			if err != nil {
				return err
			}
			opts.Coders = append(opts.Coders, a.ID)
		}
	}
	setID, err := findSet(p, *set)
	if err != nil {
		return err
	}
	b, err := p.Snapshot(context.Background(), storage.SnapshotOptions{NoText: true, DocumentIDs: docs, SetID: setID, IncludeSuggestions: *suggestions})
	if err != nil {
		return err
	}
	r, err := agreement.Compute(b, opts)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return r.WriteText(e.stdout)
}
