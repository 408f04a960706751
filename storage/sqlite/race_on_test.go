//go:build race

package sqlite

// raceBuild is true when the tests run under the race detector, which
// slows SQLite down about twentyfold: the crash tests then use smaller
// batches.
const raceBuild = true
