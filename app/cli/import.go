package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats"
	"github.com/saywho-app/saywho/storage/sqlite"
)

func runImport(e *env, args []string) error {
	fs := newFlags(e, "import", "PROJECT FILE_OR_FOLDER...",
		"Imports articles (.txt .md .html .docx .odt .epub .pdf), Saywho JSON exports,\nREFI-QDA projects (.qdpx/.qde) and codebooks (.qdc), and brat standoff (NAME.txt\nwith NAME*.ann) into PROJECT, creating it when missing. Folders are searched for\nsupported files. What is already in the project is not added again (importing\ntwice adds nothing); items that clash with the project are listed by id and the\nproject's version kept. Exits 1 when a file fails, for instance a REFI-QDA project\nnone of whose sources could be read (its coders and codes are still added, as the\nsummary says).")
	coder := fs.String("coder", "", "coder recorded for imported annotations that name none (default: the OS user)")
	quiet := fs.Bool("q", false, "print only problems")
	mapping := fs.String("mapping", "", "brat: file mapping labels to kinds (LABEL = kind lines; default: PolNeAR/PARC Source, Cue, Content)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usageError{"give a project and at least one file or folder"}
	}
	path := pos[0]
	created := false
	p, err := sqlite.Open(path, sqlite.OpenOptions{})
	if err != nil {
		if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if p, err = sqlite.Create(path, name); err != nil {
			return err
		}
		created = true
	}
	if p.ReadOnly() {
		p.Close()
		return fmt.Errorf("%s: %w: this user may not write the file or its folder; nothing was imported", path, storage.ErrReadOnly)
	}
	sum, err := formats.Import(context.Background(), p, pos[1:], formats.ImportOptions{Coder: *coder, BratMapping: *mapping}, nil)
	p.Close()
	if created && !sum.Added() {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}
	if err != nil {
		return err
	}
	if sum.Failed() > 0 || sum.Conflicts() > 0 || !*quiet {
		out := e.stdout
		if sum.Failed() > 0 {
			out = e.stderr
		}
		fmt.Fprintln(out, sum.String())
	}
	if n := sum.Failed(); n > 0 {
		return fmt.Errorf("%d of %d file(s) failed", n, len(sum.Files))
	}
	return nil
}
