package lookup_test

import (
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/fixture"
	"github.com/saywho-app/saywho/storage/formats/internal/lookup"
)

func TestSpeakerOf(t *testing.T) {
	b, x := fixture.Harbour()
	ix := lookup.New(b)
	cases := []struct {
		ann, wantName, wantSpeaker string
		ok                         bool
	}{
		{x.OkaforQuote, "Lena Okafor", x.Okafor, true},          // via mention
		{x.OkaforClaim, "Lena Okafor", x.Okafor, true},          // claimed_by speaker directly
		{x.BenBorrowQuote, "Yosef Ben-David", x.BenDavid, true}, // said_by speaker directly
		{x.ZoeQuote, "baker Zoë Ñandú", "", true},               // unresolved mention: its text
		{x.FirmMention, "海洋設計", x.Firm, true},
		{x.OkaforCue, "", "", false},
	}
	for _, c := range cases {
		w, ok := ix.SpeakerOf(ix.Anns[c.ann])
		if ok != c.ok || w.Name != c.wantName {
			t.Errorf("%s: got %q %v, want %q %v", ix.Anns[c.ann].Text, w.Name, ok, c.wantName, c.ok)
		}
		if got := ""; w.Speaker != nil {
			got = w.Speaker.ID
			if got != c.wantSpeaker {
				t.Errorf("%s: speaker %s, want %s", ix.Anns[c.ann].Text, got, c.wantSpeaker)
			}
		} else if c.wantSpeaker != "" {
			t.Errorf("%s: no registry speaker", ix.Anns[c.ann].Text)
		}
	}
}

func TestLinkedAndAttributed(t *testing.T) {
	b, x := fixture.Harbour()
	ix := lookup.New(b)
	cues := ix.Linked(x.OkaforQuote, storage.RelCueOf)
	claims := ix.Linked(x.OkaforQuote, storage.RelStatedIn)
	if len(cues) != 1 || cues[0].ID != x.OkaforCue || len(claims) != 1 || claims[0].ID != x.OkaforClaim {
		t.Fatalf("cues %v claims %v", cues, claims)
	}
	got := map[string]bool{}
	for _, a := range ix.Attributed(x.BenDavid) {
		got[a.ID] = true
	}
	for _, id := range []string{x.BenDavidMention, x.BenDavidQuote, x.BenBorrowQuote} {
		if !got[id] {
			t.Errorf("annotation %s not attributed to Ben-David", ix.Anns[id].Text)
		}
	}
	if len(got) != 3 || len(ix.Attributed(x.Port)) != 2 {
		t.Errorf("attributed: %d to Ben-David, %d to the port", len(got), len(ix.Attributed(x.Port)))
	}
	if len(lookup.Spans(ix.Anns[x.ZoeQuote])) != 2 || len(lookup.Spans(ix.Anns[x.ZoeCue])) != 1 {
		t.Error("Spans")
	}
}
