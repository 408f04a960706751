package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// Every change goes through write: one user action, one immediate
// transaction on the one writing connection, committed before write
// returns, then published as a storage.Change to the subscribers.

// lockWait bounds how long a write waits for another process (a second
// window, a command-line import) to finish writing when the caller's
// context sets no deadline of its own.
const lockWait = 10 * time.Second

// busyRetry is the pause between two attempts to take SQLite's write lock;
// the writing connection's own busy timeout is writeBusyTimeout.
const (
	busyRetry        = 25 * time.Millisecond
	writeBusyTimeout = 25 // milliseconds
)

// write runs fn in one immediate transaction on the writing connection and
// commits it before returning. label names the action for undo ("Add
// quote"). The wait for the write lock (held by another goroutine of this
// process or by another process) ends with ctx; a wait that ends that way
// returns an error wrapping storage.ErrInUse, and nothing is written.
func (p *Project) write(ctx context.Context, label string, fn func(q querier) error) error {
	if p.readOnly {
		return fmt.Errorf("cannot %s: %w", strings.ToLower(label), storage.ErrReadOnly)
	}
	var mark int64
	c, err := p.transact(ctx, label, func(tx *sql.Tx) error {
		mark = p.history.mark(bg, p.wconn)
		return fn(tx)
	}, func() { p.history.record(bg, p.wconn, label, mark) })
	if err == nil {
		p.publish(c)
	}
	return err
}

// transact runs fn in an immediate transaction holding the process's write
// token, then after (when not nil) once it is committed, still holding the
// token, and returns what the transaction changed.
func (p *Project) transact(ctx context.Context, label string, fn func(tx *sql.Tx) error, after func()) (storage.Change, error) {
	if err := p.acquire(ctx); err != nil {
		return storage.Change{}, err
	}
	defer p.release()
	tx, err := p.begin(ctx)
	if err != nil {
		return storage.Change{}, err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return storage.Change{}, DiskFull(p.path, schemaChanged(err))
	}
	if err := tx.Commit(); err != nil {
		return storage.Change{}, classify(p.path, schemaChanged(err))
	}
	if after != nil {
		after()
	}
	c := p.changes.collect(p.wconn)
	c.Label = label
	return c, nil
}

// acquire takes the process's write token, waiting at most until ctx ends.
func (p *Project) acquire(ctx context.Context) error {
	select {
	case p.lock <- struct{}{}:
		return nil
	default:
	}
	ctx, cancel := lockContext(ctx)
	defer cancel()
	select {
	case p.lock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return busyError(p.path, ctx)
	}
}

// release gives the write token back.
func (p *Project) release() { <-p.lock }

// begin starts an immediate transaction, taking SQLite's write lock. While
// another process holds it, begin tries again until ctx ends.
func (p *Project) begin(ctx context.Context) (*sql.Tx, error) {
	ctx, cancel := lockContext(ctx)
	defer cancel()
	for {
		tx, err := p.wconn.BeginTx(context.WithoutCancel(ctx), nil)
		if err == nil {
			return tx, nil
		}
		if !isBusy(err) {
			return nil, classify(p.path, err)
		}
		select {
		case <-ctx.Done():
			return nil, busyError(p.path, ctx)
		case <-time.After(busyRetry):
		}
	}
}

// lockContext gives ctx the default deadline of a wait for the write lock
// when it has none.
func lockContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, lockWait)
}

// busyError says that the write lock could not be had in time.
func busyError(path string, ctx context.Context) error {
	if ctx.Err() == context.Canceled {
		return fmt.Errorf("%s: %w: gave up waiting for it to finish writing", path, storage.ErrInUse)
	}
	return fmt.Errorf("%s: %w: it is still writing", path, storage.ErrInUse)
}
