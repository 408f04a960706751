package cli

import (
	"context"
	"fmt"

	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

func runCheck(e *env, args []string) error {
	fs := newFlags(e, "check", "PROJECT", "Compares the project's structure (tables, columns, indexes, triggers, views)\nwith Saywho's, runs SQLite's integrity and foreign-key checks, verifies every\nannotation against its document's text, and reports the counts. Reads the\nproject only. Exits 1 on any problem; `saywho repair` rebuilds a project whose\nstructure was changed or that is damaged.")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"give exactly one project"}
	}
	p, err := sqlite.OpenForCheck(pos[0])
	if err != nil {
		return err
	}
	defer p.Close()
	problems, err := p.Check(context.Background())
	if err != nil {
		return err
	}
	if st, err := p.Stats(context.Background()); err == nil {
		printStats(e, p.Info().Name, st)
	} else if len(p.SchemaDifferences()) == 0 {
		return err
	} else {
		fmt.Fprintf(e.stdout, "Project:     %s\nCounts:      not available, the structure differs from Saywho's\n", p.Info().Name)
	}
	if len(problems) > 0 {
		for _, pr := range problems {
			fmt.Fprintln(e.stderr, textutil.Printable(pr))
		}
		if len(p.SchemaDifferences()) > 0 {
			fmt.Fprintf(e.stderr, "Saywho does not write into this project. `saywho repair %s` rebuilds a clean copy from what is readable.\n", textutil.Name(pos[0]))
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
	if err := p.Backup(context.Background(), rest[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Backed up to %s\n", textutil.Name(rest[0]))
	return nil
}
