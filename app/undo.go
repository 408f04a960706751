package app

import (
	"context"

	"github.com/saywho-app/saywho/storage"
)

// undo reverses the last change of the project, whatever it was and in
// whichever document, then shows the project as it now is.
func (u *UI) undo() { u.replay(false) }

// redo repeats the last undone change.
func (u *UI) redo() { u.replay(true) }

func (u *UI) replay(redo bool) {
	run, verb := u.p.Undo, "Undid"
	if redo {
		run, verb = u.p.Redo, "Redid"
	}
	var label string
	ok := u.do(verb, func(ctx context.Context) error {
		var err error
		label, err = run(ctx)
		return err
	})
	if ok {
		u.keepCoder()
		u.status.done(verb + " " + lowerFirst(label))
	}
}

// keepCoder adds the coder again if an undo removed them (undoing File →
// Change coder), so new annotations still have their annotator.
func (u *UI) keepCoder() {
	if u.p.ReadOnly() || byID(u.coders, u.coder.ID, func(a *storage.Annotator) string { return a.ID }) != nil {
		return
	}
	coder, err := coderFor(u.p, u.coder.Name)
	if err != nil {
		u.fail(err)
		return
	}
	u.coder = coder
	u.applyChanges()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
