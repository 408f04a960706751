package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// Extension is the file extension of Saywho projects.
const Extension = ".saywho"

// Project is an open Saywho project file. Its methods are safe for use by
// several goroutines; every method that changes data runs in one immediate
// transaction that is committed before it returns.
type Project struct {
	path     string
	db       *sql.DB
	readOnly bool
	info     storage.ProjectInfo

	lock    chan struct{} // holds a token while this process writes: serialises write transactions
	wdb     *sql.DB       // the writer's pool of one connection (nil when read-only)
	wconn   *sql.Conn     // the one connection that writes; reads use the pool db
	history *history      // undo/redo, nil until EnableUndo
	changes changeLog     // what each write changed, for Subscribe

	textMu sync.Mutex
	texts  map[string]*textutil.Index // document id -> its immutable text

	schemaDiffs []schemaDiff // how the structure differs from Saywho's (OpenForCheck only)
	version     int          // the schema version of the file: SchemaVersion unless opened read-only by OpenForCheck
}

// OpenOptions changes how Open treats a file.
type OpenOptions struct {
	// ReadOnly opens the project without write access even if the file is
	// writable.
	ReadOnly bool
}

// writable reports whether the current process may write path; a variable
// so tests can simulate read-only files even when running as root.
var writable = func(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".saywho-probe-*")
	if err != nil {
		return false // SQLite needs to create -wal and -shm files beside it
	}
	probe.Close()
	os.Remove(probe.Name())
	return true
}

// dsn is the connection string of a project file, with extra pragmas
// (such as "writable_schema(1)") set on every connection.
func dsn(path string, readOnly bool, pragmas ...string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: q.Encode()}
	return u.String()
}

// Create makes a new, empty project file at path. It fails if the file
// exists.
func Create(path, name string) (*Project, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("cannot create %s: %w", path, storage.ErrExists)
		}
		return nil, fmt.Errorf("cannot create project: %w", err)
	}
	f.Close()
	p, err := openDB(abs, false)
	if err == nil {
		err = p.initialise(name)
	}
	if err == nil {
		// Put the Saywho marks into the main file now, so the header
		// checks of Open recognise the project even after a crash.
		err = p.checkpoint()
	}
	if err != nil {
		if p != nil {
			p.Close()
		}
		removeProjectFiles(abs)
		return nil, err
	}
	return p, nil
}

// removeProjectFiles deletes a project file with its -wal and -shm files.
func removeProjectFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// Open opens an existing project. Files that are not Saywho projects, are
// damaged, come from a newer schema version, or whose structure differs
// from the one Saywho builds (a *SchemaError) are refused without being
// changed: the header is read first, then SQLite inspects the file through
// a read-only connection, and only a file that passes is opened for
// writing. A file the process may not write is opened read-only (see
// ReadOnly). An older schema is migrated after a backup copy is written
// beside the file.
func Open(path string, opts OpenOptions) (*Project, error) {
	return open(path, opts, false)
}

// OpenForCheck opens a project read-only for `saywho check`: as Open, but
// a project whose structure differs from Saywho's is opened too, with the
// differences listed by SchemaDifferences and reported first by Check.
// Such a project is for checking only; its other methods may fail on what
// is missing. Repair rebuilds it into a new file.
func OpenForCheck(path string) (*Project, error) {
	return open(path, OpenOptions{ReadOnly: true}, true)
}

// open is Open, or OpenForCheck when forCheck is set.
func open(path string, opts OpenOptions, forCheck bool) (*Project, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	h, err := readHeader(abs)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no project at %s", path)
		}
		return nil, err
	}
	// A project killed right after creation may still hold its marks in
	// the write-ahead log only: then SQLite's answer below decides.
	if err := checkHeader(path, h); err != nil && !(errors.Is(err, storage.ErrForeign) && walPending(abs)) {
		return nil, err
	}
	version, diffs, err := inspect(abs, path)
	if err != nil {
		return nil, err
	}
	if len(diffs) > 0 && !forCheck {
		return nil, newSchemaError(path, diffs)
	}
	ro := opts.ReadOnly || !writable(abs)
	if version < SchemaVersion && ro && !forCheck {
		return nil, fmt.Errorf("%s needs an upgrade to schema %d but is read-only: %w", path, SchemaVersion, errors.Join(storage.ErrNeedsUpgrade, storage.ErrReadOnly))
	}
	p, err := openDB(abs, ro)
	if err != nil {
		return nil, err
	}
	p.schemaDiffs = diffs
	if ro {
		p.version = version // OpenForCheck reads an older file as it is
	}
	if version < SchemaVersion && !ro {
		if err := p.migrate(version); err != nil {
			p.Close()
			return nil, err
		}
		p.checkpoint()
	}
	if err := p.loadInfo(); err != nil {
		if len(diffs) == 0 {
			p.Close()
			return nil, fmt.Errorf("%s: %w: %v", path, storage.ErrCorrupt, err)
		}
		p.info = storage.ProjectInfo{Name: strings.TrimSuffix(filepath.Base(abs), Extension)}
	}
	return p, nil
}

// inspect checks a file through a read-only connection (which never
// writes, not even a checkpoint): SQLite's quick check, the application id,
// the schema version, the structure, and (when the structure is sound) the
// project metadata. It returns the schema version and how the structure
// differs from the expected one.
func inspect(abs, path string) (int, []schemaDiff, error) {
	db, err := readDB(abs)
	if err != nil {
		return 0, nil, classify(path, err)
	}
	defer db.Close()
	ro := &Project{path: abs, db: db, readOnly: true}
	// SQLite's quick check reads every page: seconds for a large project.
	// It runs when the last session did not end cleanly (its write-ahead
	// log is still there) and on projects small enough for it to take
	// under a few tenths of a second; on a large project opened after a
	// clean close, damage shows at the first read that meets it, as
	// ErrCorrupt, and `saywho check` looks for it.
	if walPending(abs) || fileSize(abs) <= quickCheckUpTo {
		if err := ro.verify(); err != nil {
			return 0, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var h fileHeader
	var appID int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, nil, classify(abs, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&h.userVersion); err != nil {
		return 0, nil, classify(abs, err)
	}
	h.applicationID = uint32(appID)
	if err := checkHeader(path, h); err != nil {
		return 0, nil, err
	}
	if h.userVersion == 0 {
		return 0, nil, fmt.Errorf("%s is marked as a Saywho project but has no schema: %w", path, storage.ErrCorrupt)
	}
	diffs, err := schemaDifferences(db, h.userVersion)
	if err != nil {
		return 0, nil, classify(path, err)
	}
	if len(diffs) > 0 {
		return h.userVersion, diffs, nil
	}
	if err := ro.loadInfo(); err != nil {
		return 0, nil, fmt.Errorf("%s: %w: %v", path, storage.ErrCorrupt, err)
	}
	return h.userVersion, nil, nil
}

// readDB opens a read-only connection pool, as an immutable file in a
// folder SQLite cannot write its index to (see immutableDB), with extra
// pragmas on every connection.
func readDB(abs string, pragmas ...string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn(abs, true, pragmas...))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	err = db.Ping()
	if noIndex(err) {
		db.Close()
		return immutableDB(abs, pragmas...)
	}
	if err == nil {
		err = readable(db) // other errors show at the queries that follow
		if !errors.Is(DiskFull(abs, err), storage.ErrDiskFull) {
			err = nil
		}
	}
	if errors.Is(DiskFull(abs, err), storage.ErrDiskFull) {
		db.Close()
		return fullDiskDB(abs)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openDB opens the connections of a project: a pool for reads, and for a
// writable project one more connection, the only one that writes. Reads
// begin deferred transactions (a consistent snapshot that never blocks
// the writer); the writer's transactions take the write lock at once.
func openDB(abs string, readOnly bool) (*Project, error) {
	var db, wdb *sql.DB
	var err error
	if readOnly {
		db, err = readDB(abs)
	} else {
		if wdb, err = openPool(dsn(abs, false), 1); err == nil {
			if db, err = openPool(strings.Replace(dsn(abs, false), "_txlock=immediate", "_txlock=deferred", 1), 4); err != nil {
				wdb.Close()
			}
		}
	}
	if err != nil {
		return nil, classify(abs, err)
	}
	p := &Project{path: abs, db: db, wdb: wdb, readOnly: readOnly, version: SchemaVersion, texts: map[string]*textutil.Index{}, lock: make(chan struct{}, 1)}
	if !readOnly {
		if p.wconn, err = wdb.Conn(bg); err == nil {
			// The writer waits for the write lock in begin, bounded by the
			// caller's context, not in SQLite's busy handler.
			_, err = p.wconn.ExecContext(bg, fmt.Sprintf("PRAGMA busy_timeout = %d", writeBusyTimeout))
		}
		if err != nil {
			p.Close()
			return nil, classify(abs, err)
		}
	}
	return p, nil
}

// openPool opens a connection pool of at most n connections and checks
// that it can reach the file.
func openPool(dsn string, n int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(n)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// immutableDB opens a project in a folder the process cannot write as an
// immutable file. That is exact when no -wal log beside it holds changes
// not yet saved into the file; when one does, the project is refused.
func immutableDB(abs string, pragmas ...string) (*sql.DB, error) {
	if st, err := os.Stat(abs + "-wal"); err == nil && st.Size() > 0 {
		return nil, fmt.Errorf("cannot read the project: its folder is not writable and %s-wal holds changes not yet saved into it; open it once where it can be written: %w",
			filepath.Base(abs), storage.ErrReadOnly)
	}
	db, err := sql.Open("sqlite", dsn(abs, true, pragmas...)+"&immutable=1")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// verify runs SQLite's quick check, so that a damaged file is refused at
// open time rather than at the first query that reaches the damage.
func (p *Project) verify() error {
	rows, err := p.db.Query("PRAGMA quick_check")
	if err != nil {
		return classify(p.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify(p.path, err)
		}
		if s != "ok" && !strings.HasPrefix(s, "*** in database") {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(p.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", storage.ErrCorrupt, strings.Join(problems[:min(len(problems), 3)], "; "))
	}
	return nil
}

// checkpoint copies the write-ahead log into the main file.
func (p *Project) checkpoint() error {
	_, err := p.wconn.ExecContext(bg, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// quickCheckUpTo is the size up to which every open runs SQLite's quick
// check (about 0.2 s at this size on a laptop).
var quickCheckUpTo int64 = 64 << 20

// fileSize is the size of the file at path, or 0.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// walPending reports whether a non-empty write-ahead log lies beside path.
func walPending(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0
}

// Path returns the project file's absolute path.
func (p *Project) Path() string { return p.path }

// ReadOnly reports whether the project was opened without write access.
func (p *Project) ReadOnly() bool { return p.readOnly }

// Info returns the project's id, name and creation time.
func (p *Project) Info() storage.ProjectInfo { return p.info }

// Close closes the project file.
func (p *Project) Close() error {
	if p.wconn != nil {
		p.wconn.Close()
	}
	if p.wdb != nil {
		p.wdb.Close()
	}
	return p.db.Close()
}

// DB exposes the underlying database for read-only inspection in tests and
// diagnostics. Callers must not write through it.
func (p *Project) DB() *sql.DB { return p.db }

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var bg = context.Background()

// Project is a storage.Project.
var _ storage.Project = (*Project)(nil)
