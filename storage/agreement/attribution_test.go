package agreement

import (
	"testing"

	"github.com/saywho-app/saywho/storage"
)

func TestAttribution(t *testing.T) {
	x := newBuilder(t)
	a, b := x.coder("Ana"), x.coder("Ben")
	okafor := x.speaker("Lena Okafor")
	d := x.doc("Mayor Lena Okafor said “we build 🧱”. The mayor added “soon”; the mayor's aide nodded. " +
		"Ben Ng said “no”. A voice: “maybe”. Someone: “later”.")
	// Ana through a mention linked to the registry, Ben to the speaker
	// directly: the same speaker.
	q1a, q1b := x.mark(d, a, quote, "“we build 🧱”", 0), x.mark(d, b, quote, "we build", 0)
	m := x.mark(d, a, mention, "Mayor Lena Okafor", 0)
	x.ann(m).SpeakerID = okafor
	x.saidBy(q1a, m, a)
	x.saidBy(q1b, okafor, b)
	// Unlinked mentions with the same text up to case: the same speaker.
	q2a, q2b := x.mark(d, a, quote, "“soon”", 0), x.mark(d, b, quote, "“soon”", 0)
	x.saidBy(q2a, x.mark(d, a, mention, "The mayor", 0), a)
	x.saidBy(q2b, x.mark(d, b, mention, "the mayor", 50), b)
	// Only Ana names a speaker: a disagreement.
	q3a := x.mark(d, a, quote, "“no”", 0)
	x.mark(d, b, quote, "“no”", 0)
	x.saidBy(q3a, x.mark(d, a, mention, "Ben Ng", 0), a)
	// Neither does: left out of the share.
	x.mark(d, a, quote, "“maybe”", 0)
	x.mark(d, b, quote, "“maybe”", 0)
	// Different speakers.
	q5a, q5b := x.mark(d, a, quote, "“later”", 0), x.mark(d, b, quote, "“later”", 0)
	x.saidBy(q5a, x.mark(d, a, mention, "Someone", 0), a)
	x.saidBy(q5b, x.mark(d, b, mention, "A voice", 0), b)

	r := x.compute(Options{})
	if len(r.Attribution) != 1 {
		t.Fatalf("%d attribution rows, want 1", len(r.Attribution))
	}
	got := r.Attribution[0]
	want := Attribution{A: a, B: b, Matched: 5, Unlinked: 1, Compared: 4, Agreed: 2}
	if got.A != want.A || got.B != want.B || got.Matched != want.Matched || got.Unlinked != want.Unlinked ||
		got.Compared != want.Compared || got.Agreed != want.Agreed || !near(got.Share, 0.5) {
		t.Fatalf("attribution %+v, want %+v with agreement 0.5", got, want)
	}
	// Without quotes in the comparison there is no attribution row.
	r = x.compute(Options{Kinds: []storage.Kind{mention}})
	if len(r.Attribution) != 0 {
		t.Errorf("attribution computed without quotes: %+v", r.Attribution)
	}
}

func TestSpeakerSets(t *testing.T) {
	x := newBuilder(t)
	a := x.coder("Ana")
	s1, s2 := x.speaker("One"), x.speaker("Two")
	d := x.doc("One and Two said “yes”.")
	q := x.mark(d, a, quote, "“yes”", 0)
	m := x.mark(d, a, mention, "One", 0)
	x.ann(m).SpeakerID = s1
	x.saidBy(q, s2, a)
	x.saidBy(q, m, a)
	x.saidBy(q, s1, a) // the same speaker twice counts once
	x.saidBy(q, "speaker-unknown", a)
	idx := newSpeakerIndex(x.b)
	if got, want := idx.of(x.ann(q)), "id:"+s1+"\x00id:"+s2; got != want {
		t.Errorf("speakers %q, want %q", got, want)
	}
}
