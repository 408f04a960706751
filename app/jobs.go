package app

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
)

// The window runs long work — import, export, merge, detection, backup,
// repair, agreement — in one job slot: off the UI goroutine, under a
// context, with its progress and a Cancel button in the status bar. While a job that writes
// the project runs (an import), the actions that would change the project
// or switch it (editing, undo, opening another project) are refused and
// their menu items greyed out; a job that only reads (an export, which
// reads one snapshot) leaves editing open. Switching project or quitting
// cancels the job and waits for it to stop.

// jobSlot holds the one job running, if any.
type jobSlot struct {
	cur *job
}

// job is long work under way.
type job struct {
	title  string
	writes bool // it writes the project: editing waits
	cancel context.CancelFunc
	done   chan struct{}
}

// running reports whether a job is under way.
func (s *jobSlot) running() bool { return s.cur != nil }

// editingBlocked reports whether a job that writes the project runs.
func (s *jobSlot) editingBlocked() bool { return s.cur != nil && s.cur.writes }

// title names the running job ("" when none).
func (s *jobSlot) title() string {
	if s.cur == nil {
		return ""
	}
	return s.cur.title
}

// stop cancels the running job and waits until its work has returned.
func (s *jobSlot) stop() {
	if j := s.cur; j != nil {
		j.cancel()
		<-j.done
	}
}

// progressFunc reports how far a job is: done of total, working on name.
type progressFunc func(done, total int, name string)

// startJob runs work as the window's job. determinate says whether work
// reports progress; writes whether it changes the project. finish runs on
// the UI goroutine with work's error once it has returned (unless the
// window has moved on to another project). It refuses, with a message,
// when another job runs.
func (u *UI) startJob(title string, writes, determinate bool, work func(ctx context.Context, progress progressFunc) error, finish func(err error)) bool {
	if u.jobs.running() {
		u.status.failed(title + ": not now — " + lowerFirst(u.jobs.title()) + " is still running")
		return false
	}
	ctx, cancel := context.WithCancel(u.ctx())
	j := &job{title: title, writes: writes, cancel: cancel, done: make(chan struct{})}
	u.jobs.cur = j
	pr := u.status.startProgress(title, determinate, cancel)
	u.menus.refreshEnabled()
	var once sync.Once
	report := func(done, total int, name string) {
		fyne.Do(func() {
			if !u.closed {
				pr.set(done, total, name)
			}
		})
	}
	go func() {
		defer close(j.done)
		err := work(ctx, report)
		fyne.Do(func() {
			once.Do(func() {
				cancel()
				if u.closed {
					return
				}
				pr.close()
				u.jobs.cur = nil
				u.menus.refreshEnabled()
				finish(err)
				u.backgroundDone()
			})
		})
	}()
	return true
}

// jobOutcome reports a job's end in the status bar: cancelled, failed or
// done with doneMsg. It reports whether the job succeeded.
func (u *UI) jobOutcome(title, doneMsg string, err error) bool {
	switch {
	case errors.Is(err, context.Canceled):
		u.status.info(title + " cancelled")
	case err != nil:
		u.fail(err)
	default:
		u.status.info(doneMsg)
		return true
	}
	return false
}

// background runs work as a job that does not write the project, then
// after (when not nil) on the UI goroutine if the work succeeded.
func (u *UI) background(title, doneMsg string, work func(ctx context.Context) error, after func()) {
	u.startJob(title, false, false, func(ctx context.Context, _ progressFunc) error { return work(ctx) }, func(err error) {
		if u.jobOutcome(title, doneMsg, err) && after != nil {
			after()
		}
	})
}
