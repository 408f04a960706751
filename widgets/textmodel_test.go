package widgets

import (
	"slices"
	"strings"
	"testing"
)

// tokenTexts returns each token's word part and trailing part.
func tokenTexts(text string) (words, trails []string) {
	runes, toks := tokenize(text)
	for _, t := range toks {
		words = append(words, string(runes[t.start:t.wordEnd()]))
		trails = append(trails, string(runes[t.wordEnd():t.end()]))
	}
	return words, trails
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text    string
		words, trails []string
	}{
		{"empty", "", nil, nil},
		{"words and spaces", "Talks  resume", []string{"Talks", "resume"}, []string{"  ", ""}},
		{"leading space", " a", []string{"", "a"}, []string{" ", ""}},
		{"hard breaks", "a\n\nb", []string{"a", "", "b"}, []string{"\n", "\n", ""}},
		{"CRLF is one break", "a\r\nb\r\n", []string{"a", "b"}, []string{"\r\n", "\r\n"}},
		{"tab and control", "a\tb\x01c", []string{"a", "b", "c"}, []string{"\t", "\x01", ""}},
		{"no-break space joins", "10\u00a0km", []string{"10\u00a0km"}, []string{""}},
		{"hyphen breaks between letters", "well-known 1990-91", []string{"well-", "known", "1990-91"}, []string{"", " ", ""}},
		{"combining marks stay", "cafe\u0301 e\u0301", []string{"cafe\u0301", "e\u0301"}, []string{" ", ""}},
		{"emoji with modifier and ZWJ", "ok 👍🏽 👩‍💻!", []string{"ok", "👍🏽", "👩‍💻!"}, []string{" ", " ", ""}},
		{"CJK breaks anywhere", "日本語です", []string{"日", "本", "語", "で", "す"}, []string{"", "", "", "", ""}},
		{"CJK keeps small kana and closing punctuation", "言った。「はい」と", []string{"言っ", "た。", "「は", "い」", "と"}, []string{"", "", "", "", ""}},
		{"Latin after CJK", "東京Tokyo", []string{"東", "京", "Tokyo"}, []string{"", "", ""}},
		{"Hebrew and Arabic words", "שלום עולם قال", []string{"שלום", "עולם", "قال"}, []string{" ", " ", ""}},
		{"ideographic space", "日本\u3000語", []string{"日", "本", "語"}, []string{"", "\u3000", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, trails := tokenTexts(tt.text)
			if !slices.Equal(words, tt.words) || !slices.Equal(trails, tt.trails) {
				t.Errorf("tokenize(%q)\n words %q trails %q\nwant words %q trails %q", tt.text, words, trails, tt.words, tt.trails)
			}
		})
	}
}

func TestTokenizeCoversText(t *testing.T) {
	huge := strings.Repeat("a", 40000) + strings.Repeat(" ", 70000) + strings.Repeat("é", 20000) + strings.Repeat("👍", 17000)
	for _, text := range []string{sampleText, "a\r\n\r\nb \n", "\xff\xfe bad utf8 \xc3", "👍🏽👍🏽 日本語 שלום\n", huge} {
		runes, toks := tokenize(text)
		if !slices.Equal(runes, []rune(text)) {
			t.Fatalf("runes of %q differ from []rune", text)
		}
		at, bat := int32(0), int32(0)
		for _, tk := range toks {
			if tk.start != at || tk.bstart != bat || tk.word > maxTokenWord {
				t.Fatalf("token %+v of %q does not follow %d/%d", tk, text, at, bat)
			}
			if got, want := text[tk.bstart:tk.bwordEnd()], string(runes[tk.start:tk.wordEnd()]); got != want && !slices.Contains(runes[tk.start:tk.wordEnd()], '\uFFFD') {
				t.Errorf("byte slice %q != rune slice %q", got, want)
			}
			at = tk.end()
			bat = tk.bwordEnd() + int32(len(string(runes[tk.wordEnd():tk.end()])))
		}
		if int(at) != len(runes) {
			t.Errorf("tokens of %q end at %d, want %d", text, at, len(runes))
		}
	}
}
