package doc

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// want is what a test expects of a Result; empty fields are not checked
// except Text, which is compared exactly unless contains is used instead.
type want struct {
	title, text, format, byline, outlet, published, url string
	contains, absent                                    []string // substrings of Text
	notice                                              string   // a substring of some notice
}

// check compares res with w, and checks the invariants every Result
// keeps: NFC text without CR, file name set.
func check(t *testing.T, name string, res *Result, w want) {
	t.Helper()
	d := res.Doc
	if !norm.NFC.IsNormalString(d.Text) || strings.ContainsRune(d.Text, '\r') {
		t.Errorf("text is not NFC with \\n line endings: %q", d.Text)
	}
	if d.FileName != name {
		t.Errorf("FileName = %q, want %q", d.FileName, name)
	}
	fields := []struct{ label, got, want string }{
		{"Title", d.Title, w.title}, {"Format", d.Format, w.format}, {"Byline", d.Byline, w.byline},
		{"Outlet", d.Outlet, w.outlet}, {"Published", d.Published, w.published}, {"URL", d.URL, w.url},
	}
	for _, f := range fields {
		if f.want != "" && f.got != f.want {
			t.Errorf("%s = %q, want %q", f.label, f.got, f.want)
		}
	}
	if w.text != "" && d.Text != w.text {
		t.Errorf("Text = %q\nwant   %q", d.Text, w.text)
	}
	for _, s := range w.contains {
		if !strings.Contains(d.Text, s) {
			t.Errorf("Text %q does not contain %q", d.Text, s)
		}
	}
	for _, s := range w.absent {
		if strings.Contains(d.Text, s) {
			t.Errorf("Text %q contains %q", d.Text, s)
		}
	}
	if w.notice != "" && !slices.ContainsFunc(res.Notices, func(n string) bool { return strings.Contains(n, w.notice) }) {
		t.Errorf("Notices %q do not mention %q", res.Notices, w.notice)
	}
	if w.notice == "" && len(res.Notices) > 0 {
		t.Errorf("unexpected notices %q", res.Notices)
	}
}

// readCase is one file given to Read and what it should give.
type readCase struct {
	name string // file name, with the extension that matters
	data []byte
	want want
}

// runReadCases reads each case and checks it.
func runReadCases(t *testing.T, cases []readCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(tc.name, tc.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			check(t, tc.name, res, tc.want)
		})
	}
}
