package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Every action of the window that changes the project goes through do:
// one storage call, one transaction, committed before the window says it
// is saved. What the call changed comes back as storage.Changes (see
// changes.go), and only the views it touched are updated.
//
// Pressing Q, for example: keys.go typedRune → the "quote" command →
// annotate.go mark → add → do(… p.AddAnnotation …) → storage/sqlite
// annotations.go AddAnnotation → writer.go write (one immediate
// transaction) → the change is published → apply refreshes the open
// document's highlights, the inspector, the annotation list and the
// document's row in the list.

// lockWait is how long an action waits for another program (a second
// Saywho window, an import on the command line) to finish writing before
// the window stops waiting and saves in the background instead.
const lockWait = 250 * time.Millisecond

// do runs one change of the project: fn makes one storage call (one
// transaction) under the context it is given. A read-only project, a
// running import, or a change still waiting to be saved refuse it with an
// explanation. It reports whether the change was made; a change that had
// to wait for the project's write lock is saved in the background and
// reported then, and do returns false.
func (u *UI) do(what string, fn func(ctx context.Context) error) bool {
	switch {
	case u.p.ReadOnly():
		u.refuseReadOnly(what)
		return false
	case u.jobs.editingBlocked():
		u.status.failed(fmt.Sprintf("%s: not now — %s is running (Cancel stops it)", what, strings.ToLower(u.jobs.title())))
		return false
	case u.waiting != "":
		u.status.failed(fmt.Sprintf("%s: not yet — still waiting to save “%s”", what, u.waiting))
		return false
	}
	defer u.insp.hold()()
	ctx, cancel := context.WithTimeout(u.ctx(), lockWait)
	err := fn(ctx)
	cancel()
	switch {
	case errors.Is(err, storage.ErrInUse):
		u.saveLater(what, fn)
		return false
	case errors.Is(err, storage.ErrNothingToUndo), errors.Is(err, storage.ErrNothingToRedo):
		u.status.info(capitalise(err.Error()))
		return false
	case err != nil:
		u.fail(err)
		return false
	}
	u.saved(what)
	return true
}

// saveLater retries a change that found the project locked, off the UI
// goroutine, waiting as long as the storage allows; the window stays
// responsive and says what it is waiting for.
func (u *UI) saveLater(what string, fn func(ctx context.Context) error) {
	u.waiting = what
	u.status.waiting(fmt.Sprintf("Waiting for another Saywho to finish writing, then saving “%s”…", what))
	ctx := u.ctx()
	go func() {
		err := fn(ctx)
		fyne.Do(func() {
			if u.closed {
				return
			}
			u.waiting = ""
			if err != nil {
				u.fail(err)
			} else {
				u.saved(what)
			}
			u.backgroundDone()
		})
	}()
}

// saved shows the outcome of a committed change.
func (u *UI) saved(what string) {
	u.applyChanges()
	u.status.done(what)
	u.menus.refreshUndo()
	u.updateTitle()
}

// ctx is the context of the window's storage calls: it ends when the
// window shows another project or closes.
func (u *UI) ctx() context.Context { return u.life }

// refuseReadOnly explains that a change cannot be made.
func (u *UI) refuseReadOnly(what string) {
	msg := fmt.Sprintf("%s: not possible, the project is open read-only and nothing can be changed.", what)
	u.status.failed(msg)
	dialog.ShowInformation("Read-only project", msg+"\nOpen a writable copy to annotate.", u.win)
}

// fail shows an error in a dialog and in the status bar.
func (u *UI) fail(err error) {
	if err == nil {
		return
	}
	msg := friendly(err)
	u.status.failed("Not saved: " + msg)
	dialog.ShowError(errors.New(msg), u.win)
}

// friendly turns a storage error into a sentence for the user.
func friendly(err error) string {
	msg := textutil.Printable(err.Error()) // a file name in it cannot fake lines
	switch {
	case errors.Is(err, storage.ErrReadOnly):
		return "The project is open read-only; nothing was changed."
	case errors.Is(err, storage.ErrInUse):
		return "The project is in use by another Saywho window. Close it there first. (" + msg + ")"
	}
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}
