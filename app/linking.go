package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Links between annotations and to speakers: the L key, the link a new
// speaker mention is offered, and making a link.

// linkSelected is the L key: link the selected annotation to what it
// relates to, with a picker proposing the likeliest first.
func (u *UI) linkSelected() {
	a := u.annotation(u.selID)
	if a == nil {
		u.status.info("Select a quote, claim, cue or speaker mention first, then press L")
		return
	}
	switch a.Kind {
	case storage.KindQuote, storage.KindClaim:
		u.pickSpeakerFor(a.ID)
	case storage.KindCue:
		u.pickQuote(a.ID, storage.RelCueOf)
	case storage.KindSpeakerMention:
		u.pickQuoteForMention(a.ID)
	default:
		u.status.info("Coded passages have no links")
	}
}

// acceptOffer takes the link the inspector proposes for a new speaker
// mention (Enter).
func (u *UI) acceptOffer() {
	if b := u.insp.linkOffer; b != nil && b.OnTapped != nil {
		b.OnTapped()
		return
	}
	u.status.info("Nothing to confirm: Enter links a new speaker mention to the quote next to it")
}

// hasSpeakerLink reports whether a quote or claim already has its speaker.
func (u *UI) hasSpeakerLink(id string) bool {
	return len(u.outgoing(id, storage.RelSaidBy)) > 0 || len(u.outgoing(id, storage.RelClaimedBy)) > 0
}

// speakerRelation is the relation from a quote or claim to its speaker.
func speakerRelation(k storage.Kind) storage.RelationType {
	if k == storage.KindClaim {
		return storage.RelClaimedBy
	}
	return storage.RelSaidBy
}

// linkSpeakerTo links quote or claim src to a mention (mentionID) or a
// registry speaker (speakerID).
func (u *UI) linkSpeakerTo(src, mentionID, speakerID string) {
	a := u.annotation(src)
	if a == nil {
		return
	}
	r := storage.Relation{Type: speakerRelation(a.Kind), SourceID: src, TargetID: mentionID, TargetSpeakerID: speakerID, AnnotatorID: u.coder.ID}
	who := u.speakerName(speakerID, "")
	if m := u.annotation(mentionID); m != nil {
		who = u.speakerName(m.SpeakerID, quoted(m.Text, 30))
	}
	u.do(fmt.Sprintf("Linked %s to %s", strings.ToLower(kindName(a.Kind)), who), func(ctx context.Context) error {
		_, err := u.p.Link(ctx, r)
		return err
	})
}
