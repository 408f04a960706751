package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/report"
)

// table makes a report table by hand: rows by columns (nil for one
// dimension) with the given counts, shares of each row's total.
func table(spec report.Spec, rows, cols []report.Category, counts [][]int) *report.Table {
	t := &report.Table{Spec: spec, Rows: rows, Cols: cols}
	for i := range rows {
		var cells []report.Cell
		whole := 0
		for _, n := range counts[i] {
			whole += n
		}
		for _, n := range counts[i] {
			cells = append(cells, report.Cell{Count: n, Share: float64(n) / float64(max(whole, 1))})
		}
		t.Cells = append(t.Cells, cells)
		t.RowTotals = append(t.RowTotals, report.Cell{Count: whole})
		t.Total.Count += whole
	}
	if cols == nil { // one dimension: shares of the table's total
		for i := range t.Cells {
			t.Cells[i][0].Share = float64(t.Cells[i][0].Count) / float64(t.Total.Count)
		}
	}
	return t
}

func cats(labels ...string) []report.Category {
	var out []report.Category
	for _, l := range labels {
		c := report.Category{Key: l, Label: l}
		switch l {
		case "(not set)":
			c.Key, c.Missing = "", true
		case "(no speaker)", "(no date)":
			c.Key, c.Missing = storage.NoValue, true
		}
		out = append(out, c)
	}
	return out
}

// svgParts parses an SVG (failing the test if it is not XML) and returns
// its filled shapes' colours (background and unfilled paths left out) and
// its texts.
func svgParts(t *testing.T, data []byte, background string) (fills, texts []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "text"
			if e.Name.Local != "path" {
				continue
			}
			for _, a := range e.Attr {
				if a.Name.Local != "style" {
					continue
				}
				for _, part := range strings.Split(a.Value, ";") {
					if f, ok := strings.CutPrefix(part, "fill:"); ok && f != "none" && !strings.EqualFold(f, background) {
						fills = append(fills, strings.ToUpper(f))
					}
				}
			}
		case xml.CharData:
			if inText {
				texts = append(texts, strings.TrimSpace(string(e)))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return fills, texts
}

func render(t *testing.T, tab *report.Table, format string, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(tab, &buf, format, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hasAll(t *testing.T, what string, texts []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(texts, w) {
			t.Errorf("%s: no text %q in %q", what, w, texts)
		}
	}
}

// Each kind of chart renders to SVG with one shape per bar, segment or
// cell of the table, and its labels.
func TestChartsMatchTheirTables(t *testing.T) {
	gender := table(report.Spec{Title: "Quotes by gender", Count: report.CountQuotes, By: []report.Dim{report.ByGender}},
		cats("woman", "man", "(not set)", "(no speaker)"), nil, [][]int{{4}, {4}, {1}, {1}})
	if KindFor(gender) != Bar {
		t.Fatalf("kind %s", KindFor(gender))
	}
	fills, texts := svgParts(t, render(t, gender, "svg", Options{}), "#FFFFFF")
	if len(fills) != 4 || fills[0] != "#1F4E79" || fills[2] != "#C8C8C8" || fills[3] != "#6E6E6E" {
		t.Errorf("bar chart: %d bars %v, want 4: blue, blue, light grey, dark grey", len(fills), fills)
	}
	hasAll(t, "bar chart", texts, "Quotes by gender", "woman", "man", "(not set)", "(no speaker)", "4 (40%)", "1 (10%)")

	codes := table(report.Spec{Title: "Coded spans by code", Count: report.CountCoded, By: []report.Dim{report.ByCode}},
		[]report.Category{{Key: "e", Label: "Economy", Color: "#AA3377"}, {Key: "s", Label: "Safety", Color: "#228833"}, {Key: "x", Label: "Plain"}},
		nil, [][]int{{3}, {2}, {1}})
	fills, _ = svgParts(t, render(t, codes, "svg", Options{}), "#FFFFFF")
	if !slices.Equal(fills, []string{"#AA3377", "#228833", "#1F4E79"}) {
		t.Errorf("codes take their codebook colours: %v", fills)
	}

	var many []string
	var counts [][]int
	for i := range 25 {
		many = append(many, fmt.Sprintf("speaker %02d", i))
		counts = append(counts, []int{30 - i})
	}
	speakers := table(report.Spec{Title: "Quotes by speaker", Count: report.CountQuotes, By: []report.Dim{report.BySpeaker}}, cats(many...), nil, counts)
	fills, texts = svgParts(t, render(t, speakers, "svg", Options{}), "#FFFFFF")
	if len(fills) != 20 {
		t.Errorf("25 speakers drawn as %d bars, want the first 20", len(fills))
	}
	hasAll(t, "long bar chart", texts, "speaker 00", "speaker 19", "quotes (the first 20 of 25 speakers shown)")

	voice := table(report.Spec{Title: "Share of voice", Count: report.CountQuotes, By: []report.Dim{report.ByOutlet, report.ByGender}},
		cats("Gazette", "Tribune"), cats("woman", "man", "(no speaker)"), [][]int{{3, 1, 2}, {1, 3, 0}})
	if KindFor(voice) != StackedBar {
		t.Fatalf("kind %s", KindFor(voice))
	}
	fills, texts = svgParts(t, render(t, voice, "svg", Options{}), "#FFFFFF")
	if len(fills) != 2*3+3 {
		t.Errorf("stacked bars: %d shapes %v, want 6 segments and 3 legend keys", len(fills), fills)
	}
	hasAll(t, "stacked bars", texts, "Gazette", "Tribune", "woman", "man", "(no speaker)", "50%", "17%", "33%", "25%", "75%")

	months := table(report.Spec{Title: "Quotes by month and gender", Count: report.CountQuotes, By: []report.Dim{report.ByMonth, report.ByGender}},
		cats("2024-01", "2024-02", "2024-03", "(no date)"), cats("woman", "man"), [][]int{{2, 1}, {0, 0}, {2, 2}, {0, 1}})
	if KindFor(months) != Line {
		t.Fatalf("kind %s", KindFor(months))
	}
	_, texts = svgParts(t, render(t, months, "svg", Options{}), "#FFFFFF")
	hasAll(t, "lines", texts, "2024-01", "2024-02", "2024-03", "woman", "man")
	if slices.Contains(texts, "(no date)") {
		t.Error("the undated row is on the time axis")
	}

	pairs := table(report.Spec{Title: "Codes on the same span", Count: report.CountSpanPairs, By: []report.Dim{report.ByCode, report.ByCode}},
		[]report.Category{{Key: "e", Label: "Economy"}, {Key: "s", Label: "Safety"}, {Key: "c", Label: "Climate"}}, nil,
		[][]int{{3, 1, 1}, {1, 2, 0}, {1, 0, 1}})
	pairs.Cols = pairs.Rows
	if KindFor(pairs) != HeatMap {
		t.Fatalf("kind %s", KindFor(pairs))
	}
	fills, texts = svgParts(t, render(t, pairs, "svg", Options{}), "#FFFFFF")
	if len(fills) != 3*3-3 {
		t.Errorf("heat map: %d cells, want 6 (the diagonal blank)", len(fills))
	}
	hasAll(t, "heat map", texts, "Economy", "Safety", "Climate", "1", "0")
	if slices.Contains(texts, "3") || slices.Contains(texts, "2") {
		t.Errorf("the diagonal is labelled: %q", texts)
	}

	// PNG, light and dark.
	for _, dark := range []bool{false, true} {
		img, err := png.Decode(bytes.NewReader(render(t, voice, "png", Options{Dark: dark})))
		if err != nil {
			t.Fatal(err)
		}
		r, g, b, _ := img.At(1, 1).RGBA()
		if light := r+g+b > 3*0x8000; light == dark || img.Bounds().Dx() < 400 {
			t.Errorf("dark %v: a %v image with corner (%d, %d, %d)", dark, img.Bounds(), r>>8, g>>8, b>>8)
		}
	}
	_, texts = svgParts(t, render(t, voice, "svg", Options{Dark: true}), "#1E1E1E")
	hasAll(t, "dark stacked bars", texts, "Gazette")
}

// Bad requests get a message.
func TestChartErrors(t *testing.T) {
	one := table(report.Spec{Title: "x", Count: report.CountQuotes, By: []report.Dim{report.ByGender}}, cats("woman"), nil, [][]int{{1}})
	for _, c := range []struct {
		format string
		opts   Options
		want   string
	}{
		{"pdf", Options{}, `no chart format "pdf"`},
		{"svg", Options{Kind: StackedBar}, "needs a table of two dimensions"},
		{"svg", Options{Kind: HeatMap}, "codes by codes"},
		{"svg", Options{Kind: "pie"}, `no chart "pie"`},
	} {
		if err := Render(one, io.Discard, c.format, c.opts); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %+v: %v", c.format, c.opts, err)
		}
	}
	empty := table(report.Spec{Title: "none", Count: report.CountQuotes, By: []report.Dim{report.BySpeaker}}, nil, nil, nil)
	for _, f := range []string{"png", "svg"} {
		if err := Render(empty, io.Discard, f, Options{}); err != nil {
			t.Errorf("an empty table as %s: %v", f, err)
		}
	}
}
