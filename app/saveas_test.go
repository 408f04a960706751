package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/sqlite"
)

// projectIntact fails the test unless the project file still holds the
// project, whole.
func (f *fixture) projectIntact(what string) {
	f.t.Helper()
	if st, err := os.Stat(f.p.Path()); err != nil || st.Size() == 0 {
		f.t.Fatalf("%s: the project file is gone or empty (%v)", what, err)
	}
	if problems, err := f.p.Check(context.Background()); err != nil || len(problems) > 0 {
		f.t.Fatalf("%s: the project fails its check: %v %v", what, err, problems)
	}
	again, err := sqlite.Open(f.p.Path(), sqlite.OpenOptions{ReadOnly: true})
	if err != nil {
		f.t.Fatalf("%s: the project no longer opens: %v", what, err)
	}
	again.Close()
}

// saveAsName types name into the open save dialog and confirms it.
func (f *fixture) saveAsName(name, confirm string) {
	f.t.Helper()
	e := f.entries()
	if len(e) != 1 {
		f.t.Fatalf("the save dialog has %d entries, want 1 (the file name)", len(e))
	}
	e[0].SetText(name)
	f.tapButton(confirm)
}

// File → Export… used Fyne's save dialog, which opens the chosen file for
// writing (emptying it) before Saywho sees the name: choosing the open
// project emptied it.
func TestExportDialogRefusesProjectFiles(t *testing.T) {
	f := newFixture(t)
	fake := &fakeFormats{}
	f.u.SetFormats(fake)
	format := fake.ExportFormats()[0]
	base := filepath.Base(f.p.Path())
	for _, name := range []string{base, base + "-wal", base + "-shm", base + "-journal", strings.ToUpper(base)} {
		f.u.chooseExportTarget(format)
		f.saveAsName(name, "Export")
		if fake.exported != "" {
			t.Fatalf("exported to %s", fake.exported)
		}
		if !strings.Contains(f.u.status.Text(), "project's own files") {
			t.Errorf("%s: status %q does not say why", name, f.u.status.Text())
		}
		f.projectIntact(name)
	}
	// A folder export into the project's folder would replace the folder.
	f.u.runExport(ExportFormat{Name: "brat", Folder: true}, filepath.Dir(f.p.Path()))
	if fake.exported != "" || !strings.Contains(f.u.status.Text(), "holds the project file") {
		t.Errorf("folder export into the project's folder: exported %q, status %q", fake.exported, f.u.status.Text())
	}
	f.projectIntact("folder export")

	// Another name is exported; an existing file only after confirming.
	done := make(chan struct{}, 1)
	f.u.onBackgroundDone = func() { done <- struct{}{} }
	out := filepath.Join(filepath.Dir(f.p.Path()), "out.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.u.chooseExportTarget(format)
	f.saveAsName("out.json", "Export")
	if fake.exported != "" {
		t.Fatal("an existing file was replaced without asking")
	}
	f.tapButton("Yes")
	<-done
	if fake.exported != "json "+out {
		t.Errorf("exported %q, want json %s", fake.exported, out)
	}
}

// File → Back up… with the same dialog: never onto the project, never
// over an existing file, and a copy that opens.
func TestBackupDialog(t *testing.T) {
	f := newFixture(t)
	base := filepath.Base(f.p.Path())
	for _, name := range []string{base, base + "-wal", base + "-journal"} {
		f.u.backupDialog()
		f.saveAsName(name, "Back up")
		if !strings.Contains(f.u.status.Text(), "project's own files") {
			t.Errorf("%s: status %q does not say why", name, f.u.status.Text())
		}
		f.projectIntact(name)
	}
	done := make(chan struct{}, 1)
	f.u.onBackgroundDone = func() { done <- struct{}{} }
	f.u.backupDialog()
	f.saveAsName("copy.saywho", "Back up")
	<-done
	copyPath := filepath.Join(filepath.Dir(f.p.Path()), "copy.saywho")
	c, err := sqlite.Open(copyPath, sqlite.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("the backup does not open: %v (status %q)", err, f.u.status.Text())
	}
	c.Close()
	f.u.backupDialog()
	f.saveAsName("copy.saywho", "Back up")
	if !strings.Contains(f.u.status.Text(), "already exists") {
		t.Errorf("a second backup under the same name: status %q", f.u.status.Text())
	}
}
