package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

// statusBar is the line at the bottom of the window: whether everything is
// saved, what was done last, or what went wrong.
type statusBar struct {
	saved *widget.Label
	msg   *widget.Label
	job   *fyne.Container // the running job's progress and Cancel; empty when none
	box   *fyne.Container
}

func newStatusBar() *statusBar {
	s := &statusBar{saved: widget.NewLabel("All changes saved"), msg: widget.NewLabel(""), job: container.NewHBox()}
	s.msg.Truncation = fyne.TextTruncateClip
	s.box = container.NewBorder(widget.NewSeparator(), nil, s.job, s.saved, s.msg)
	return s
}

// progress shows a running job in the status bar: its title and how far
// it is, a bar, and a Cancel button. The rest of the window stays usable.
type progress struct {
	s    *statusBar
	line *widget.Label
	bar  *widget.ProgressBar // nil when the amount of work is unknown
	stop func()
}

// startProgress shows a job; determinate says whether set will report how
// far it is; cancel is what Cancel calls.
func (s *statusBar) startProgress(title string, determinate bool, cancel func()) *progress {
	pr := &progress{s: s, line: widget.NewLabel(title + "…"), stop: func() {}}
	var bar fyne.CanvasObject
	if determinate {
		pr.bar = widget.NewProgressBar()
		bar = pr.bar
	} else {
		inf := widget.NewProgressBarInfinite()
		pr.stop, bar = inf.Stop, inf
	}
	stop := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		pr.line.SetText("Cancelling…")
		cancel()
	})
	s.job.Objects = []fyne.CanvasObject{pr.line, container.NewGridWrap(fyne.NewSize(160, bar.MinSize().Height), bar), stop}
	s.job.Refresh()
	return pr
}

// set shows how far the work is; called on the UI goroutine.
func (pr *progress) set(done, total int, name string) {
	if total > 0 && pr.bar != nil {
		pr.bar.SetValue(float64(done) / float64(total))
	}
	if name != "" {
		pr.line.SetText(fmt.Sprintf("%d of %d: %s", done+1, total, excerpt(textutil.Name(name), 40)))
	}
}

// close takes the job off the status bar.
func (pr *progress) close() {
	pr.stop()
	pr.s.job.Objects = nil
	pr.s.job.Refresh()
}

func (s *statusBar) object() fyne.CanvasObject { return s.box }

// info shows a passing message.
func (s *statusBar) info(msg string) {
	s.msg.Importance = widget.MediumImportance
	s.msg.SetText(msg)
}

// done reports a saved change.
func (s *statusBar) done(msg string) {
	s.saved.Importance = widget.SuccessImportance
	s.saved.SetText("All changes saved")
	s.info(msg)
}

// waiting shows that a change waits to be saved.
func (s *statusBar) waiting(msg string) {
	s.saved.Importance = widget.WarningImportance
	s.saved.SetText("Not saved yet")
	s.info(msg)
}

// failed reports an error.
func (s *statusBar) failed(msg string) {
	s.msg.Importance = widget.DangerImportance
	s.msg.SetText(msg)
}

// setReadOnly shows that nothing can be saved.
func (s *statusBar) setReadOnly() {
	s.saved.Importance = widget.WarningImportance
	s.saved.SetText("Read-only")
}

// Text returns what the status bar says, for tests.
func (s *statusBar) Text() string { return s.saved.Text + " | " + s.msg.Text }

// updateTitle puts the project, the document and the save state in the
// window title.
func (u *UI) updateTitle() {
	name := u.p.Info().Name
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(u.p.Path()), sqlite.Extension)
	}
	state := "all changes saved"
	if u.p.ReadOnly() {
		state = "read-only"
		u.status.setReadOnly()
	}
	title := "Saywho — " + name
	if u.doc.ID != "" {
		title += " — " + excerpt(u.doc.Title, 60)
	}
	u.win.SetTitle(title + " (" + state + ")")
}
