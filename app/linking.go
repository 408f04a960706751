package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
)

// Links between annotations and to speakers: who said a quote, who made a
// claim and in which quote, which quote a cue introduces.

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
			u.do("Removed link", func() error { return u.p.Unlink(r.ID) })
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

// acceptOffer takes the link the inspector proposes for a new speaker
// mention (Enter).
func (u *UI) acceptOffer() {
	if b := u.insp.linkOffer; b != nil && b.OnTapped != nil {
		b.OnTapped()
		return
	}
	u.status.info("Nothing to confirm: Enter links a new speaker mention to the quote next to it")
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

// hasSpeakerLink reports whether a quote or claim already has its speaker.
func (u *UI) hasSpeakerLink(id string) bool {
	return len(u.outgoing(id, storage.RelSaidBy)) > 0 || len(u.outgoing(id, storage.RelClaimedBy)) > 0
}

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
	u.do(fmt.Sprintf("Linked %s to %s", strings.ToLower(kindName(a.Kind)), who), func() error {
		_, err := u.p.Link(r)
		return err
	})
}

// pickSpeakerFor opens the speaker picker for a quote or claim: mentions
// and speakers named nearby first, then the rest of the registry.
func (u *UI) pickSpeakerFor(src string) {
	a := u.annotation(src)
	text := []rune(u.doc.Text)
	var items []pickItem
	proposed, listed := map[string]bool{}, map[string]bool{}
	for _, h := range proposeSpeakers(text, a.Start, a.End, u.speakers, u.anns) {
		h := h
		name := u.speakerName(h.speakerID, "no speaker chosen yet")
		if h.mention != "" {
			listed[h.mention] = true
			items = append(items, pickItem{Label: name + " — mention " + quoted(string(text[h.start:h.end]), 30), Detail: "proposed: named next to the quote",
				Match: []string{name, string(text[h.start:h.end])}, Pick: func() { u.linkSpeakerTo(src, h.mention, "") }})
			continue
		}
		proposed[h.speakerID] = true
		items = append(items, u.speakerItem(h.speakerID, "proposed: named next to the quote", func(id string) { u.linkSpeakerTo(src, "", id) }))
	}
	for _, m := range u.anns {
		m := m
		if m.Kind == storage.KindSpeakerMention && !listed[m.ID] {
			name := u.speakerName(m.SpeakerID, "no speaker chosen yet")
			items = append(items, pickItem{Label: name + " — mention " + quoted(m.Text, 30), Detail: fmt.Sprintf("mention at character %d", m.Start),
				Match: []string{name, m.Text}, Pick: func() { u.linkSpeakerTo(src, m.ID, "") }})
		}
	}
	for _, s := range u.speakers {
		if !proposed[s.ID] {
			items = append(items, u.speakerItem(s.ID, "", func(id string) { u.linkSpeakerTo(src, "", id) }))
		}
	}
	title := "Who said this? " + quoted(a.Text, 40)
	if a.Kind == storage.KindClaim {
		title = "Who claims this? " + quoted(a.Text, 40)
	}
	u.showPicker(title, items, "New speaker", func(name string) {
		if s, ok := u.addSpeaker(name); ok {
			u.linkSpeakerTo(src, "", s.ID)
		}
	})
}

// speakerItem is a registry speaker as a picker row.
func (u *UI) speakerItem(id, why string, pick func(id string)) pickItem {
	s := u.speaker(id)
	detail := strings.Join(nonEmpty(s.Role, s.Affiliation, why), " · ")
	if len(s.Aliases) > 0 {
		detail = strings.Join(nonEmpty("also: "+strings.Join(s.Aliases, ", "), detail), " · ")
	}
	return pickItem{Label: s.Name, Detail: detail, Match: s.Names(), Pick: func() { pick(id) }}
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// pickMentionSpeaker chooses the registry speaker a mention refers to.
func (u *UI) pickMentionSpeaker(id string) {
	var items []pickItem
	for _, s := range u.speakers {
		items = append(items, u.speakerItem(s.ID, "", func(sid string) { u.setMentionSpeaker(id, sid) }))
	}
	m := u.annotation(id)
	pk := u.showPicker("Who is "+quoted(m.Text, 40)+"?", items, "New speaker", func(name string) {
		if s, ok := u.addSpeaker(name); ok {
			u.setMentionSpeaker(id, s.ID)
		}
	})
	if matchSpeaker(u.speakers, m.Text) == "" {
		pk.entry.SetText(strings.TrimSpace(m.Text))
	}
}

// newSpeakerFromMention adds the mention's text as a registry speaker and
// resolves the mention to it.
func (u *UI) newSpeakerFromMention(id string) {
	m := u.annotation(id)
	if m == nil {
		return
	}
	name := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(m.Text), "’s"), "'s")
	if s, ok := u.addSpeaker(name); ok {
		u.setMentionSpeaker(id, s.ID)
	}
}

// addSpeaker adds a speaker to the registry.
func (u *UI) addSpeaker(name string) (storage.Speaker, bool) {
	var s storage.Speaker
	ok := u.do("Added speaker "+name, func() error {
		var err error
		s, err = u.p.AddSpeaker(storage.Speaker{Name: name})
		return err
	})
	return s, ok
}

// pickQuote links a cue (cue_of) or claim (stated_in) to a quote of the
// document, nearest first.
func (u *UI) pickQuote(src string, t storage.RelationType) {
	a := u.annotation(src)
	var items []pickItem
	for _, q := range u.byDistance(*a, storage.KindQuote) {
		q := q
		items = append(items, pickItem{Label: quoted(q.Text, 70), Detail: fmt.Sprintf("quote at character %d · %s", q.Start, u.speakerName(u.speakerOf(q), "no speaker yet")),
			Match: []string{q.Text}, Pick: func() {
				u.do("Linked "+strings.ToLower(kindName(a.Kind))+" to quote", func() error {
					_, err := u.p.Link(storage.Relation{Type: t, SourceID: src, TargetID: q.ID, AnnotatorID: u.coder.ID})
					return err
				})
			}})
	}
	if len(items) == 0 {
		u.status.info("There is no quote in this document to link to yet")
		return
	}
	u.showPicker("Link "+strings.ToLower(kindName(a.Kind))+" "+quoted(a.Text, 30)+" to a quote", items, "", nil)
}

// pickQuoteForMention links a quote or claim to a speaker mention: the
// unlinked ones nearest to it first.
func (u *UI) pickQuoteForMention(mentionID string) {
	m := u.annotation(mentionID)
	var items []pickItem
	for _, k := range []storage.Kind{storage.KindQuote, storage.KindClaim} {
		for _, q := range u.byDistance(*m, k) {
			q := q
			detail := kindName(q.Kind) + " · " + u.speakerName(u.speakerOf(q), "no speaker yet")
			items = append(items, pickItem{Label: quoted(q.Text, 70), Detail: detail, Match: []string{q.Text},
				Pick: func() { u.linkSpeakerTo(q.ID, mentionID, "") }})
		}
	}
	if len(items) == 0 {
		u.status.info("Mark a quote or claim first; then link it to this mention")
		return
	}
	u.showPicker("Which quote or claim did "+quoted(m.Text, 30)+" make?", items, "", nil)
}

// byDistance lists the document's annotations of kind k, nearest to a
// first.
func (u *UI) byDistance(a storage.Annotation, k storage.Kind) []storage.Annotation {
	var out []storage.Annotation
	for _, x := range u.anns {
		if x.Kind == k && x.ID != a.ID {
			out = append(out, x)
		}
	}
	dist := func(x storage.Annotation) int {
		return nameHit{start: x.Start, end: x.End}.distance(a.Start, a.End) % 10000
	}
	slices.SortStableFunc(out, func(x, y storage.Annotation) int { return dist(x) - dist(y) })
	return out
}
