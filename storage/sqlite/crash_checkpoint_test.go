package sqlite

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A checkpoint copies the pages of the -wal log into the project file;
// SQLite runs one every thousand pages and when the last connection
// closes. This test kills a helper in the middle of checkpointing a log
// that grows the file, the moment when the file's header already gives
// the new size but the file is not yet that long.

func runCheckpointHelper(path string, _ uint64) error {
	p, err := Open(path, OpenOptions{})
	if err != nil {
		return err
	}
	defer p.Close()
	say("ready")
	if _, err := p.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}
	say("checkpointed")
	return nil
}

func TestCrashInCheckpoint(t *testing.T) {
	kills := crashKills(40, 6, 2)
	dir := t.TempDir()
	prepared, ref := pendingProject(t, dir)
	// One undisturbed run measures the checkpoint.
	h := startHelper(t, "checkpoint", copyProject(t, prepared, t.TempDir()), 0)
	<-h.ready
	began := time.Now()
	if err := h.wait(); err != nil {
		t.Fatal(err)
	}
	span := time.Since(began)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 13))
	killed, inside := 0, 0
	for killed < kills {
		live := copyProject(t, prepared, t.TempDir())
		h := startHelper(t, "checkpoint", live, 0)
		select {
		case <-h.ready:
		case <-h.eof:
		}
		if rng.IntN(2) == 0 {
			time.Sleep(time.Duration(rng.Int64N(int64(span))))
		} else {
			waitGrowth(live, 4*span) // then kill while it grows
		}
		k, err := h.kill()
		if err != nil {
			t.Fatalf("the checkpoint helper failed: %v", err)
		}
		if !k {
			continue
		}
		killed++
		if hd, err := readHeader(live); err == nil && hd.short {
			inside++
		}
		if got := checkCopy(t, live); !equalLines(got, ref) {
			t.Fatalf("after a kill during a checkpoint the project differs from what was committed:\n%s", diffLines(ref, got, 20))
		}
	}
	t.Logf("%d kills during checkpoints of %v; %d left the file shorter than its header; every project opened whole",
		killed, span.Round(time.Microsecond), inside)
}

// waitGrowth returns as soon as the file at path changes size, or after d.
func waitGrowth(path string, d time.Duration) {
	st, err := os.Stat(path)
	if err != nil {
		return
	}
	for deadline := time.Now().Add(d); time.Now().Before(deadline); {
		if now, err := os.Stat(path); err != nil || now.Size() != st.Size() {
			return
		}
	}
}

// pendingProject writes a project whose last transactions, which grow
// it, are still in its -wal log, as a copy taken before any checkpoint; it
// returns the copy's path and the committed state.
func pendingProject(t *testing.T, dir string) (string, []string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "pending.saywho")
	p, err := Create(src, "checkpoint test")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.wconn.ExecContext(bg, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Merge(bg, crashBundle(), nil); err != nil {
		t.Fatal(err)
	}
	ref := dump(t, p)
	return copyProject(t, src, dir), ref
}
