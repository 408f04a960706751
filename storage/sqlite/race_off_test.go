//go:build !race

package sqlite

// raceBuild is true when the tests run under the race detector.
const raceBuild = false
