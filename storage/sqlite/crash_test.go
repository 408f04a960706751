package sqlite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// The crash tests kill a helper process with SIGKILL at random moments
// while it works on a project, then check the project the way the next
// start of Saywho would find it. `make test` runs a few kills;
// SAYWHO_CRASH_LONG=1 (`make crash`) runs the long series.

// crashKills picks the number of kills: long with SAYWHO_CRASH_LONG set,
// few with -short, normal otherwise.
func crashKills(long, normal, short int) int {
	switch {
	case os.Getenv("SAYWHO_CRASH_LONG") != "":
		return long
	case testing.Short():
		return short
	}
	return normal
}

// crashProject makes a project with documents, a coder, codes and
// speakers for the actor to work on.
func crashProject(t *testing.T, path string) {
	t.Helper()
	p, err := Create(path, "crash test")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.EnsureAnnotator(bg, "crash coder"); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := p.AddDocument(bg, storage.Document{Title: fmt.Sprintf("Article %d", i), Format: "txt", Text: crashArticle(i)}); err != nil {
			t.Fatal(err)
		}
		if _, err := p.AddCode(bg, storage.Code{Name: fmt.Sprintf("Topic %d", i), Color: "#2CA02C"}); err != nil {
			t.Fatal(err)
		}
		if _, err := p.AddSpeaker(bg, storage.Speaker{Name: fmt.Sprintf("Official %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
}

// copyProject copies a project file and its write-ahead log (not the
// shared-memory index, which SQLite rebuilds) into dir, as a crash would
// leave them, and returns the copy's path.
func copyProject(t *testing.T, src, dir string) string {
	t.Helper()
	dst := filepath.Join(dir, filepath.Base(src))
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(src+suffix, dst+suffix); err != nil && !(suffix != "" && os.IsNotExist(err)) {
			t.Fatal(err)
		}
	}
	return dst
}

func runActionsHelper(path string, seed uint64) error {
	p, err := Open(path, OpenOptions{})
	if err != nil {
		return err
	}
	if err := p.EnableUndo(); err != nil {
		return err
	}
	a, err := newActor(p, seed)
	if err != nil {
		return err
	}
	checkpointOften(p)
	say("ready")
	for i := 1; ; i++ {
		line, err := a.step()
		if err != nil {
			return err
		}
		say("done %d %s", i, line)
	}
}

// crashTally counts what the kills met.
type crashTally struct {
	kills, early, actions, inFlight, hotWAL, midCheckpoint int
}

func TestCrashAnnotating(t *testing.T) {
	kills := crashKills(160, 16, 5)
	dir := t.TempDir()
	live, model := filepath.Join(dir, "live.saywho"), filepath.Join(dir, "model.saywho")
	crashProject(t, live)
	if err := copyFile(live, model); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var tally crashTally
	start := time.Now()
	for k := range kills {
		seed := uint64(k + 1)
		h := startHelper(t, "actions", live, seed)
		if rng.IntN(8) == 0 { // during start-up and recovery
			tally.early++
			time.Sleep(time.Duration(rng.IntN(80)) * time.Millisecond)
		} else {
			select {
			case <-h.ready:
			case <-h.eof:
			}
			time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
		}
		killed, err := h.kill()
		if err != nil || !killed {
			t.Fatalf("kill %d: the helper was not running: %v", k, err)
		}
		tally.kills++
		lines := h.output()
		tally.actions += len(lines)
		if st, err := os.Stat(live + "-wal"); err == nil && st.Size() > 0 {
			tally.hotWAL++
		}
		if hd, err := readHeader(live); err == nil && hd.short {
			tally.midCheckpoint++
		}
		got := checkCopy(t, live)
		if replayActions(t, model, seed, lines, got, k) {
			tally.inFlight++
		}
	}
	t.Logf("%d kills (%d during start-up) in %v; %d actions reported done and found intact; "+
		"%d kills fell after a commit and before its report; %d left a non-empty WAL to recover, %d of them inside a checkpoint",
		tally.kills, tally.early, time.Since(start).Round(time.Millisecond), tally.actions, tally.inFlight, tally.hotWAL, tally.midCheckpoint)
}

// checkCopy opens a copy of the crashed project (so that the live one
// keeps its unrecovered log for the next helper), checks it and dumps it.
func checkCopy(t *testing.T, live string) []string {
	t.Helper()
	scratch := t.TempDir()
	p, err := Open(copyProject(t, live, scratch), OpenOptions{})
	if err != nil {
		t.Fatalf("the crashed project does not open: %v", err)
	}
	defer p.Close()
	verifySound(t, p)
	return dump(t, p)
}

// replayActions repeats on the model project the actions the helper
// reported done, checking each outcome, and compares the crashed project
// with the model: it must equal it, or equal it plus the one action that
// was in flight when the kill came (then replayActions returns true).
func replayActions(t *testing.T, model string, seed uint64, lines, got []string, kill int) bool {
	t.Helper()
	p, err := Open(model, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.EnableUndo(); err != nil {
		t.Fatal(err)
	}
	a, err := newActor(p, seed)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range lines {
		out, err := a.step()
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("done %d %s", i+1, out); line != want {
			t.Fatalf("kill %d, action %d: the helper reported\n  %s\nbut the replay gives\n  %s", kill, i+1, line, want)
		}
	}
	before := dump(t, p)
	if equalLines(got, before) {
		return false
	}
	if _, err := a.step(); err != nil {
		t.Fatal(err)
	}
	if equalLines(got, dump(t, p)) {
		return true
	}
	t.Fatalf("kill %d: after %d reported actions the project matches neither them nor them plus the action in flight; against the reported ones:\n%s",
		kill, len(lines), diffLines(before, got, 20))
	return false
}
