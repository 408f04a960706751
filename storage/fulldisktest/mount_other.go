//go:build !linux

package fulldisktest

import "testing"

// Mount skips: a small disk to fill is made with a Linux tmpfs.
func Mount(t testing.TB, size int) string {
	t.Helper()
	t.Skip("a small disk to fill needs Linux (tmpfs): the full-disk behaviour was not tested")
	return ""
}
