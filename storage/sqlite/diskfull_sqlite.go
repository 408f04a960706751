package sqlite

import (
	"database/sql"
	"errors"
	"net/url"
	"syscall"

	"github.com/saywho-app/saywho/storage"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DiskFull returns err as a *storage.DiskFullError when it says that the
// disk holding path (a file or folder) is full, and err unchanged
// otherwise. It goes by error code, not text: SQLite's SQLITE_FULL, its
// failure to grow the -shm index (SQLITE_IOERR_SHMSIZE) when the disk has
// less than 1 MB left, and the system's ENOSPC.
func DiskFull(path string, err error) error {
	return storage.DiskFullBy(path, err, fullCode)
}

// fullCode reports whether err's code means the disk is full, given the
// free space measured (-1: unknown).
func fullCode(err error, free int64) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch code := se.Code(); {
	case code&0xff == sqlite3.SQLITE_FULL:
		return true
	case code == sqlite3.SQLITE_IOERR_SHMSIZE:
		// SQLite could not make its index of the log bigger: a full disk,
		// or rarely a quota or an odd file system.
		return free < 1_000_000
	}
	return false
}

// readable runs a first query, which makes SQLite read the project and
// (for a WAL project) create its -shm index beside it.
func readable(db *sql.DB) error {
	var n int
	return db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
}

// fullDiskDB opens a project for reading on a disk too full for SQLite's
// -shm index. SQLite then keeps the index in memory, which it does only in
// exclusive locking mode, and a read-only file cannot be locked
// exclusively: so this connection takes no locks at all (the unix-none
// file system layer). It never writes. Another Saywho writing the project
// at the same time could make it read a torn state, which is why it is
// used only when the normal way failed for lack of space (a running
// Saywho would have made the index already).
func fullDiskDB(abs string) (*sql.DB, error) {
	if noLockVFS == "" {
		return nil, errors.New("reading a project on a full disk is not supported on this system")
	}
	q := url.Values{}
	q.Set("vfs", noLockVFS)
	q.Add("_pragma", "locking_mode(EXCLUSIVE)")
	db, err := sql.Open("sqlite", dsn(abs, true)+"&"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // each connection indexes the log on its own
	if err := readable(db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
