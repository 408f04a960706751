//go:build !(linux || darwin || freebsd)

package storage

// FreeSpace cannot tell the free space on this system yet.
func FreeSpace(string) (int64, bool) { return 0, false }
