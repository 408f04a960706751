//go:build !race

package storage

// raceBuild is true when the tests run under the race detector.
const raceBuild = false
