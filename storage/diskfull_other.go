//go:build !(linux || darwin || freebsd)

package storage

// noLockVFS is empty where SQLite has no file system layer without locks
// under a known name: a project on a full disk is then not read.
const noLockVFS = ""

// freeSpace cannot tell the free space on this system yet.
func freeSpace(string) (int64, bool) { return 0, false }
