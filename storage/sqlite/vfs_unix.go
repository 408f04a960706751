//go:build linux || darwin || freebsd

package sqlite

// noLockVFS is SQLite's file system layer without locks (see fullDiskDB).
const noLockVFS = "unix-none"
