package cli

import (
	"context"
	"fmt"

	"github.com/saywho-app/saywho/storage/sqlite"
)

func runRepair(e *env, args []string) error {
	fs := newFlags(e, "repair", "PROJECT [NEW]",
		"Rebuilds a clean project from what can be read of PROJECT (one whose structure\nwas changed outside Saywho, or that is damaged) into NEW, by default\n\"NAME (repaired).saywho\" beside it, and reports what was recovered and what was\nlost, table by table. PROJECT is never changed; NEW must not exist. Tables,\ncolumns, triggers and views that are not Saywho's are not copied.")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return usageError{"give the project, and optionally the new file"}
	}
	dst := sqlite.RepairedPath(pos[0])
	if len(pos) == 2 {
		dst = pos[1]
	}
	rep, err := sqlite.Repair(context.Background(), pos[0], dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Repaired %s into %s.\n%s%s was not changed.\n", pos[0], dst, rep, pos[0])
	return nil
}
