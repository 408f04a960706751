package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestShaperMatchesFyne(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, variantTheme{theme.DefaultTheme(), theme.VariantLight})
	s := newShaper(fyne.CurrentApp().Settings().Theme().Font(fyne.TextStyle{}))
	if s == nil {
		t.Fatal("no shaper for the theme font")
	}
	words := []string{"The", "minister", "Tuesday", "AVATAR", "Yesterday,", "\"We", "Wow.", "office", "Kremlin",
		"Zelenskyy", "naïve", "re\u0301sume\u0301", "Ωmega", "Москва", "ﬁnal", "1,234.56", "«quoted»", "—", "  "}
	shaped := 0
	for _, size := range []float32{9, 14, 17.5, 30} {
		for _, w := range words {
			got, ok := s.width(w, size)
			if !ok {
				continue
			}
			shaped++
			if want := fyne.MeasureText(w, size, fyne.TextStyle{}).Width; got != want {
				t.Errorf("width(%q, %v) = %v, Fyne measures %v", w, size, got, want)
			}
		}
	}
	if shaped < len(words)*3 {
		t.Errorf("only %d of %d measurements were shaped", shaped, len(words)*4)
	}
	for _, w := range []string{"👍🏽", "日本語", "a\tb"} {
		if _, ok := s.width(w, 14); ok {
			t.Errorf("%q is not covered by the theme font but was shaped", w)
		}
	}
}

func TestShaperBatchMatchesSingleWords(t *testing.T) {
	test.NewTempApp(t)
	s := newShaper(fyne.CurrentApp().Settings().Theme().Font(fyne.TextStyle{}))
	text, _ := benchArticle(3000, "")
	words := strings.Fields(text + " The AVATAR Tuesday Wow. \"We office Yesterday, Kremlin ﬁnal naïve re\u0301sume\u0301 T. V, Y; f) «quoted» 1,234.56 Москва")
	for _, size := range []float32{11, 14, 23.5} {
		batch := make([]float32, len(words))
		if !s.widths(words, size, batch) {
			t.Fatalf("batch of %d words not shaped", len(words))
		}
		for i, w := range words {
			single, ok := s.width(w, size)
			if !ok || single != batch[i] {
				t.Errorf("size %v: %q is %v alone, %v in a batch", size, w, single, batch[i])
			}
		}
	}
}
