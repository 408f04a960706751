package widgets

import (
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
