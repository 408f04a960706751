// Package hangtest makes the special files that tests of bounded
// reading need, and catches a call that hangs on one. Named pipes exist
// on Unix only, so the package is empty elsewhere.
package hangtest
