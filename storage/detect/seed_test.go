package detect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sharedtest"
	"github.com/saywho-app/saywho/storage/textutil"
)

// TestSeedArticle checks the direct quotes of the seed article, listed by
// reading it: each must be proposed, inside a quote attributed to its
// speaker. The registry holds three of the speakers; the others must be
// proposed as new speakers.
func TestSeedArticle(t *testing.T) {
	dir := sharedtest.Path(t, "the detector on the seed article", "corpus", "seed")
	data, err := os.ReadFile(filepath.Join(dir, "ukraine-peace-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := textutil.Normalize(string(data))
	reg := NewRegistry([]storage.Speaker{
		{ID: "zelenskyy", Name: "Volodymyr Zelenskyy"},
		{ID: "trump", Name: "Donald Trump"},
		{ID: "hegseth", Name: "Pete Hegseth"},
	})
	r := Detect(text, reg)
	for _, w := range []struct{ fragment, speakerID, speaker string }{
		{"“genuine interest in our shared opportunities and how we can bring about a real peace together.”", "zelenskyy", "Volodymyr Zelenskyy"},
		{"“We believe that America’s strength, together with Ukraine and all of our partners, is enough to push Russia to peace.”", "zelenskyy", "Volodymyr Zelenskyy"},
		{"“unrealistic.”", "hegseth", "Pete Hegseth"},
		{"“illusionary”", "hegseth", "Pete Hegseth"},
		{"“I don’t think it’s practical to have it, personally.”", "trump", "Donald Trump"},
		{"“inevitable”", "", "Biden administration"},
	} {
		found := false
		for _, q := range r.Quotes {
			if !strings.Contains(q.Text, w.fragment) {
				continue
			}
			found = true
			if q.Mention < 0 {
				t.Errorf("%s: no speaker", w.fragment)
				continue
			}
			m := r.Mentions[q.Mention]
			if m.SpeakerID != w.speakerID || m.Speaker != w.speaker {
				t.Errorf("%s: said by %q → %q (%s), want %q (%s)", w.fragment, m.Text, m.Speaker, m.SpeakerID, w.speaker, w.speakerID)
			}
		}
		if !found {
			t.Errorf("direct quote %s not proposed", w.fragment)
		}
	}
	if len(r.Quotes) == 0 || len(r.Cues) == 0 {
		t.Fatal("nothing proposed")
	}
	for _, n := range r.NewSpeakers {
		if n == "Volodymyr Zelenskyy" || n == "Pete Hegseth" || n == "Trump" {
			t.Errorf("%s is in the registry but was proposed as new", n)
		}
	}
}
