package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// envCLIArgs makes the test binary run one saywho command, given as a JSON
// list, and exit with its code: the read-only test runs commands so as
// another user.
const envCLIArgs = "SAYWHO_TEST_CLI_ARGS"

func TestMain(m *testing.M) {
	if a := os.Getenv(envCLIArgs); a != "" {
		var args []string
		if err := json.Unmarshal([]byte(a), &args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(Run(args, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// nobody is the user the read-only commands run as when the tests run as
// root, whom file permissions do not stop.
const nobody = 65534

// TestReadOnlyProject puts a project where the user running saywho may not
// write it: a read-only file in a read-only folder, and a read-only file
// in a writable folder. Reading commands work; import is refused with a
// message that says why, and the project is unchanged. As root, chmod
// stops nothing, so the commands run in a copy of the test binary as user
// nobody; otherwise in-process.
func TestReadOnlyProject(t *testing.T) {
	base, err := os.MkdirTemp("", "saywho-ro-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(base, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(base)
	})
	dirs := map[string]os.FileMode{"ro": 0o555, "rofile": 0o777, "rowal": 0o555, "in": 0o755, "out": 0o777, "bin": 0o755}
	for name := range dirs {
		if err := os.Mkdir(filepath.Join(base, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(goodProject(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"ro", "rofile"} {
		if err := os.WriteFile(filepath.Join(base, d, "study.saywho"), src, 0o444); err != nil {
			t.Fatal(err)
		}
	}
	input := putFile(t, filepath.Join(base, "in", "harbour-2.txt"), []byte("Second report 🌊\n\nThe mayor said nothing more.\n"))
	pendingLog(t, filepath.Join(base, "rowal"))
	os.Chmod(base, 0o755)
	run := inProcess(t)
	if os.Geteuid() == 0 {
		run = asNobody(t, filepath.Join(base, "bin"))
	}
	for name, mode := range dirs {
		if err := os.Chmod(filepath.Join(base, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"ro", "rofile"} {
		dir := filepath.Join(base, d)
		project := filepath.Join(dir, "study.saywho")
		before := dirState(t, dir)
		code, stdout, stderr := run("import", project, input)
		if code != ExitError {
			t.Errorf("%s: import into a read-only project: exit %d\n%s%s", d, code, stdout, stderr)
		}
		mentions(t, d+": import", stderr, "read-only", "may not write", "nothing was imported")
		reads := []struct {
			args  []string
			words []string
		}{
			{[]string{"stats", project}, []string{"Documents:   1", "quote            1"}},
			{[]string{"check", project}, []string{"Integrity:   ok"}},
			{[]string{"export", project, "-o", filepath.Join(base, "out", d+".json")}, nil},
			{[]string{"backup", project, filepath.Join(base, "out", d+".saywho")}, []string{"Backed up"}},
		}
		for _, r := range reads {
			code, stdout, stderr := run(r.args...)
			if code != ExitOK {
				t.Errorf("%s: saywho %s on a read-only project: exit %d\n%s%s", d, r.args[0], code, stdout, stderr)
			}
			mentions(t, d+": "+r.args[0], stdout, r.words...)
		}
		sameState(t, d, before, dirState(t, dir))
	}
	// A log with changes not yet in the file, in a folder SQLite cannot
	// write its index to: refused rather than shown without those changes.
	dir := filepath.Join(base, "rowal")
	before := dirState(t, dir)
	code, stdout, stderr := run("stats", filepath.Join(dir, "study.saywho"))
	if code != ExitError {
		t.Errorf("rowal: stats: exit %d\n%s%s", code, stdout, stderr)
	}
	mentions(t, "rowal: stats", stderr, "study.saywho-wal", "not yet saved", "read-only")
	sameState(t, "rowal", before, dirState(t, dir))
	for _, out := range []string{"ro.json", "rofile.json", "ro.saywho", "rofile.saywho"} {
		if _, err := os.Stat(filepath.Join(base, "out", out)); err != nil {
			t.Errorf("output of a read-only project: %v", err)
		}
	}
}

type runner func(args ...string) (int, string, string)

func inProcess(t *testing.T) runner {
	return func(args ...string) (int, string, string) { return runCLI(t, args...) }
}

// asNobody returns a runner that executes commands as user nobody, from a
// copy of the test binary in bin (the go build folder is root's alone).
func asNobody(t *testing.T, bin string) runner {
	t.Helper()
	exe := filepath.Join(bin, "saywho-cli.test")
	in, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(exe, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
	run := func(args ...string) (int, string, string) {
		a, _ := json.Marshal(args)
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), envCLIArgs+"="+string(a))
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			return ee.ExitCode(), stdout.String(), stderr.String()
		case err != nil:
			return -1, "", err.Error()
		}
		return 0, stdout.String(), stderr.String()
	}
	if code, _, stderr := run("help"); code != ExitOK {
		if strings.Contains(stderr, "operation not permitted") {
			t.Skipf("running as root, and this system does not let root switch to user nobody (%s): "+
				"storage's TestReadOnly covers read-only projects without it", stderr)
		}
		t.Fatalf("the test binary does not run as user nobody: %d %s", code, stderr)
	}
	return run
}

// pendingLog leaves in dir a project whose last change is still in its
// -wal log, as a crash of the Saywho that wrote it would, without the -shm
// index.
func pendingLog(t *testing.T, dir string) {
	t.Helper()
	live := goodProject(t, t.TempDir())
	p, err := sqlite.Open(live, sqlite.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.AddSpeaker(context.Background(), storage.Speaker{Name: "Lena Okonjo"}); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(live + suffix)
		if err != nil || (suffix != "" && len(data) == 0) {
			t.Fatalf("no pending log to copy: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "study.saywho"+suffix), data, 0o444); err != nil {
			t.Fatal(err)
		}
	}
}
