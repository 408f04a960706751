package locale

import (
	"reflect"
	"testing"
)

func TestMend(t *testing.T) {
	cases := []struct {
		in      []string
		want    []string
		changed bool
	}{
		{in: nil, want: nil},
		{in: []string{"en-US"}, want: []string{"en-US"}},
		{in: []string{"de", "fr-CA"}, want: []string{"de", "fr-CA"}},
		{in: []string{"C"}, want: []string{"en"}, changed: true},             // LANG=C.UTF-8
		{in: []string{"POSIX"}, want: []string{"en"}, changed: true},         // LANG=POSIX.UTF-8
		{in: []string{"de-DE@euro"}, want: []string{"de-DE"}, changed: true}, // a modifier
		{in: []string{"C", "fr"}, want: []string{"fr"}, changed: true},       // LANGUAGE=C:fr
		{in: []string{"sr-RS@latin", "C"}, want: []string{"sr-RS"}, changed: true},
		{in: []string{"x"}, want: []string{"en"}, changed: true},
		{in: []string{"en-"}, want: []string{"en"}, changed: true},
		{in: []string{"zh-Hant-TW"}, want: []string{"zh-Hant-TW"}},
		{in: []string{"xx-YY"}, want: []string{"xx-YY"}}, // well-formed: left to Fyne
	}
	for _, c := range cases {
		got, changed := mend(c.in)
		if !reflect.DeepEqual(got, c.want) || changed != c.changed {
			t.Errorf("mend(%q) = %q, %v; want %q, %v", c.in, got, changed, c.want, c.changed)
		}
	}
}

func TestLanguageValue(t *testing.T) {
	for in, want := range map[string]string{"": "", "en-US": "", "C": "en", "de-DE@euro": "de_DE"} {
		var locales []string
		if in != "" {
			locales = []string{in}
		}
		if got := languageValue(locales); got != want {
			t.Errorf("languageValue(%q) = %q, want %q", in, got, want)
		}
	}
}
