package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/saywho-app/saywho/storage"
)

func TestDragThenQMakesQuote(t *testing.T) {
	f := newFixture(t)
	const q = "“We have waited long enough,”"
	f.drag(q)
	s, e := f.u.view.Selection()
	if got := f.u.view.SelectedText(); got != q {
		t.Fatalf("drag selected %q [%d,%d), want %q", got, s, e, q)
	}
	f.key("q")
	a := f.one(storage.KindQuote)
	ws, we := f.span(q)
	if a.Start != ws || a.End != we || a.Text != q {
		t.Errorf("quote [%d,%d) %q, want [%d,%d) %q", a.Start, a.End, a.Text, ws, we, q)
	}
	if got := string([]rune(f.u.doc.Text)[a.Start:a.End]); got != q {
		t.Errorf("text at the stored offsets is %q", got)
	}
	if a.Attrs[storage.AttrQuoteType] != "direct" {
		t.Errorf("quote type %q, want direct (the text is in quotation marks)", a.Attrs[storage.AttrQuoteType])
	}
	if a.AnnotatorID != f.u.coder.ID {
		t.Errorf("annotator %q, want the coder %q", a.AnnotatorID, f.u.coder.ID)
	}
	if f.u.selID != a.ID || f.u.insp.quoteType == nil {
		t.Error("the new quote is not selected and shown in the inspector")
	}
	if !strings.Contains(f.u.win.Title(), "all changes saved") {
		t.Errorf("title %q does not say the change is saved", f.u.win.Title())
	}
}

func TestKindKeys(t *testing.T) {
	for _, tc := range []struct {
		key  string
		kind storage.Kind
	}{{"q", storage.KindQuote}, {"S", storage.KindSpeakerMention}, {"c", storage.KindClaim}, {"u", storage.KindCue}} {
		t.Run(string(tc.kind), func(t *testing.T) {
			f := newFixture(t)
			a := f.mark("called[ the budget ]unrealistic", tc.key)
			if a.Kind != tc.kind || a.Text != "the budget" {
				t.Errorf("got %s %q, want %s over the trimmed selection", a.Kind, a.Text, tc.kind)
			}
		})
	}
}

func TestKeyWithoutSelectionDoesNothing(t *testing.T) {
	f := newFixture(t)
	f.key("q")
	if n := len(f.annotations("")); n != 0 {
		t.Fatalf("%d annotations made without a selection", n)
	}
	if !strings.Contains(f.u.status.Text(), "Select some text") {
		t.Errorf("status %q does not say to select text", f.u.status.Text())
	}
}

func TestSpeakerMentionResolvesAndNewSpeaker(t *testing.T) {
	f := newFixture(t)
	ortiz := f.speaker("Ana Ortiz", "Mayor Ortiz")
	m := f.mark("Ana Ortiz", "s")
	if m.SpeakerID != ortiz.ID {
		t.Errorf("mention of a registered name resolved to %q, want %q", m.SpeakerID, ortiz.ID)
	}
	b := f.mark("Tom Baker", "s")
	if b.SpeakerID != "" {
		t.Fatalf("unknown name resolved to %q", b.SpeakerID)
	}
	if f.u.insp.newSpeaker == nil {
		t.Fatal("the inspector offers no “New speaker” for an unresolved mention")
	}
	test.Tap(f.u.insp.newSpeaker)
	b, _ = f.p.Annotation(context.Background(), b.ID)
	sp, err := f.p.Speaker(context.Background(), b.SpeakerID)
	if err != nil || sp.Name != "Tom Baker" {
		t.Fatalf("mention speaker %q (%v), want a new speaker Tom Baker", sp.Name, err)
	}
}

func TestPickSpeakerForQuoteProposesNamedSpeaker(t *testing.T) {
	f := newFixture(t)
	f.speaker("Lena Park")
	ortiz := f.speaker("Ana Ortiz")
	f.speaker("Tom Baker")
	q := f.mark("“We have waited long enough,”", "q")
	f.key("l")
	pk := f.u.lastPicker
	if pk == nil || len(pk.shown) == 0 {
		t.Fatal("L opened no speaker picker")
	}
	if first := pk.shown[0].Label; first != "Ana Ortiz" {
		t.Fatalf("first proposal %q, want Ana Ortiz (named by surname right after the quote)", first)
	}
	f.pickFirst()
	rels, _ := f.p.Relations(context.Background(), f.u.doc.ID)
	if len(rels) != 1 || rels[0].Type != storage.RelSaidBy || rels[0].SourceID != q.ID || rels[0].TargetSpeakerID != ortiz.ID {
		t.Fatalf("relations %+v, want quote said_by Ana Ortiz", rels)
	}
	if got := f.u.speakerOf(*f.u.annotation(q.ID)); got != ortiz.ID {
		t.Errorf("the window shows speaker %q", got)
	}
}

func TestPickerTypeAheadMatchesAliasAndCreates(t *testing.T) {
	f := newFixture(t)
	park := f.speaker("Lena Park", "Transport chief")
	f.speaker("Tom Baker")
	q := f.mark("the plan would make the river swimmable by 2030", "q")
	f.key("l")
	pk := f.u.lastPicker
	test.Type(pk.entry, "transport")
	if len(pk.shown) == 0 || pk.shown[0].Label != "Lena Park" {
		t.Fatalf("typing an alias shows %+v, want Lena Park first", pk.shown)
	}
	f.pickFirst()
	rels, _ := f.p.Relations(context.Background(), f.u.doc.ID)
	if len(rels) != 1 || rels[0].TargetSpeakerID != park.ID {
		t.Fatalf("relations %+v, want said_by Lena Park", rels)
	}

	// A name not in the registry is offered as a new speaker.
	f.u.selectAnnotation(q.ID, false)
	f.key("l")
	pk = f.u.lastPicker
	test.Type(pk.entry, "Council spokesperson")
	last := pk.shown[len(pk.shown)-1]
	if !strings.HasPrefix(last.Label, "New speaker") {
		t.Fatalf("no “New speaker” row for an unknown name: %+v", pk.shown)
	}
	pk.choose(len(pk.shown) - 1)
	rels, _ = f.p.Relations(context.Background(), f.u.doc.ID)
	sp, _ := f.p.Speaker(context.Background(), rels[0].TargetSpeakerID)
	if len(rels) != 1 || sp.Name != "Council spokesperson" {
		t.Fatalf("relations %+v to %q, want one said_by to the new speaker", rels, sp.Name)
	}
}

func TestUndoRedoAcrossDocuments(t *testing.T) {
	f := newFixture(t)
	f.mark("the budget unrealistic", "c")
	f.shortcut(&fyne.ShortcutUndo{})
	if n := len(f.annotations("")); n != 0 {
		t.Fatalf("%d annotations after undo, want 0", n)
	}
	if f.u.selID != "" {
		t.Error("the undone annotation is still selected")
	}
	if lbl := f.u.menus.items["redo"].Label; !strings.Contains(lbl, "claim") {
		t.Errorf("redo menu item %q does not name the claim", lbl)
	}
	f.shortcut(&fyne.ShortcutRedo{})
	f.one(storage.KindClaim)

	// Undo still works after switching to another document, and Ctrl+Shift+Z redoes.
	f.shortcut(key(fyne.KeyDown, ctrl))
	if f.u.doc.ID == f.doc.ID {
		t.Fatal("Ctrl+Down did not open the next document")
	}
	f.shortcut(&fyne.ShortcutUndo{})
	if anns, _ := f.p.Annotations(context.Background(), storage.Filter{DocumentID: f.doc.ID}); len(anns) != 0 {
		t.Fatalf("undo in another document left %d annotations", len(anns))
	}
	f.shortcut(key(fyne.KeyZ, ctrlShift))
	if anns, _ := f.p.Annotations(context.Background(), storage.Filter{DocumentID: f.doc.ID}); len(anns) != 1 {
		t.Fatalf("Ctrl+Shift+Z: %d annotations, want 1", len(anns))
	}
	// A new action clears redo.
	f.shortcut(&fyne.ShortcutUndo{})
	f.shortcut(key(fyne.KeyUp, ctrl))
	f.mark("Tom Baker", "s")
	if !f.u.menus.items["redo"].Disabled {
		t.Error("redo is still offered after a new action")
	}
}

func TestDeleteKeyAndUndo(t *testing.T) {
	f := newFixture(t)
	a := f.mark("the budget unrealistic", "c")
	f.press(fyne.KeyDelete)
	if n := len(f.annotations("")); n != 0 {
		t.Fatalf("%d annotations after Delete", n)
	}
	f.shortcut(&fyne.ShortcutUndo{})
	b := f.one(storage.KindClaim)
	if b.ID != a.ID || b.Start != a.Start || b.End != a.End {
		t.Errorf("undo restored %+v, want %+v", b, a)
	}
	// The delete button of the inspector does the same.
	f.u.spanTapped(a.ID)
	test.Tap(f.u.insp.deleteBtn)
	if n := len(f.annotations("")); n != 0 {
		t.Fatalf("%d annotations after the Delete button", n)
	}
}

func TestDigitAppliesCode(t *testing.T) {
	f := newFixture(t)
	env, err := f.p.AddCode(context.Background(), storage.Code{Name: "Environment", Shortcut: "1", Color: "#3CB44B"})
	if err != nil {
		t.Fatal(err)
	}
	f.u.reloadAll()
	// A selection and a digit make a coded passage.
	c := f.mark("make the river swimmable", "1")
	if c.Kind != storage.KindCode || len(c.Codes) != 1 || c.Codes[0] != env.ID {
		t.Fatalf("got %s with codes %v, want a coded passage with Environment", c.Kind, c.Codes)
	}
	// A digit on a selected annotation toggles the code.
	q := f.mark("the budget unrealistic", "c")
	f.key("1")
	if got, _ := f.p.Annotation(context.Background(), q.ID); len(got.Codes) != 1 {
		t.Fatalf("claim codes %v after 1, want Environment", got.Codes)
	}
	if ch := f.u.insp.codeChecks[env.ID]; ch == nil || !ch.Checked {
		t.Error("the inspector does not tick the applied code")
	}
	f.key("1")
	if got, _ := f.p.Annotation(context.Background(), q.ID); len(got.Codes) != 0 {
		t.Fatalf("claim codes %v after pressing 1 again, want none", got.Codes)
	}
	// A digit without a code says so.
	f.key("7")
	if !strings.Contains(f.u.status.Text(), "No code has the shortcut 7") {
		t.Errorf("status %q", f.u.status.Text())
	}
}

func TestLinkOfferAfterQuoteAndCue(t *testing.T) {
	f := newFixture(t)
	q := f.mark("“The numbers do not add up,”", "q")
	m := f.mark("up,” [he] said", "s") // right after the quote
	if m.Text != "he" {
		t.Fatalf("mention %q", m.Text)
	}
	if f.u.insp.linkOffer == nil {
		t.Fatal("a mention right after a quote offers no link")
	}
	f.press(fyne.KeyReturn)
	rels, _ := f.p.Relations(context.Background(), f.u.doc.ID)
	if len(rels) != 1 || rels[0].SourceID != q.ID || rels[0].TargetID != m.ID || rels[0].Type != storage.RelSaidBy {
		t.Fatalf("relations %+v, want the quote said_by the mention", rels)
	}
	// A cue links to the nearest quote with L.
	f.mark("he [said]", "u")
	f.key("L")
	f.pickFirst()
	rels, _ = f.p.Relations(context.Background(), f.u.doc.ID)
	found := false
	for _, r := range rels {
		if r.Type == storage.RelCueOf && r.TargetID == q.ID {
			found = true
		}
	}
	if !found {
		t.Fatalf("relations %+v, want a cue_of to the quote", rels)
	}
}

func TestClaimLinksToQuoteAndClaimer(t *testing.T) {
	f := newFixture(t)
	baker := f.speaker("Tom Baker")
	q := f.mark("“The numbers do not add up,”", "q")
	c := f.mark("The numbers do not add up", "c")
	f.key("l")
	f.pickFirst() // Tom Baker is named in the sentence before
	f.u.selectAnnotation(c.ID, false)
	f.u.pickQuote(c.ID, storage.RelStatedIn)
	f.pickFirst()
	rels, _ := f.p.Relations(context.Background(), f.u.doc.ID)
	var claimer, stated bool
	for _, r := range rels {
		claimer = claimer || (r.Type == storage.RelClaimedBy && r.TargetSpeakerID == baker.ID)
		stated = stated || (r.Type == storage.RelStatedIn && r.TargetID == q.ID)
	}
	if !claimer || !stated {
		t.Fatalf("relations %+v, want claimed_by Tom Baker and stated_in the quote", rels)
	}
}

func TestTabMovesBetweenAnnotations(t *testing.T) {
	f := newFixture(t)
	a := f.mark("Ana Ortiz", "s")
	b := f.mark("Tom Baker", "s")
	f.u.clearSelection()
	f.u.view.Select(0, 0)
	f.press(fyne.KeyTab)
	if f.u.selID != a.ID {
		t.Fatalf("Tab selected %q, want the first annotation", f.u.selID)
	}
	f.press(fyne.KeyTab)
	if f.u.selID != b.ID {
		t.Fatalf("second Tab selected %q, want the second annotation", f.u.selID)
	}
	f.shortcut(key(fyne.KeyUp, fyne.KeyModifierAlt))
	if f.u.selID != a.ID {
		t.Fatalf("Alt+Up selected %q, want the first annotation again", f.u.selID)
	}
	f.shortcut(key(fyne.KeyDown, fyne.KeyModifierAlt))
	if f.u.selID != b.ID {
		t.Fatalf("Alt+Down selected %q, want the second annotation", f.u.selID)
	}
	f.press(fyne.KeyEscape)
	if f.u.selID != "" {
		t.Error("Escape kept the selection")
	}
}
