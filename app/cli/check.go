package cli

import (
	"fmt"

	"github.com/saywho-app/saywho/storage/textutil"
)

func runCheck(e *env, args []string) error {
	fs := newFlags(e, "check", "PROJECT", "Runs SQLite's integrity and foreign-key checks, verifies every annotation\nagainst its document's text, and reports the counts. Exits 1 on any problem.")
	p, _, err := openArgs(fs, args, 0, "give exactly one project")
	if err != nil {
		return err
	}
	defer p.Close()
	problems, err := p.Check()
	if err != nil {
		return err
	}
	st, err := p.Stats()
	if err != nil {
		return err
	}
	printStats(e, p.Info().Name, st)
	if len(problems) > 0 {
		for _, pr := range problems {
			fmt.Fprintln(e.stderr, textutil.Printable(pr))
		}
		return fmt.Errorf("%d problem(s) found", len(problems))
	}
	fmt.Fprintln(e.stdout, "Integrity:   ok")
	return nil
}

func runBackup(e *env, args []string) error {
	fs := newFlags(e, "backup", "PROJECT DEST", "Writes a consistent copy of PROJECT to DEST (which must not exist) with VACUUM INTO.\nSafe while the project is open in the window.")
	p, rest, err := openArgs(fs, args, 1, "give the project and the backup file")
	if err != nil {
		return err
	}
	defer p.Close()
	if err := p.Backup(rest[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Backed up to %s\n", textutil.Name(rest[0]))
	return nil
}
