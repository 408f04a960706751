package lookup

import "github.com/saywho-app/saywho/storage"

// Who is the resolved speaker of an annotation. Speaker is nil when the
// chain ends at a speaker mention that is not linked to the registry; Name
// is then the mention's text.
type Who struct {
	Speaker *storage.Speaker
	Name    string
	Mention *storage.Annotation // the speaker mention the chain went through, if any
}

// SpeakerOf resolves who an annotation is attributed to: a speaker mention's
// registry speaker; for a quote its said_by target, for a claim its
// claimed_by target (a speaker directly, or a speaker mention and then that
// mention's speaker). ok is false when nothing is linked.
func (x *Index) SpeakerOf(a *storage.Annotation) (w Who, ok bool) {
	switch a.Kind {
	case storage.KindSpeakerMention:
		return x.mentionSpeaker(a), true
	case storage.KindQuote:
		return x.linked(a, storage.RelSaidBy)
	case storage.KindClaim:
		return x.linked(a, storage.RelClaimedBy)
	}
	return Who{}, false
}

func (x *Index) linked(a *storage.Annotation, t storage.RelationType) (Who, bool) {
	for _, r := range x.RelsFrom[a.ID] {
		if r.Type != t {
			continue
		}
		if sp := x.Speakers[r.TargetSpeakerID]; sp != nil {
			return Who{Speaker: sp, Name: sp.Name}, true
		}
		if m := x.Anns[r.TargetID]; m != nil && m.Kind == storage.KindSpeakerMention {
			return x.mentionSpeaker(m), true
		}
	}
	return Who{}, false
}

func (x *Index) mentionSpeaker(m *storage.Annotation) Who {
	if sp := x.Speakers[m.SpeakerID]; sp != nil {
		return Who{Speaker: sp, Name: sp.Name, Mention: m}
	}
	return Who{Name: m.Text, Mention: m}
}

// Linked returns the annotations whose relation of type t points at the
// annotation id (for instance the cues of a quote: Linked(q, RelCueOf); the
// claims stated in it: Linked(q, RelStatedIn)), in relation order.
func (x *Index) Linked(id string, t storage.RelationType) []*storage.Annotation {
	var out []*storage.Annotation
	for _, r := range x.RelsTo[id] {
		if r.Type == t {
			if a := x.Anns[r.SourceID]; a != nil {
				out = append(out, a)
			}
		}
	}
	return out
}

// Attributed returns the speaker mentions linked to the registry speaker id
// and the quotes and claims attributed to it, directly or through one of
// those mentions, in bundle order.
func (x *Index) Attributed(speakerID string) []*storage.Annotation {
	if x.bySpeaker == nil {
		x.bySpeaker = map[string][]*storage.Annotation{}
		for i := range x.B.Annotations {
			a := &x.B.Annotations[i]
			if w, ok := x.SpeakerOf(a); ok && w.Speaker != nil {
				x.bySpeaker[w.Speaker.ID] = append(x.bySpeaker[w.Speaker.ID], a)
			}
		}
	}
	return x.bySpeaker[speakerID]
}
