//go:build race

package report

// polnearArticles bounds the PolNeAR articles the tests import under the
// race detector, which slows SQLite about twentyfold; the full corpus is
// read without it (and by the benchmark).
const polnearArticles = 12
