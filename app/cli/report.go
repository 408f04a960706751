package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage/formats/atomicfile"
	"github.com/saywho-app/saywho/storage/report"
	"github.com/saywho-app/saywho/storage/report/chart"
)

// reportFormats are the outputs of saywho report.
var reportFormats = []string{"table", "csv", "json", "png", "svg"}

func runReport(e *env, args []string) error {
	var dims []string
	for _, d := range report.Dims {
		dims = append(dims, string(d))
	}
	fs := newFlags(e, "report", "PROJECT --by DIM [--by DIM] [--format F] [-o OUT]",
		"Counts who gets quoted: quotes (or claims, coded spans, codes together, documents) grouped by one\n"+
			"dimension (rows) or two (rows and columns), as a table, CSV (one line per cell, for pandas and R),\n"+
			"JSON, or a chart (PNG or SVG: bars, stacked bars of shares, a line over time, a heat map).\n"+
			"Dimensions: "+strings.Join(dims, ", ")+".\n"+
			"By default quotes are counted; check-worthiness or verdict count claims, code alone counts coded\n"+
			"spans, code twice counts codes on the same span. Detector suggestions not accepted never count.\n"+
			"Example: saywho report study.saywho --by outlet --by gender --layer gold --format png -o voice.png")
	var by, outlets, statuses multiFlag
	fs.Var(&by, "by", "group by this dimension (give once or twice: rows, then columns)")
	count := fs.String("count", "", "what to count: quotes, claims, coded, span-pairs, document-pairs, documents (default: from --by)")
	layer := fs.String("layer", "", "only this coder's annotations (name or id; the gold layer's, say)")
	set := fs.String("set", "", "only the documents of this set (name or id)")
	fs.Var(&outlets, "outlet", "only documents of this outlet (repeatable)")
	fs.Var(&statuses, "status", "only documents with this status: new, in_progress, done (repeatable)")
	from := fs.String("from", "", "only documents published on or after this date")
	to := fs.String("to", "", "only documents published on or before this date")
	format := fs.String("format", "table", "output: "+strings.Join(reportFormats, ", "))
	kind := fs.String("chart", "", "png, svg: bar, stacked-bar, line or heat-map (default: chosen from the table)")
	dark := fs.Bool("dark", false, "png, svg: colours for a dark background")
	title := fs.String("title", "", "the table's title (default: made from --count and --by)")
	out := fs.String("o", "", "output file (default: standard output; needed for png)")
	p, _, err := openArgs(fs, args, 0, "give exactly one project")
	if err != nil {
		return err
	}
	defer p.Close()
	spec := report.Spec{Title: *title, Filter: report.Filter{Set: *set, Outlets: outlets, From: *from, To: *to, Statuses: statuses, Layer: *layer}}
	for _, b := range by {
		d, err := report.ParseDim(b)
		if err != nil {
			return usageError{err.Error()}
		}
		spec.By = append(spec.By, d)
	}
	if *count != "" {
		if spec.Count, err = report.ParseCount(*count); err != nil {
			return usageError{err.Error()}
		}
	}
	f := strings.ToLower(*format)
	if !slices.Contains(reportFormats, f) {
		return usageError{fmt.Sprintf("no report format %q (use %s)", *format, strings.Join(reportFormats, ", "))}
	}
	if f == "png" && (*out == "" || *out == "-") {
		return usageError{"a PNG chart needs an output file: -o FILE.png"}
	}
	if _, err := spec.Resolve(); err != nil {
		return usageError{err.Error()}
	}
	ctx := context.Background()
	r, err := report.New(ctx, p)
	if err != nil {
		return err
	}
	t, err := r.Build(ctx, spec)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		switch f {
		case "csv":
			return t.WriteCSV(w)
		case "json":
			return t.WriteJSON(w)
		case "png", "svg":
			return chart.Render(t, w, f, chart.Options{Kind: chart.Kind(*kind), Dark: *dark})
		}
		return t.WriteText(w)
	}
	if *out == "" || *out == "-" || stdoutAliases[*out] {
		return write(e.stdout)
	}
	return atomicfile.WriteFileAtomic(*out, write)
}
