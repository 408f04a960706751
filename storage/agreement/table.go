package agreement

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/saywho-app/saywho/storage"
)

// WriteText writes the report as aligned plain-text tables: the coders; for
// every kind marked on the compared documents (and over all of them, when
// more than one was), the alpha and each coder pair's exact and overlap F1
// with their counts; then the attribution agreement.
func (r *Report) WriteText(w io.Writer) error {
	var names []string
	for _, c := range r.Coders {
		noun := "documents"
		if c.Documents == 1 {
			noun = "document"
		}
		names = append(names, fmt.Sprintf("%s (%d %s)", c.Name, c.Documents, noun))
	}
	fmt.Fprintf(w, "Coders: %s\nDocuments coded by two or more of them: %d\n\n", strings.Join(names, ", "), r.Documents)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\talpha\tcoders\tdocs\texact F1\tmatched/only 1st/only 2nd\toverlap F1\tmatched/only 1st/only 2nd")
	var rows []KindResult
	var unused []string
	for _, k := range r.Kinds {
		if k.marked() {
			rows = append(rows, k)
		} else {
			unused = append(unused, kindLabel(k.Kind))
		}
	}
	if len(rows) > 1 {
		rows = append(rows, r.Overall)
	}
	for _, k := range rows {
		label := kindLabel(k.Kind)
		alpha := k.Alpha.String()
		for _, p := range k.Pairs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", label, alpha, r.pairName(p.A, p.B), p.Documents,
				p.Exact.F1, p.Exact.counts(), p.Overlap.F1, p.Overlap.counts())
			label, alpha = "", ""
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(unused) > 0 {
		fmt.Fprintf(w, "Not marked by any of them on these documents: %s.\n", strings.Join(unused, ", "))
	}
	if len(r.Attribution) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nAttribution: quotes matched by overlap, said by the same speaker")
	fmt.Fprintln(tw, "coders\tmatched\tneither linked\tcompared\tsame speaker\tagreement")
	for _, a := range r.Attribution {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", r.pairName(a.A, a.B), a.Matched, a.Unlinked, a.Compared, a.Agreed, a.Share)
	}
	return tw.Flush()
}

func (r *Report) pairName(a, b string) string { return r.Name(a) + " – " + r.Name(b) }

func (m Match) counts() string { return fmt.Sprintf("%d/%d/%d", m.Matched, m.OnlyA, m.OnlyB) }

func kindLabel(k storage.Kind) string {
	if k == "" {
		return "all kinds"
	}
	return strings.ReplaceAll(string(k), "_", " ")
}

// marked reports whether any coder marked a span of the kind on a document
// that is compared.
func (k KindResult) marked() bool {
	for _, p := range k.Pairs {
		if p.Exact.Matched+p.Exact.OnlyA+p.Exact.OnlyB > 0 {
			return true
		}
	}
	return false
}
