// Command saywho is the Saywho desktop app and its command line: with a
// subcommand (import, export, stats, check, backup) it runs headless,
// otherwise it opens the window.
package main

import (
	"fmt"
	"os"

	"github.com/saywho-app/saywho/app"
	"github.com/saywho-app/saywho/app/cli"
	"github.com/saywho-app/saywho/app/version"
)

func main() {
	args := os.Args[1:]
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		fmt.Println("saywho", version.String())
		return
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:] // what follows is a project, even "-odd.saywho" or "import"
	} else if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	if len(args) > 1 {
		fmt.Fprintln(os.Stderr, "saywho: give at most one project to open; run 'saywho help' for the commands")
		os.Exit(cli.ExitUsage)
	}
	var opts app.Options
	if len(args) == 1 {
		opts.ProjectPath = args[0]
	}
	if err := app.Run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "saywho:", err)
		os.Exit(cli.ExitError)
	}
}
