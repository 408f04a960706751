package sqlite

import (
	"context"

	"github.com/saywho-app/saywho/storage"
)

// Snapshot reads the selected part of the project into a Bundle: the
// registry and every document with what hangs on it, read as exports
// stream them (Registry, EachDocument). Exports of whole projects stream
// instead; a snapshot is for the parts that fit in memory.
func (p *Project) Snapshot(ctx context.Context, opts storage.SnapshotOptions) (*storage.Bundle, error) {
	reg, err := p.Registry(ctx, opts)
	if err != nil {
		return nil, err
	}
	b := &storage.Bundle{Project: p.info, Annotators: reg.Annotators, Codes: reg.Codes, Speakers: reg.Speakers, Sets: reg.Sets, Variables: reg.Variables}
	err = p.EachDocument(ctx, storage.StreamOptions{SnapshotOptions: opts}, func(d *storage.DocumentData) error {
		b.Documents = append(b.Documents, d.Document)
		b.Annotations = append(b.Annotations, d.Annotations...)
		b.Relations = append(b.Relations, d.Relations...)
		b.Memos = append(b.Memos, d.Memos...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	b.Normalise()
	return b, nil
}
