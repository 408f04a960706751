package app

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// While another program holds the project's write lock, an action waits
// briefly, then is saved in the background: the window says what it waits
// for, refuses a second change meanwhile, and saves the first as soon as
// the lock is free.
func TestActionWaitsForAnotherWriter(t *testing.T) {
	f := newFixture(t)
	other, err := sql.Open("sqlite", "file:"+f.p.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	f.u.onBackgroundDone = func() { close(done) }

	f.drag("the budget unrealistic")
	f.key("q")
	if !strings.Contains(f.u.status.Text(), "Waiting for another Saywho") || !strings.Contains(f.u.status.Text(), "Not saved yet") {
		t.Fatalf("status %q while the project is locked", f.u.status.Text())
	}
	if n, _ := f.p.CountAnnotations(context.Background(), storage.Filter{}); n != 0 {
		t.Fatalf("%d annotations written through a held lock", n)
	}
	f.drag("Ortiz told reporters")
	f.key("c")
	if !strings.Contains(f.u.status.Text(), "still waiting to save") {
		t.Errorf("a second change while waiting: status %q", f.u.status.Text())
	}

	if _, err := conn.ExecContext(context.Background(), "COMMIT"); err != nil {
		t.Fatal(err)
	}
	<-done
	if got := f.annotations(storage.KindQuote); len(got) != 1 || got[0].Text != "the budget unrealistic" {
		t.Fatalf("after the lock was freed: quotes %+v", got)
	}
	if len(f.annotations(storage.KindClaim)) != 0 {
		t.Error("the change refused while waiting was made")
	}
	if !strings.Contains(f.u.status.Text(), "All changes saved") {
		t.Errorf("status %q after saving", f.u.status.Text())
	}
}
