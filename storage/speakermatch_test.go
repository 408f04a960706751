package storage

import "testing"

func TestMatchSpeaker(t *testing.T) {
	speakers := []Speaker{
		{ID: "z", Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelensky"}},
		{ID: "p", Name: "Dmitry Peskov"},
		{ID: "d1", Name: "Ana Park"},
		{ID: "d2", Name: "Lena Park"},
		{ID: "x", Name: "Xi Li"},
		{ID: "dup", Name: "Peskov"}, // listed after p: p's surname is also dup's name
	}
	for _, tc := range []struct{ text, want string }{
		{"Zelenskyy", "z"}, {" zelenskyy ", "z"}, {"Zelenskyy’s", "z"}, {"Zelenskyy's", "z"},
		{"Volodymyr Zelenskyy", "z"}, {"Zelensky", "z"},
		{"Peskov", "dup"},            // a name beats a surname
		{"Park", ""}, {"Dmitry", ""}, // shared surname; a first name alone
		{"Li", ""}, // surnames shorter than three letters are not used alone
		{"", ""},
	} {
		if got := MatchSpeaker(speakers, tc.text); got != tc.want {
			t.Errorf("MatchSpeaker(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
