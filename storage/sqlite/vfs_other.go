//go:build !(linux || darwin || freebsd)

package sqlite

// noLockVFS is empty where SQLite has no file system layer without locks
// under a known name: a project on a full disk is then not read.
const noLockVFS = ""
