package agreement

import (
	"errors"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

func TestComputeIncludeSuggestions(t *testing.T) {
	x := newBuilder(t)
	a, det := x.coder("Ana"), x.coder("detector")
	d := x.doc("first text")
	x.span(d, a, quote, 0, 5)
	s := x.ann(x.span(d, det, quote, 0, 5))
	s.Origin, s.State = "detector", storage.StateSuggested
	if _, err := Compute(x.b, Options{}); !errors.Is(err, ErrTooFewCoders) {
		t.Fatalf("suggestions counted by default: %v", err)
	}
	r, err := Compute(x.b, Options{IncludeSuggestions: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := kind(t, r, quote).Pairs; len(got) != 1 || got[0].Exact.Matched != 1 {
		t.Errorf("Ana against the detector's suggestion: %+v", got)
	}
	if s.State != storage.StateSuggested {
		t.Error("Compute changed the bundle")
	}
}
