package widgets

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// fixedMetrics measures every code point as 10 px wide.
func fixedMetrics() *metrics {
	return newMetrics(14, func(s string) float32 { return 10 * float32(utf8.RuneCountInString(s)) })
}

// wrapped returns the lines of text wrapped at width with fixedMetrics.
func wrapped(text string, width float32) []string {
	var l textLayout
	l.setText(text)
	l.measure(fixedMetrics())
	l.wrap(width)
	var out []string
	for _, ln := range l.lines {
		out = append(out, string(l.runes[ln.start:ln.end]))
	}
	return out
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name, text string
		width      float32
		want       []string
	}{
		{"empty text has one line", "", 100, []string{""}},
		{"fits", "aaa bbb", 100, []string{"aaa bbb"}},
		{"greedy, space hangs", "aaa bbb ccc", 75, []string{"aaa bbb ", "ccc"}},
		{"exact fit", "aaa bbb", 70, []string{"aaa bbb"}},
		{"hard breaks keep empty lines", "a\n\nb", 100, []string{"a", "", "b"}},
		{"trailing break adds a line", "a\n", 100, []string{"a", ""}},
		{"CRLF", "a\r\nb", 100, []string{"a", "b"}},
		{"over-long word is split", "abcdefghij", 35, []string{"abc", "def", "ghi", "j"}},
		{"over-long word after a word", "ab abcdefgh", 45, []string{"ab ", "abcd", "efgh"}},
		{"combining marks are not split", "e\u0301e\u0301e\u0301", 15, []string{"e\u0301", "e\u0301", "e\u0301"}},
		{"CJK wraps between characters", "日本語です", 25, []string{"日本", "語で", "す"}},
		{"hyphenated word", "well-known", 60, []string{"well-", "known"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wrapped(tt.text, tt.width); !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestWrapIsRedoneOnlyForNewWidth(t *testing.T) {
	var l textLayout
	l.setText("aaa bbb ccc ddd")
	l.measure(fixedMetrics())
	l.wrap(75)
	first := len(l.lines)
	l.wrap(75)
	if len(l.lines) != first {
		t.Fatalf("re-wrap at the same width changed the lines")
	}
	l.wrap(1000)
	if len(l.lines) != 1 {
		t.Errorf("wide wrap gave %d lines, want 1", len(l.lines))
	}
	if got := l.lineAt(12); got != 0 {
		t.Errorf("lineAt(12) = %d, want 0", got)
	}
}
