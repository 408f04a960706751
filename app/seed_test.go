package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sharedtest"
	"github.com/saywho-app/saywho/storage/sqlite"

	"fyne.io/fyne/v2/test"

	"github.com/saywho-app/saywho/storage"
)

// TestSeedArticleWalkthrough annotates the seed article the way a newcomer
// would, with the keys and the proposals of the window, and checks the
// result: every quote attributed to the right speaker.
func TestSeedArticleWalkthrough(t *testing.T) {
	raw, err := os.ReadFile(sharedtest.Path(t, "the seed-article walkthrough", "corpus", "seed", "ukraine-peace-talks.txt"))
	if err != nil {
		t.Skipf("seed article unreadable: %v", err)
	}
	a := test.NewTempApp(t)
	p, err := sqlite.Create(filepath.Join(t.TempDir(), "seed.saywho"), "Seed")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.AddDocument(context.Background(), storage.Document{Text: string(raw), FileName: "ukraine-peace-talks.txt"}); err != nil {
		t.Fatal(err)
	}
	coder, _ := p.EnsureAnnotator(context.Background(), "Newcomer")
	p.EnableUndo()
	w := test.NewTempWindow(t, nil)
	f := &fixture{t: t, u: NewUI(a, w, p, coder), p: p, w: w}

	newSpeaker := func(mention string) {
		f.mark(mention, "s")
		if f.u.insp.newSpeaker != nil {
			test.Tap(f.u.insp.newSpeaker)
		}
	}
	// quote marks a quote and links it to the first proposal, which must
	// be who: the speaker named around it.
	quote := func(text, who string) {
		t.Helper()
		f.mark(text, "q")
		f.key("l")
		pk := f.u.lastPicker
		if len(pk.shown) == 0 || !strings.HasPrefix(pk.shown[0].Label, who) {
			t.Errorf("for %s the first proposal is %+v, want %s", excerpt(text, 40), first(pk.shown), who)
			pk.dlg.Hide()
			return
		}
		f.pickFirst()
	}
	newSpeaker("Volodymyr Zelenskyy")
	quote("“genuine interest in our shared opportunities and how we can bring about a real peace together.”", "Volodymyr Zelenskyy")
	f.mark("[Zelenskyy] later reaffirmed", "s")
	quote("“We believe that America’s strength, together with Ukraine and all of our partners, is enough to push Russia to peace.”", "Volodymyr Zelenskyy")
	newSpeaker("Pete Hegseth")
	quote("dismissed Ukraine’s aspirations for NATO membership as “unrealistic.”", "Pete Hegseth")
	f.mark("calling it an “illusionary” objective that would only prolong the conflict", "c")
	f.key("l")
	f.pickFirst()
	newSpeaker("Dmitry Peskov")
	quote("that Trump and Russian President Vladimir Putin discussed a broad range of topics, with Ukraine as the primary focus", "Dmitry Peskov")
	f.mark("[Peskov] also stated", "s")
	quote("that Putin invited Trump to visit Moscow and expressed willingness to host U.S. officials for talks on Ukraine and other issues", "Dmitry Peskov")

	// Trump is not in the registry yet: type his name, take “New speaker”.
	f.mark("“I don’t think it’s practical to have it, personally.”", "q")
	f.key("l")
	pk := f.u.lastPicker
	test.Type(pk.entry, "Donald Trump")
	pk.choose(len(pk.shown) - 1)

	st, _ := p.Stats(context.Background())
	if st.ByKind["quote"] != 6 || st.ByKind["claim"] != 1 || st.Speakers != 4 || st.Relations != 7 {
		t.Errorf("stats %+v, want 6 quotes, 1 claim, 4 speakers, 7 relations", st)
	}
	for _, sp := range f.u.speakers {
		want := map[string]int{"Volodymyr Zelenskyy": 2, "Pete Hegseth": 1, "Dmitry Peskov": 2, "Donald Trump": 1}[sp.Name]
		if sp.Quotes != want {
			t.Errorf("%s has %d quotes, want %d", sp.Name, sp.Quotes, want)
		}
	}
}

func first(items []pickItem) any {
	if len(items) == 0 {
		return "nothing"
	}
	return items[0].Label
}
