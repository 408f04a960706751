package agreement

import (
	"encoding/json"
	"strings"
	"testing"
)

// twoCoders is the "one boundary differs" case: quote alpha 0.808.
func twoCoders(t *testing.T) *Report {
	x := newBuilder(t)
	a, b := x.coder("Ana"), x.coder("Ben Ng")
	d := x.doc("“Yes” 🌊 中文")
	x.span(d, a, quote, 0, 5)
	x.span(d, b, quote, 0, 4)
	return x.compute(Options{})
}

func TestWriteText(t *testing.T) {
	var sb strings.Builder
	if err := twoCoders(t).WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Coders: Ana (1 document), Ben Ng (1 document)",
		"Documents coded by two or more of them: 1",
		"quote 0.808 Ana – Ben Ng 1 0.000 0/1/1 1.000 1/0/0",
		"Not marked by any of them on these documents: speaker mention, claim, cue, code.",
		"Ana – Ben Ng 1 1 0 0 n/a",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "all kinds") {
		t.Errorf("a total row for a single marked kind:\n%s", out)
	}
}

func TestReportJSON(t *testing.T) {
	r := twoCoders(t)
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.Contains(s, `"kind":"speaker_mention","alpha":null`) || !strings.Contains(s, `"f1":1}`) {
		t.Errorf("JSON: %s", s)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Kinds[1].Alpha.Defined() || back.Kinds[0].Alpha.String() != "0.808" || back.Overall.Pairs[0].Overlap.F1 != 1 {
		t.Errorf("round trip: %+v", back)
	}
}

func TestRatio(t *testing.T) {
	for _, tc := range []struct {
		r          Ratio
		text, json string
	}{
		{ratio(2, 3), "0.667", "0.6666666666666666"},
		{ratio(1, 0), "n/a", "null"},
		{Ratio(-0.5), "-0.500", "-0.5"},
	} {
		j, _ := tc.r.MarshalJSON()
		if tc.r.String() != tc.text || string(j) != tc.json {
			t.Errorf("%v: %q %s, want %q %s", float64(tc.r), tc.r.String(), j, tc.text, tc.json)
		}
	}
	var r Ratio
	if err := r.UnmarshalJSON([]byte(`"x"`)); err == nil {
		t.Error("a string was read as a ratio")
	}
}
