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
)

func runImport(e *env, args []string) error {
	fs := newFlags(e, "import", "PROJECT FILE_OR_FOLDER...",
		"Imports articles (.txt .md .html .docx .odt .epub .pdf), Saywho JSON exports,\nREFI-QDA projects (.qdpx/.qde) and brat standoff (NAME.txt with NAME*.ann)\ninto PROJECT, creating it when missing. Folders are searched for supported files.\nWhat is already in the project is not added again (importing twice adds nothing);\nitems that clash with the project are listed by id and the project's version kept.")
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
	p, err := storage.Open(path, storage.OpenOptions{})
	if err != nil {
		if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if p, err = storage.Create(path, name); err != nil {
			return err
		}
		created = true
	}
	if p.ReadOnly() {
		p.Close()
		return fmt.Errorf("%s: %w: this user may not write the file or its folder; nothing was imported", path, storage.ErrReadOnly)
	}
	sum, err := formats.Import(context.Background(), p, pos[1:], formats.ImportOptions{Coder: *coder, BratMapping: *mapping}, nil)
	st, _ := p.Stats()
	p.Close()
	if created && st.Documents == 0 {
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
		return fmt.Errorf("%d of %d file(s) could not be imported", n, len(sum.Files))
	}
	return nil
}
