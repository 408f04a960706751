package sqlite

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/internal/regfile"
)

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// fileHeader is what Saywho reads from a project file's first 100 bytes
// before SQLite ever opens it, so that a foreign, truncated or newer file
// is refused without being touched.
type fileHeader struct {
	pageSize      int
	pages         int64 // in-header database size, valid when sizeValid
	sizeValid     bool
	userVersion   int
	applicationID uint32
	wal           bool // the file is in WAL mode (what Saywho writes)
	short         bool // shorter than its header says, with a -wal log to recover from
}

// readHeader reads and checks the SQLite header of path. It returns
// ErrNotProject for files that are not SQLite databases and ErrCorrupt for
// truncated ones.
func readHeader(path string) (fileHeader, error) {
	var h fileHeader
	// Only a regular file is opened: opening a named pipe would wait for
	// a writer, and a device would be read without end.
	f, st, err := regfile.Open(path)
	if errors.Is(err, regfile.ErrNotRegular) {
		return h, fmt.Errorf("%w: %w", err, storage.ErrNotProject)
	}
	if err != nil {
		return h, err
	}
	defer f.Close()
	if st.Size() == 0 {
		return h, fmt.Errorf("%s is empty: %w", path, storage.ErrNotProject)
	}
	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	if string(buf[:min(n, 16)]) != sqliteMagic {
		return h, fmt.Errorf("%s is not an SQLite database: %w", path, storage.ErrNotProject)
	}
	if err != nil {
		return h, fmt.Errorf("%s is truncated (%d bytes): %w", path, st.Size(), storage.ErrCorrupt)
	}
	h.pageSize = int(binary.BigEndian.Uint16(buf[16:18]))
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	changeCounter := binary.BigEndian.Uint32(buf[24:28])
	h.pages = int64(binary.BigEndian.Uint32(buf[28:32]))
	h.sizeValid = h.pages > 0 && binary.BigEndian.Uint32(buf[92:96]) == changeCounter
	h.wal = buf[18] == 2 && buf[19] == 2
	h.userVersion = int(binary.BigEndian.Uint32(buf[60:64]))
	h.applicationID = binary.BigEndian.Uint32(buf[68:72])
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return h, fmt.Errorf("%s has an invalid page size %d: %w", path, h.pageSize, storage.ErrCorrupt)
	}
	if h.sizeValid && st.Size() < h.pages*int64(h.pageSize) {
		// A crash during a checkpoint leaves the header of the new size
		// written before the pages that grow the file; the -wal log
		// still holds them all, and SQLite recovers from it.
		if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
			h.short = true
			return h, nil
		}
		return h, fmt.Errorf("%s is truncated: %d bytes of %d: %w", path, st.Size(), h.pages*int64(h.pageSize), storage.ErrCorrupt)
	}
	return h, nil
}

// checkHeader refuses files that are not Saywho projects this build can
// open.
func checkHeader(path string, h fileHeader) error {
	if h.applicationID != ApplicationID {
		if h.applicationID == 0 && h.userVersion == 0 {
			return fmt.Errorf("%s: %w", path, storage.ErrForeign)
		}
		return fmt.Errorf("%s (application id %#x): %w", path, h.applicationID, storage.ErrForeign)
	}
	if h.userVersion == 0 {
		// Create sets the id and the first schema in one transaction.
		return fmt.Errorf("%s is marked as a Saywho project but holds no schema: %w", path, storage.ErrCorrupt)
	}
	if h.userVersion > SchemaVersion {
		return fmt.Errorf("%s has schema version %d, this Saywho reads up to %d; please update Saywho: %w",
			path, h.userVersion, SchemaVersion, storage.ErrNewerVersion)
	}
	return nil
}
