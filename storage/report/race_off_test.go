//go:build !race

package report

// polnearArticles: every article (see race_on_test.go).
const polnearArticles = 0
