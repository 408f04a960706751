package sqlite

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The crash and two-process tests re-execute this test binary as a helper
// process. TestMain sends the helper straight to its work when
// SAYWHO_TEST_HELPER names a mode; the project path and a seed come in
// further variables. A helper prints one line per finished storage call
// on standard output, after the call has returned.
const (
	envHelper  = "SAYWHO_TEST_HELPER"
	envProject = "SAYWHO_TEST_PROJECT"
	envSeed    = "SAYWHO_TEST_SEED"
)

// helperModes are the helper processes, by mode.
var helperModes = map[string]func(path string, seed uint64) error{
	"actions":    runActionsHelper,
	"import":     runImportHelper,
	"import-new": runFreshImportHelper,
	"writer":     runWriterHelper,
	"checkpoint": runCheckpointHelper,
}

// helperLifetime bounds a helper that nobody kills (its parent died).
const helperLifetime = 3 * time.Minute

func TestMain(m *testing.M) {
	if mode := os.Getenv(envHelper); mode != "" {
		os.Exit(runHelper(mode))
	}
	os.Exit(m.Run())
}

func runHelper(mode string) int {
	run, ok := helperModes[mode]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown helper mode %q\n", mode)
		return 3
	}
	seed, err := strconv.ParseUint(os.Getenv(envSeed), 10, 64)
	if err != nil {
		fmt.Fprintf(os.Stderr, "helper seed: %v\n", err)
		return 3
	}
	time.AfterFunc(helperLifetime, func() { os.Exit(4) })
	if err := run(os.Getenv(envProject), seed); err != nil {
		fmt.Fprintf(os.Stderr, "helper %s: %v\n", mode, err)
		return 1
	}
	return 0
}

// say writes one line to standard output in a single write, so that a
// line the parent reads is never half of one.
func say(format string, args ...any) {
	os.Stdout.WriteString(fmt.Sprintf(format, args...) + "\n")
}

// checkpointOften folds the -wal log into the project file every few
// milliseconds from another connection, as SQLite's automatic checkpoint
// does every thousand pages, so that kills also fall inside checkpoints.
func checkpointOften(p *Project) {
	go func() {
		for {
			time.Sleep(time.Duration(1+rand.IntN(30)) * time.Millisecond)
			p.DB().Exec("PRAGMA wal_checkpoint(PASSIVE)")
		}
	}()
}

// helperProc is a running helper process and the lines it printed.
type helperProc struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	ready  chan struct{} // closed when the helper prints "ready"
	eof    chan struct{} // closed when its standard output ends

	mu    sync.Mutex
	lines []string
}

func startHelper(t *testing.T, mode, path string, seed uint64) *helperProc {
	t.Helper()
	h := &helperProc{ready: make(chan struct{}), eof: make(chan struct{})}
	h.cmd = exec.Command(os.Args[0], "-test.run=^$")
	h.cmd.Env = append(os.Environ(), envHelper+"="+mode, envProject+"="+path, envSeed+"="+strconv.FormatUint(seed, 10))
	h.cmd.Stderr = &h.stderr
	out, err := h.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.cmd.Process.Kill() })
	go func() {
		defer close(h.eof)
		r := bufio.NewReader(out)
		readyOnce := sync.Once{}
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // a fragment without its newline is dropped
			}
			line = strings.TrimSuffix(line, "\n")
			if line == "ready" {
				readyOnce.Do(func() { close(h.ready) })
				continue
			}
			h.mu.Lock()
			h.lines = append(h.lines, line)
			h.mu.Unlock()
		}
	}()
	return h
}

// kill sends SIGKILL and waits for the process. It reports whether the
// signal ended it; false means it had already exited (its error, if any,
// is returned).
func (h *helperProc) kill() (killed bool, err error) {
	h.cmd.Process.Signal(syscall.SIGKILL)
	<-h.eof
	err = h.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, nil
		}
	}
	if err != nil {
		return false, fmt.Errorf("%v: %s", err, h.stderr.String())
	}
	return false, nil
}

// wait waits for the helper to exit by itself.
func (h *helperProc) wait() error {
	<-h.eof
	if err := h.cmd.Wait(); err != nil {
		return fmt.Errorf("%v: %s", err, h.stderr.String())
	}
	return nil
}

// output returns the lines printed so far.
func (h *helperProc) output() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.lines...)
}
