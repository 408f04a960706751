package app

import (
	"context"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats"
)

// Formats is what File → Import… and Export… call. The window works on it
// off the UI goroutine and shows progress; tests give a fake.
type Formats interface {
	// Import reads files or folders into p, reporting progress, and
	// returns a summary for the user and how many files were refused.
	// coder names the annotator of annotations that carry none.
	Import(ctx context.Context, p storage.Project, paths []string, coder string, progress func(done, total int, name string)) (summary string, failed int, err error)
	// ExportFormats lists the formats offered in File → Export….
	ExportFormats() []ExportFormat
	// Export writes the whole project to path in the named format and
	// returns notices on what the format could not represent.
	Export(ctx context.Context, p storage.Project, format, path string) (notices []string, err error)
}

// ExportFormat describes one export format.
type ExportFormat struct {
	Name        string // as passed to Export, e.g. "json"
	Description string // shown to the user
	Ext         string // usual file extension with its dot; "" for folders
	Folder      bool   // the export writes a folder rather than a file
}

// DefaultFormats is the Formats of the storage/formats package, used when
// Options.Formats is nil.
func DefaultFormats() Formats { return stockFormats{} }

type stockFormats struct{}

func (stockFormats) Import(ctx context.Context, p storage.Project, paths []string, coder string, progress func(done, total int, name string)) (string, int, error) {
	sum, err := formats.Import(ctx, p, paths, formats.ImportOptions{Coder: coder}, progress)
	return sum.String(), sum.Failed(), err
}

func (stockFormats) ExportFormats() []ExportFormat {
	var out []ExportFormat
	for _, name := range formats.ExportFormats() {
		d, ext, folder := formats.DescribeFormat(name)
		out = append(out, ExportFormat{Name: name, Description: d, Ext: ext, Folder: folder})
	}
	return out
}

func (stockFormats) Export(ctx context.Context, p storage.Project, format, path string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return formats.Export(ctx, p, format, path, nil, formats.ExportOptions{})
}
