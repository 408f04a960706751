package cli

import (
	"context"
	"fmt"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/detect"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// detectSummary is what saywho detect did, for --json.
type detectSummary struct {
	Documents   int                     `json:"documents"` // documents the detector ran on
	Skipped     int                     `json:"skipped"`   // documents that already had suggestions (no --replace)
	Suggestions storage.SuggestReport   `json:"suggestions"`
	NewSpeakers int                     `json:"new_speakers"` // distinct names proposed for the registry
	PerDocument []detectDocumentSummary `json:"per_document"`
}

type detectDocumentSummary struct {
	ID      string                `json:"id"`
	Title   string                `json:"title"`
	Skipped bool                  `json:"skipped,omitempty"`
	Report  storage.SuggestReport `json:"report"`
}

func runDetect(e *env, args []string) error {
	fs := newFlags(e, "detect", "PROJECT [--document ID]... [--replace] [--json]",
		"Suggests quotes, their cues and their speakers in the project's documents with Saywho's\n"+
			"rule-based detector (see docs/detector.md). Suggestions are annotations of origin\n"+
			"detector in state suggested: coders accept or reject them; exports leave them out.\n"+
			"A document that already has suggestions is skipped unless --replace, which replaces\n"+
			"its pending suggestions. Spans a coder rejected or accepted are not proposed again;\n"+
			"with --coder, nothing is proposed where that coder's annotation of the same kind lies.")
	docs := documentsFlag(fs)
	replace := fs.Bool("replace", false, "replace the pending suggestions of documents that have some")
	coder := fs.String("coder", "", "propose nothing where this coder already marked a span of the same kind")
	asJSON := fs.Bool("json", false, "print JSON")
	path, err := projectArg(fs, args)
	if err != nil {
		return err
	}
	p, err := openProject(path, false)
	if err != nil {
		return err
	}
	defer p.Close()
	targets, err := detectTargets(p, *docs)
	if err != nil {
		return err
	}
	speakers, err := p.Speakers(context.Background())
	if err != nil {
		return err
	}
	plain := make([]storage.Speaker, len(speakers))
	for i, s := range speakers {
		plain[i] = s.Speaker
	}
	reg := detect.NewRegistry(plain)
	var opts storage.SuggestOptions
	if *coder != "" {
		a, err := findCoder(p, *coder)
		if err != nil {
			return err
		}
		opts.Coders = []string{a.ID}
	}
	var sum detectSummary
	proposed := map[string]bool{}
	for _, d := range targets {
		ds := detectDocumentSummary{ID: d.ID, Title: d.Title}
		if !*replace {
			has, err := hasSuggestions(p, d.ID)
			if err != nil {
				return err
			}
			if has {
				ds.Skipped = true
				sum.Skipped++
				sum.PerDocument = append(sum.PerDocument, ds)
				continue
			}
		}
		full, err := p.Document(context.Background(), d.ID)
		if err != nil {
			return err
		}
		res := detect.Detect(full.Text, reg)
		for _, n := range res.NewSpeakers {
			proposed[n] = true
		}
		if ds.Report, err = p.ReplaceSuggestions(context.Background(), d.ID, res.Suggestions(), opts); err != nil {
			return fmt.Errorf("%q: %w", d.Title, err)
		}
		sum.Documents++
		r := &sum.Suggestions
		r.Added += ds.Report.Added
		r.Replaced += ds.Report.Replaced
		r.Rejected += ds.Report.Rejected
		r.Covered += ds.Report.Covered
		sum.PerDocument = append(sum.PerDocument, ds)
	}
	sum.NewSpeakers = len(proposed)
	if *asJSON {
		return writeJSON(e.stdout, sum)
	}
	r := sum.Suggestions
	fmt.Fprintf(e.stdout, "Suggested %d quote(s) in %d document(s); %d name(s) proposed as new speakers.\n", r.Added, sum.Documents, sum.NewSpeakers)
	if r.Replaced > 0 {
		fmt.Fprintf(e.stdout, "Replaced %d pending suggestion(s) (quotes, cues and mentions).\n", r.Replaced)
	}
	if r.Rejected > 0 || r.Covered > 0 {
		fmt.Fprintf(e.stdout, "Not proposed: %d rejected before, %d accepted or already marked by the coder.\n", r.Rejected, r.Covered)
	}
	if sum.Skipped > 0 {
		fmt.Fprintf(e.stdout, "Skipped %d document(s) that already have suggestions (use --replace).\n", sum.Skipped)
	}
	return nil
}

// detectTargets returns the documents to run on: those given, else all.
func detectTargets(p *sqlite.Project, ids []string) ([]storage.DocumentSummary, error) {
	all, err := p.Documents(context.Background())
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return all, nil
	}
	var out []storage.DocumentSummary
	for _, id := range ids {
		found := false
		for _, d := range all {
			if d.ID == id {
				out = append(out, d)
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("no document %s in the project", id)
		}
	}
	return out, nil
}

// hasSuggestions reports whether the detector has annotations (in any
// state) in the document.
func hasSuggestions(p *sqlite.Project, docID string) (bool, error) {
	anns, err := p.Annotations(context.Background(), storage.Filter{DocumentID: docID})
	if err != nil {
		return false, err
	}
	for _, a := range anns {
		if a.Origin == storage.OriginDetector {
			return true, nil
		}
	}
	return false, nil
}
