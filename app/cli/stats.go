package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

func runStats(e *env, args []string) error {
	fs := newFlags(e, "stats", "PROJECT [--json]", "Counts documents, annotations by kind and by coder, relations, speakers, codes, coders\nand document sets with their sizes.")
	asJSON := fs.Bool("json", false, "print JSON")
	p, _, err := openArgs(fs, args, 0, "give exactly one project")
	if err != nil {
		return err
	}
	defer p.Close()
	st, err := p.Stats(context.Background())
	if err != nil {
		return err
	}
	quotes, all, err := p.SuggestionStats(context.Background())
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, struct {
			storage.Stats
			Suggestions      storage.SuggestionCounts `json:"suggestions"`       // all kinds
			QuoteSuggestions storage.SuggestionCounts `json:"quote_suggestions"` // quotes only
		}{st, all, quotes})
	}
	printStats(e, p.Info().Name, st)
	if all.Total() > 0 {
		fmt.Fprintf(e.stdout, "Suggested quotes: %d pending, %d accepted, %d corrected, %d rejected (%d suggestions of all kinds)\n",
			quotes.Pending, quotes.Accepted, quotes.Corrected, quotes.Rejected, all.Total())
	}
	return nil
}

func printStats(e *env, name string, st storage.Stats) {
	fmt.Fprintf(e.stdout, "Project:     %s\nDocuments:   %d\nAnnotations: %d\n", textutil.Printable(name), st.Documents, st.Annotations)
	for _, k := range storage.Kinds {
		fmt.Fprintf(e.stdout, "  %-16s %d\n", strings.ReplaceAll(string(k), "_", " "), st.ByKind[string(k)])
	}
	fmt.Fprintf(e.stdout, "Relations:   %d\nSpeakers:    %d\nCodes:       %d\nCoders:      %d\nMemos:       %d\n",
		st.Relations, st.Speakers, st.Codes, st.Annotators, st.Memos)
	var coders []string
	for c := range st.ByAnnotator {
		coders = append(coders, c)
	}
	sort.Strings(coders)
	for _, c := range coders {
		fmt.Fprintf(e.stdout, "  %-16s %d annotations\n", textutil.Printable(c), st.ByAnnotator[c])
	}
	fmt.Fprintf(e.stdout, "Sets:        %d\n", st.Sets)
	var sets []string
	for s := range st.BySet {
		sets = append(sets, s)
	}
	sort.Slice(sets, func(i, j int) bool { return strings.ToLower(sets[i]) < strings.ToLower(sets[j]) })
	for _, s := range sets {
		fmt.Fprintf(e.stdout, "  %-16s %d documents\n", s, st.BySet[s])
	}
}
