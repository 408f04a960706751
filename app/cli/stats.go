package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

func runStats(e *env, args []string) error {
	fs := newFlags(e, "stats", "PROJECT [--json]", "Counts documents, annotations by kind and by coder, relations, speakers, codes and coders,\n"+
		"and the detector's suggested quotes: pending, accepted, corrected (edited after being\n"+
		"accepted) and rejected.")
	asJSON := fs.Bool("json", false, "print JSON")
	p, _, err := openArgs(fs, args, 0, "give exactly one project")
	if err != nil {
		return err
	}
	defer p.Close()
	st, err := p.Stats()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, st)
	}
	printStats(e, p.Info().Name, st)
	return nil
}

func printStats(e *env, name string, st storage.Stats) {
	fmt.Fprintf(e.stdout, "Project:     %s\nDocuments:   %d\nAnnotations: %d\n", name, st.Documents, st.Annotations)
	for _, k := range storage.Kinds {
		fmt.Fprintf(e.stdout, "  %-16s %d\n", strings.ReplaceAll(string(k), "_", " "), st.ByKind[string(k)])
	}
	fmt.Fprintf(e.stdout, "Relations:   %d\nSpeakers:    %d\nCodes:       %d\nCoders:      %d\nMemos:       %d\n",
		st.Relations, st.Speakers, st.Codes, st.Annotators, st.Memos)
	if q := st.QuoteSuggestions; st.Suggestions.Total() > 0 {
		fmt.Fprintf(e.stdout, "Suggested quotes: %d pending, %d accepted, %d corrected, %d rejected (%d suggestions of all kinds)\n",
			q.Pending, q.Accepted, q.Corrected, q.Rejected, st.Suggestions.Total())
	}
	var coders []string
	for c := range st.ByAnnotator {
		coders = append(coders, c)
	}
	sort.Strings(coders)
	for _, c := range coders {
		fmt.Fprintf(e.stdout, "  %-16s %d annotations\n", c, st.ByAnnotator[c])
	}
}
