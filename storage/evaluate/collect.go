package evaluate

import (
	"sort"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// side is what one side (gold or prediction) marked in a document.
type side struct {
	quotes, cues []item
}

// document is one compared document.
type document struct {
	tokens   tokenMap
	gold     side
	pred     side
	saidBy   map[string][]speakerRef          // quote id → its speakers
	cueOf    map[string][]*storage.Annotation // quote id → its cues
	hasMarks func(item) bool                  // whether a quote's text holds a quotation mark
}

// speakerRef is a quote's speaker: a mention (with its parts) or a
// registry speaker.
type speakerRef struct {
	mention   *storage.Annotation
	speakerID string // the registry speaker, directly or through the mention
	rule      string // the detector rule that found the mention
}

// sortByDocument sorts the bundle's gold and predicted annotations onto the
// documents that both sides cover, in bundle order.
func sortByDocument(b *storage.Bundle, opts Options) []*document {
	keep := map[string]bool{}
	for _, id := range opts.DocumentIDs {
		keep[id] = true
	}
	rank := map[string]int{}
	for i, id := range opts.Gold {
		if _, ok := rank[id]; !ok {
			rank[id] = i
		}
	}
	// The gold coder of each document: the first listed who covers it.
	goldOf := map[string]string{}
	predCovers := map[string]bool{}
	for i := range b.Annotations {
		a := &b.Annotations[i]
		if a.Undecided() {
			continue
		}
		if k, ok := rank[a.AnnotatorID]; ok {
			if cur, seen := goldOf[a.DocumentID]; !seen || k < rank[cur] {
				goldOf[a.DocumentID] = a.AnnotatorID
			}
		}
		if opts.Pred != "" && a.AnnotatorID == opts.Pred {
			predCovers[a.DocumentID] = true
		}
	}
	byID := map[string]*document{}
	var order []*document
	for i := range b.Documents {
		d := &b.Documents[i]
		if len(keep) > 0 && !keep[d.ID] || goldOf[d.ID] == "" || opts.Pred != "" && !predCovers[d.ID] || byID[d.ID] != nil {
			continue
		}
		text := []rune(d.Text)
		doc := &document{tokens: newTokenMap(text), saidBy: map[string][]speakerRef{}, cueOf: map[string][]*storage.Annotation{}}
		doc.hasMarks = func(it item) bool { return holdsQuotationMark(text, it.parts) }
		byID[d.ID] = doc
		order = append(order, doc)
	}
	anns := map[string]*storage.Annotation{}
	for i := range b.Annotations {
		a := &b.Annotations[i]
		anns[a.ID] = a
		doc := byID[a.DocumentID]
		if doc == nil || a.Kind != storage.KindQuote && a.Kind != storage.KindCue {
			continue
		}
		isGold := a.AnnotatorID == goldOf[a.DocumentID] && !a.Undecided()
		isPred := opts.Pred == "" && a.Origin == storage.OriginDetector || opts.Pred != "" && a.AnnotatorID == opts.Pred && !a.Undecided()
		it := item{ann: a, parts: a.Parts()}
		it.tokens = doc.tokens.tokens(it.parts)
		for _, s := range []struct {
			on   bool
			side *side
		}{{isGold, &doc.gold}, {isPred, &doc.pred}} {
			switch {
			case !s.on:
			case a.Kind == storage.KindQuote:
				s.side.quotes = append(s.side.quotes, it)
			default:
				s.side.cues = append(s.side.cues, it)
			}
		}
	}
	for _, d := range order {
		for _, s := range []*side{&d.gold, &d.pred} {
			sortItems(s.quotes)
			sortItems(s.cues)
		}
	}
	for i := range b.Relations {
		r := &b.Relations[i]
		src := anns[r.SourceID]
		if src == nil || byID[src.DocumentID] == nil {
			continue
		}
		doc := byID[src.DocumentID]
		switch r.Type {
		case storage.RelSaidBy:
			ref := speakerRef{speakerID: r.TargetSpeakerID}
			if m := anns[r.TargetID]; m != nil {
				ref.mention, ref.speakerID = m, m.SpeakerID
				ref.rule = m.Attrs[storage.AttrRule]
			}
			doc.saidBy[src.ID] = append(doc.saidBy[src.ID], ref)
		case storage.RelCueOf:
			doc.cueOf[r.TargetID] = append(doc.cueOf[r.TargetID], src)
		}
	}
	return order
}

// sortItems orders spans by position (then id), so that matching does
// not depend on the order of the bundle.
func sortItems(items []item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].ann, items[j].ann
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.ID < b.ID
	})
}

// quotationMarks are the characters that mark a quote as (partly) direct.
const quotationMarks = "\"“”„«»‹›「」『』"

// holdsQuotationMark reports whether parts of text hold a double quotation
// mark (or the NYT's two apostrophes or backticks).
func holdsQuotationMark(text []rune, parts []storage.Range) bool {
	for _, p := range parts {
		for i := max(p.Start, 0); i < min(p.End, len(text)); i++ {
			r := text[i]
			doubled := (r == '\'' || r == '`') && i+1 < len(text) && text[i+1] == r
			if doubled || strings.ContainsRune(quotationMarks, r) {
				return true
			}
		}
	}
	return false
}
