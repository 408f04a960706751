package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// The inspector's section on links: who said a quote, who made a claim
// and in which quote, which quote a cue introduces, and what links here.

// links is the inspector's section on the annotation's links.
func (in *inspector) links(a storage.Annotation) []fyne.CanvasObject {
	u := in.u
	var objs []fyne.CanvasObject
	switch a.Kind {
	case storage.KindSpeakerMention:
		if q := nearbyQuote([]rune(u.doc.Text), a, u.anns, u.hasSpeakerLink); q != "" {
			qa := u.annotation(q)
			in.linkOffer = widget.NewButtonWithIcon("Link as its speaker (Enter)", theme.MailForwardIcon(), func() { u.linkSpeakerTo(qa.ID, a.ID, "") })
			in.linkOffer.Importance = widget.HighImportance
			objs = append(objs, wrapLabel(fmt.Sprintf("The %s next to it has no speaker yet: %s", strings.ToLower(kindName(qa.Kind)), quoted(qa.Text, 60))), in.linkOffer)
		}
		objs = append(objs, heading("Speaker"))
		if s := u.speaker(a.SpeakerID); s != nil {
			objs = append(objs, wrapLabel(s.Name), smallLabel(speakerDetail(*s)))
		} else {
			objs = append(objs, smallLabel("Not yet resolved to a speaker of the registry."))
		}
		in.speakerBtn = widget.NewButtonWithIcon("Choose… (L)", theme.AccountIcon(), func() { u.pickMentionSpeaker(a.ID) })
		row := []fyne.CanvasObject{in.speakerBtn}
		if a.SpeakerID == "" {
			in.newSpeaker = widget.NewButtonWithIcon("New speaker", theme.ContentAddIcon(), func() { u.newSpeakerFromMention(a.ID) })
			row = append(row, in.newSpeaker)
		}
		objs = append(objs, container.NewGridWithColumns(len(row), row...))
		objs = append(objs, in.incomingRows(a.ID, "Speaker of")...)
	case storage.KindQuote:
		objs = append(objs, in.relationRow("Said by", a.ID, storage.RelSaidBy, "Link speaker… (L)", func() { u.linkSelected() })...)
		objs = append(objs, in.incomingRows(a.ID, "Linked here")...)
	case storage.KindClaim:
		objs = append(objs, in.relationRow("Claimed by", a.ID, storage.RelClaimedBy, "Link claimer… (L)", func() { u.linkSelected() })...)
		objs = append(objs, in.relationRow("Stated in quote", a.ID, storage.RelStatedIn, "Link to its quote…", func() { u.pickQuote(a.ID, storage.RelStatedIn) })...)
	case storage.KindCue:
		objs = append(objs, in.relationRow("Cue of quote", a.ID, storage.RelCueOf, "Link to its quote… (L)", func() { u.linkSelected() })...)
	}
	return objs
}

// relationRow shows the targets of a's relations of type t, each with a
// button to go there and one to remove the link, and a button to add one.
func (in *inspector) relationRow(title, id string, t storage.RelationType, add string, pick func()) []fyne.CanvasObject {
	u := in.u
	objs := []fyne.CanvasObject{heading(title)}
	rels := u.outgoing(id, t)
	for _, r := range rels {
		r := r
		unlink := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
			u.do("Removed link", func(ctx context.Context) error { return u.p.Unlink(ctx, r.ID) })
		})
		buttons := []fyne.CanvasObject{unlink}
		if target := r.TargetID; target != "" {
			buttons = append([]fyne.CanvasObject{widget.NewButtonWithIcon("", theme.VisibilityIcon(), func() { u.selectAnnotation(target, true) })}, buttons...)
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), wrapLabel(u.targetLabel(r))))
	}
	if len(rels) == 0 || (t != storage.RelSaidBy && t != storage.RelClaimedBy) {
		objs = append(objs, widget.NewButtonWithIcon(add, theme.MailForwardIcon(), pick))
	} else {
		objs = append(objs, widget.NewButton("Change… (L)", pick))
	}
	return objs
}

// incomingRows lists what links to id, as buttons that select it.
func (in *inspector) incomingRows(id, title string) []fyne.CanvasObject {
	u := in.u
	rels := u.incoming(id)
	if len(rels) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{heading(title)}
	for _, r := range rels {
		src := u.annotation(r.SourceID)
		if src == nil {
			continue
		}
		sid := src.ID
		show := widget.NewButtonWithIcon("", theme.VisibilityIcon(), func() { u.selectAnnotation(sid, true) })
		objs = append(objs, container.NewBorder(nil, nil, nil, show, wrapLabel(fmt.Sprintf("%s %s", kindName(src.Kind), quoted(src.Text, 60)))))
	}
	return objs
}

// targetLabel describes where a relation points.
func (u *UI) targetLabel(r storage.Relation) string {
	if r.TargetSpeakerID != "" {
		return u.speakerName(r.TargetSpeakerID, "(deleted speaker)")
	}
	t := u.annotation(r.TargetID)
	if t == nil {
		return "(missing)"
	}
	if t.Kind == storage.KindSpeakerMention {
		return fmt.Sprintf("%s — mention %s", u.speakerName(t.SpeakerID, "no speaker chosen"), quoted(t.Text, 30))
	}
	return kindName(t.Kind) + " " + quoted(t.Text, 50)
}
