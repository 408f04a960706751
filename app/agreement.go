package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/agreement"
)

// agreementDialog compares every coder of the project (Krippendorff's
// alpha, span F1, attribution; see package agreement) off the UI
// goroutine, then shows the table, or why there is nothing to compare.
func (u *UI) agreementDialog() {
	var text string
	u.startJob("Computing the agreement between coders", false, false, func(ctx context.Context, _ progressFunc) error {
		var err error
		text, err = agreementText(ctx, u.p)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, agreement.ErrTooFewCoders):
			u.status.info("No agreement to compute")
			dialog.ShowInformation("Agreement between coders",
				"Agreement needs two or more coders who annotated the same document independently.\n\n"+
					err.Error()+".\n\nEach coder works under their own name (File › Change coder…);\n"+
					"coders' project files are brought together with File › Import.", u.win)
		case errors.Is(err, context.Canceled):
			u.status.info("Agreement cancelled")
		case err != nil:
			u.status.failed("Agreement: " + err.Error())
			dialog.ShowError(err, u.win)
		default:
			u.status.info("Agreement computed")
			u.showAgreement(text)
		}
	})
}

// agreementText computes the agreement report of the whole project as the
// command line prints it.
func agreementText(ctx context.Context, p storage.Project) (string, error) {
	b, err := p.Snapshot(ctx, storage.SnapshotOptions{NoText: true})
	if err != nil {
		return "", err
	}
	r, err := agreement.Compute(b, agreement.Options{})
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	err = r.WriteText(&sb)
	return sb.String(), err
}

// showAgreement shows the report in a monospaced, selectable table.
func (u *UI) showAgreement(text string) {
	table := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	table.Selectable = true
	note := widget.NewLabel("alpha: Krippendorff's alpha, every character a unit, all coders. F1: pairs of coders, " +
		"spans with the same ends (exact) or sharing characters (overlap). See docs/agreement.md.")
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Agreement between coders", "Close",
		container.NewBorder(nil, note, nil, nil, container.NewScroll(table)), u.win)
	d.Resize(fyne.NewSize(900, 560))
	u.lastDialog = d
	d.Show()
}
