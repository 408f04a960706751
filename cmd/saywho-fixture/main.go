// Command saywho-fixture builds a large Saywho JSON export for benchmarks
// from a small one: go run ./cmd/saywho-fixture -from polnear.json
// -articles 10000 -o scale.json (see storage/scalefixture).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/saywho-app/saywho/storage/formats/atomicfile"
	"github.com/saywho-app/saywho/storage/scalefixture"
)

func main() {
	from := flag.String("from", "", "a Saywho JSON export (with texts) whose documents are repeated")
	n := flag.Int("articles", 10000, "number of articles to write")
	out := flag.String("o", "", "the JSON file to write")
	flag.Parse()
	if *from == "" || *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: saywho-fixture -from EXPORT.json -articles N -o OUT.json")
		os.Exit(2)
	}
	if err := run(*from, *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "saywho-fixture:", err)
		os.Exit(1)
	}
}

func run(from, out string, n int) error {
	src, err := scalefixture.ReadSource(from)
	if err != nil {
		return err
	}
	var c scalefixture.Counts
	err = atomicfile.WriteFileAtomic(out, func(w io.Writer) error {
		c, err = scalefixture.Write(w, src, n, time.Now())
		return err
	})
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d documents, %d annotations, %d relations, %d memos\n", out, c.Documents, c.Annotations, c.Relations, c.Memos)
	return nil
}
