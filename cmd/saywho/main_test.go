package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// TestMain lets a test run this binary as saywho itself: with
// SAYWHO_TEST_MAIN=main it runs main with the arguments given, with
// SAYWHO_TEST_MAIN=locale it prints the locale the window would use. The
// child starts afresh, so every package init runs under the child's
// environment, as it does in the real binary.
func TestMain(m *testing.M) {
	switch os.Getenv("SAYWHO_TEST_MAIN") {
	case "main":
		main()
		os.Exit(0)
	case "locale":
		fmt.Println(lang.SystemLocale().LanguageString())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runAs runs this test binary as saywho under the given locale variables
// (and no others) and returns its standard output and error.
func runAs(t *testing.T, mode string, locale []string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append([]string{"SAYWHO_TEST_MAIN=" + mode, "PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, locale...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("saywho %s under %v: %v\n%s", strings.Join(args, " "), locale, err, errOut.String())
	}
	return out.String(), errOut.String()
}

// The locales of containers and servers made every command print three
// "Fyne error: Error parsing user locale C" lines before it started, and
// the window log them again.
func TestNoLocaleNoise(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("Fyne asks the system for the locale here, not the environment")
	}
	project := filepath.Join(t.TempDir(), "p.saywho")
	p, err := sqlite.Create(project, "Locale test")
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	locales := [][]string{
		{"LANG=C"},
		{"LANG=C.UTF-8"},
		{"LANG=POSIX.UTF-8"},
		{"LC_ALL=C.UTF-8"},
		{"LANG=en_US.UTF-8", "LANGUAGE=C"},
		{"LANG=de_DE@euro"},
		{},
	}
	for _, l := range locales {
		for _, args := range [][]string{{"help"}, {"stats", project}} {
			out, errOut := runAs(t, "main", l, args...)
			if errOut != "" || out == "" {
				t.Errorf("saywho %s under %v printed to stderr:\n%s", strings.Join(args, " "), l, errOut)
			}
		}
		out, errOut := runAs(t, "locale", l)
		if errOut != "" {
			t.Errorf("the window's locale under %v logged:\n%s", l, errOut)
		}
		want := "en"
		if len(l) == 1 && strings.HasPrefix(l[0], "LANG=de") {
			want = "de"
		}
		if got := strings.TrimSpace(out); got != want && !strings.HasPrefix(got, want+"-") {
			t.Errorf("the window's language under %v is %q, want %q", l, got, want)
		}
	}
}
