package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/evaluate"
)

func runEvaluate(e *env, args []string) error {
	fs := newFlags(e, "evaluate", "PROJECT --gold CODER[,CODER...] [--pred detector|CODER] [--overlap 0.3] [--json]",
		"Compares predicted quotes (the detector's suggestions, or a coder's work) with a gold\n"+
			"coder's on the documents both cover, with the SFU Gender Gap Tracker's definitions:\n"+
			"quote precision, recall and F1 where a prediction covers at least --overlap of a gold\n"+
			"quote's words (one to one), the same at exact match, speaker accuracy on matched quotes,\n"+
			"cue precision and recall by overlap; then the predictions by rule and the failure\n"+
			"classes. With several gold coders, each document is compared with the first listed\n"+
			"coder who annotated it. See docs/detector.md. Exits 1 when nothing can be compared.")
	gold := fs.String("gold", "", "the gold coder(s): names or ids, comma-separated, in order of precedence")
	pred := fs.String("pred", "detector", "what is evaluated: detector (its suggestions, in any state) or a coder")
	overlap := fs.Float64("overlap", evaluate.DefaultOverlap, "share of a gold quote's words a prediction must cover (0 < x ≤ 1)")
	docs := documentsFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	path, err := projectArg(fs, args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*gold) == "" {
		return usageError{"give the gold coder with --gold CODER"}
	}
	if *overlap <= 0 || *overlap > 1 {
		return usageError{"--overlap must be above 0 and at most 1"}
	}
	p, err := openProject(path, true)
	if err != nil {
		return err
	}
	defer p.Close()
	opts := evaluate.Options{Overlap: *overlap, DocumentIDs: *docs}
	if opts.Gold, err = coderIDs(p, *gold); err != nil {
		return err
	}
	if *pred != storage.OriginDetector {
		a, err := findCoder(p, *pred)
		if err != nil {
			return err
		}
		opts.Pred = a.ID
	}
	b, err := p.Snapshot(context.Background(), storage.SnapshotOptions{DocumentIDs: *docs, IncludeSuggestions: true})
	if err != nil {
		return err
	}
	r, err := evaluate.Compute(b, opts)
	if errors.Is(err, evaluate.ErrNothingToCompare) {
		return fmt.Errorf("no document has annotations by %s and by %s", *gold, *pred)
	}
	if err != nil {
		return err
	}
	if opts.Pred == "" && r.Empty == r.Documents {
		fmt.Fprintln(e.stderr, "saywho evaluate: the detector has no suggestions in these documents; run saywho detect first")
	}
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	names := map[string]string{}
	for _, a := range b.Annotators {
		names[a.ID] = a.Name
	}
	return r.WriteText(e.stdout, func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	})
}
