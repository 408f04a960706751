// Package cli implements Saywho's headless subcommands (import, export,
// stats, check, backup, repair, agree, report, speakers, ...). It never imports Fyne, so it works
// on servers and in scripts; cmd/saywho sends every argument list that
// starts with a subcommand here.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed: bad input, unreadable file, ...
	ExitUsage = 2 // the command line itself is wrong
)

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(env *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"import", "PROJECT FILE_OR_FOLDER...", "import articles or annotations (creates PROJECT if missing)", runImport},
		{"export", "PROJECT -o OUT [--format F]", "export the project (json, w3c, qdpx, qdc, brat, jsonl, csv)", runExport},
		{"stats", "PROJECT [--json]", "count documents, annotations by kind, speakers, codes, coders, sets", runStats},
		{"check", "PROJECT", "check structure and integrity, report counts (read-only)", runCheck},
		{"backup", "PROJECT DEST", "write a consistent copy of the project (VACUUM INTO)", runBackup},
		{"repair", "PROJECT [NEW]", "rebuild a damaged project into a new file from what is readable", runRepair},
		{"agree", "PROJECT [--coders A,B,...]", "inter-coder agreement: alpha, span F1, attribution", runAgree},
		{"detect", "PROJECT [--replace]", "suggest quotes, cues and speakers with the rule-based detector", runDetect},
		{"evaluate", "PROJECT --gold CODER", "score the detector (or a coder) against a gold coder", runEvaluate},
		{"report", "PROJECT --by DIM [--by DIM]", "who gets quoted: tables and charts by speaker, gender, outlet, month, code...", runReport},
		{"speakers", "PROJECT [--speaker N ...]", "list speakers with their attributes, or set gender, type, role, country", runSpeakers},
	}
}

// IsCommand reports whether name is a subcommand (or a help request), so
// the caller can tell `saywho import …` from `saywho file.saywho`.
func IsCommand(name string) bool {
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		return true
	}
	_, ok := find(name)
	return ok
}

func find(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// env carries the output streams of a run.
type env struct {
	stdout, stderr io.Writer
}

// usageError marks errors in the command line itself.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run executes the subcommand in args and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || strings.TrimLeft(args[0], "-") == "help" || args[0] == "-h" {
		if len(args) > 1 {
			if c, ok := find(args[1]); ok {
				c.run(e, []string{"--help"})
				return ExitOK
			}
		}
		Usage(stdout)
		return ExitOK
	}
	c, ok := find(args[0])
	if !ok {
		fmt.Fprintf(stderr, "saywho: unknown command %q\n\n", args[0])
		Usage(stderr)
		return ExitUsage
	}
	err := c.run(e, args[1:])
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "saywho %s: %s\nusage: saywho %s %s (see saywho %s --help)\n", c.name, textutil.Printable(err.Error()), c.name, c.args, c.name)
		return ExitUsage
	default:
		// Escaped: a file name in the message cannot fake output lines.
		fmt.Fprintf(stderr, "saywho %s: %s\n", c.name, textutil.Printable(err.Error()))
		var se *storage.SchemaError
		if errors.As(err, &se) {
			fmt.Fprintf(stderr, "Saywho does not read or write such a project. `saywho check %s` lists what changed; `saywho repair %s` rebuilds a clean copy into a new file.\n", textutil.Name(se.Path), textutil.Name(se.Path))
		}
		return ExitError
	}
}

// Usage prints the command overview.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Saywho: mark who said what in news articles.")
	fmt.Fprintln(w, "\nusage:\n  saywho                      open the window on the default project\n  saywho PROJECT.saywho       open the window on a project")
	for _, c := range commands {
		fmt.Fprintf(w, "  saywho %-8s %-28s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'saywho COMMAND --help' for a command's options.")
}

// flags is a command's flag set with its help text. The flag package
// itself prints nothing: parse reports errors and prints the help.
type flags struct {
	*flag.FlagSet
	help func()
}

// newFlags makes the flag set of a command; its help names the command.
func newFlags(e *env, name, args, about string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	help := func() {
		fmt.Fprintf(e.stdout, "usage: saywho %s %s\n\n%s\n", name, args, about)
		var has bool
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(e.stdout, "\noptions:")
			fs.SetOutput(e.stdout)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
	}
	return &flags{FlagSet: fs, help: help}
}

// parse parses flags that may come before, between or after the
// positional arguments, and returns the positional ones. "--" ends the
// options: everything after it is positional, even when it starts with a
// dash (saywho import p.saywho -- -notes.txt). -h and --help print the
// command's help and return flag.ErrHelp.
func parse(fs *flags, args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.help()
			return nil, err
		}
		if err != nil {
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if endedOptions(fs.FlagSet, args[:len(args)-len(rest)]) {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// endedOptions reports whether the flag package stopped at a "--" among
// the arguments it consumed, rather than taking "--" as a flag's value
// (-o --).
func endedOptions(fs *flag.FlagSet, consumed []string) bool {
	n := len(consumed)
	if n == 0 || consumed[n-1] != "--" {
		return false
	}
	if n == 1 {
		return true
	}
	prev := strings.TrimLeft(consumed[n-2], "-")
	if prev == consumed[n-2] || strings.Contains(prev, "=") {
		return true // not a flag, or a flag with its value
	}
	f := fs.Lookup(prev)
	if f == nil {
		return true
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag() // a flag that takes a value took the "--"
}

// openArgs parses the command line of a command that reads one project
// (plus `extra` more positional arguments, described by want) and opens
// the project read-only. The caller closes it.
func openArgs(fs *flags, args []string, extra int, want string) (*sqlite.Project, []string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(pos) != 1+extra {
		return nil, nil, usageError{want}
	}
	p, err := openProject(pos[0], true)
	if err != nil {
		return nil, nil, err
	}
	return p, pos[1:], nil
}

// openProject opens an existing project for the command.
//
// A command that only reads still opens a project of an older schema: for
// writing when the file can be written, which upgrades it after a backup
// copy, as the window does.
func openProject(path string, readOnly bool) (*sqlite.Project, error) {
	p, err := sqlite.Open(path, sqlite.OpenOptions{ReadOnly: readOnly})
	if readOnly && errors.Is(err, storage.ErrNeedsUpgrade) {
		return sqlite.Open(path, sqlite.OpenOptions{})
	}
	return p, err
}
