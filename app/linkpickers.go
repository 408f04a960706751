package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// The pickers behind L: speakers and mentions for a quote or claim
// (proposals first), quotes for a cue, claim or mention, and the speaker
// of a mention.

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
	ok := u.do("Added speaker "+name, func(ctx context.Context) error {
		var err error
		s, err = u.p.AddSpeaker(ctx, storage.Speaker{Name: name})
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
				u.do("Linked "+strings.ToLower(kindName(a.Kind))+" to quote", func(ctx context.Context) error {
					_, err := u.p.Link(ctx, storage.Relation{Type: t, SourceID: src, TargetID: q.ID, AnnotatorID: u.coder.ID})
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
