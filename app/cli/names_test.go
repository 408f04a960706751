package cli

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// noControls fails the test when out holds a control, format (bidi) or
// non-UTF-8 character other than the line breaks between lines.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && (r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfffd) {
			t.Errorf("%s prints %U raw:\n%s", what, r, out)
			return
		}
	}
}

// File names were printed raw: a newline and an ANSI sequence in a name
// could fake a line of output or clear the screen.
func TestFileNamesEscaped(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	dir := t.TempDir()
	fake := "evil\n[ok] Imported 99 document(s).txt"
	putFile(t, filepath.Join(dir, fake), []byte{0, 1, 2, 0xff, 0}) // refused: binary
	putFile(t, filepath.Join(dir, "\x1b[2Jred\u202etxt.md"), []byte("Caf\xe9 owners said \x93yes\x94.\n"))
	putFile(t, filepath.Join(dir, "plain.txt"), []byte("The mayor said so.\n"))
	project := filepath.Join(t.TempDir(), "p.saywho")
	code, out, stderr := runCLI(t, "import", project, dir)
	all := out + stderr
	noControls(t, "import", all)
	for _, line := range strings.Split(strings.TrimSpace(all), "\n") {
		if strings.HasPrefix(line, "[ok]") {
			t.Errorf("a file name made its own line %q:\n%s", line, all)
		}
	}
	mentions(t, "import", all, `"evil\n[ok] Imported 99 document(s).txt"`, `"\x1b[2Jred\u202etxt.md"`)
	if code != ExitError {
		t.Errorf("exit %d, want %d for the refused file", code, ExitError)
	}
	_, _, stderr = runCLI(t, "stats", filepath.Join(dir, "no\x1b[31mproject\n.saywho"))
	noControls(t, "stats on a missing project", stderr)
	_, _, stderr = runCLI(t, "export", project, "-o", filepath.Join(dir, "missing\u202e", "x\n.json"))
	noControls(t, "export to a missing folder", stderr)
}

// "--" ends the options of every command: what follows is positional even
// when it starts with a dash.
func TestDoubleDashEndsOptions(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	putFile(t, "-a.txt", []byte("The mayor said yes.\n"))
	putFile(t, "-b.txt", []byte("The clerk said no.\n"))
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"import", "-q", "--", "-p.saywho", "-a.txt", "-b.txt"}, ExitOK},
		{[]string{"import", "--", "-p.saywho", "-a.txt"}, ExitOK}, // already there: skipped
		{[]string{"stats", "--", "-p.saywho"}, ExitOK},
		{[]string{"check", "--", "-p.saywho"}, ExitOK},
		{[]string{"export", "-o", "-out.json", "--", "-p.saywho"}, ExitOK},
		{[]string{"export", "--", "-p.saywho", "-o", "x.json"}, ExitUsage}, // -o is positional now
		{[]string{"backup", "--", "-p.saywho", "-copy.saywho"}, ExitOK},
		{[]string{"agree", "--", "-p.saywho"}, ExitError},           // one coder: nothing to compare, but understood
		{[]string{"export", "-o", "--", "--", "-p.saywho"}, ExitOK}, // the first -- is -o's value
	} {
		code, out, stderr := runCLI(t, c.args...)
		if code != c.want {
			t.Errorf("saywho %s: exit %d, want %d\n%s%s", strings.Join(c.args, " "), code, c.want, out, stderr)
		}
	}
	if _, out, _ := runCLI(t, "stats", "--", "-copy.saywho"); !strings.Contains(out, "Documents:   2") {
		t.Errorf("the backup does not hold both documents:\n%s", out)
	}
}
