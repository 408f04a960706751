package sqlite

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/saywho-app/saywho/storage"
)

// actor performs a deterministic stream of random annotation actions: the
// same seed on a project in the same state performs the same calls with
// the same ids and gets the same results. The crash test runs one in a
// helper process that is killed, and another on a model copy of the
// project, to know exactly what the killed process had done.
type actor struct {
	p     *Project
	rng   *rand.Rand
	seed  uint64
	n     int    // actions performed
	coder string // annotator id
}

func newActor(p *Project, seed uint64) (*actor, error) {
	coders, err := p.Annotators(bg)
	if err != nil {
		return nil, err
	}
	if len(coders) == 0 {
		return nil, errors.New("the project has no coder")
	}
	return &actor{p: p, rng: rand.New(rand.NewPCG(seed, 0x5a57)), seed: seed, coder: coders[0].ID}, nil
}

// id returns the k-th id of the current action.
func (a *actor) id(k int) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "saywho-crash/%d/%d/%d", a.seed, a.n, k)).String()
}

// at is the creation time of the current action's objects.
func (a *actor) at() time.Time {
	return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(a.seed)*time.Hour + time.Duration(a.n)*time.Millisecond)
}

// actorMove is one kind of action, with its weight given the number of
// annotations in the project.
type actorMove struct {
	name   string
	weight func(annotations int) int
	do     func(a *actor) (string, error)
}

func fixed(w int) func(int) int { return func(int) int { return w } }

var actorMoves = []actorMove{
	{"add annotation", func(n int) int { return max(5, 40-n/10) }, (*actor).addAnnotation},
	{"edit annotation", fixed(12), (*actor).editAnnotation},
	{"delete annotation", func(n int) int { return 4 + n/12 }, (*actor).deleteAnnotation},
	{"link", fixed(14), (*actor).link},
	{"unlink", fixed(4), (*actor).unlink},
	{"toggle code", fixed(8), (*actor).toggleCode},
	{"add code", fixed(2), (*actor).addCode},
	{"edit code", fixed(1), (*actor).editCode},
	{"delete code", fixed(1), (*actor).deleteCode},
	{"add speaker", fixed(2), (*actor).addSpeaker},
	{"edit speaker", fixed(2), (*actor).editSpeaker},
	{"delete speaker", fixed(1), (*actor).deleteSpeaker},
	{"merge speakers", fixed(1), (*actor).mergeSpeakers},
	{"memo", fixed(2), (*actor).memo},
	{"document status", fixed(2), (*actor).documentStatus},
	{"add document", fixed(1), (*actor).addDocument},
	{"delete document", fixed(1), (*actor).deleteDocument},
	{"undo", fixed(9), (*actor).undo},
	{"redo", fixed(4), (*actor).redo},
}

// step performs one action and returns a line describing it and its
// outcome; equal seeds and states give equal lines.
func (a *actor) step() (string, error) {
	a.n++
	anns, err := a.p.Annotations(bg, storage.Filter{})
	if err != nil {
		return "", err
	}
	total := 0
	for _, m := range actorMoves {
		total += m.weight(len(anns))
	}
	r := a.rng.IntN(total)
	for _, m := range actorMoves {
		if r -= m.weight(len(anns)); r < 0 {
			desc, err := m.do(a)
			if err != nil {
				return fmt.Sprintf("%s %s: refused: %v", m.name, desc, strings.ReplaceAll(err.Error(), a.p.Path(), "PROJECT")), nil
			}
			return fmt.Sprintf("%s %s: ok", m.name, desc), nil
		}
	}
	panic("unreachable")
}

// pick returns a random element of s, or false when s is empty.
func pick[T any](a *actor, s []T) (T, bool) {
	var zero T
	if len(s) == 0 {
		return zero, false
	}
	return s[a.rng.IntN(len(s))], true
}

func (a *actor) annotations(f storage.Filter) []storage.Annotation {
	anns, _ := a.p.Annotations(bg, f)
	return anns
}

func (a *actor) codeIDs() []string {
	codes, _ := a.p.Codes(bg)
	return idsOf(codes, func(c storage.Code) string { return c.ID })
}

func (a *actor) speakerIDs() []string {
	sp, _ := a.p.Speakers(bg)
	return idsOf(sp, func(s storage.SpeakerStats) string { return s.ID })
}

func idsOf[T any](items []T, id func(T) string) []string {
	ids := make([]string, len(items))
	for i, x := range items {
		ids[i] = id(x)
	}
	return ids
}

func (a *actor) document() (storage.DocumentSummary, bool) {
	docs, _ := a.p.Documents(bg)
	return pick(a, docs)
}

// someCodes returns up to three random code ids.
func (a *actor) someCodes() []string {
	ids := a.codeIDs()
	var out []string
	for range a.rng.IntN(4) {
		if c, ok := pick(a, ids); ok {
			out = append(out, c)
		}
	}
	return out
}

// span returns random bounds inside a text of length n (n > 0).
func (a *actor) span(n int) (int, int) {
	s := a.rng.IntN(n)
	return s, min(n, s+1+a.rng.IntN(40))
}
