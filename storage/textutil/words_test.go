package textutil

import "testing"

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"   \n\t", 0},
		{"“will hold for fifty years.”", 5},
		{"don't stop – it’s well-known", 4},
		{"word- next", 2},
		{"2 per cent, 3.5%", 4},
		{"10,000 people, 2016. Then", 4},
		{"海洋設計 disagreed", 5},
		{"Zelenskyy 🌊 said", 2},
		{"café naïve", 2},             // precomposed
		{"cafe\u0301 nai\u0308ve", 2}, // combining marks stay in the word
		{"יוסף אדלר said", 3},         // Hebrew
		{"a''b", 2},
	} {
		if got := CountWords(c.text); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func BenchmarkCountWords(b *testing.B) {
	s := "Mayor Lena Okonjo said on Tuesday that the wall “will hold for fifty years,” and the treasurer, Yosef Adler (יוסף אדלר), said 海洋設計 can borrow at 2.5 per cent. "
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		CountWords(s)
	}
}
