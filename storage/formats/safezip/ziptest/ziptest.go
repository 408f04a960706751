// Package ziptest builds ZIP archives in memory for tests of the archive
// readers: ordinary entries, hostile names, and zip bombs of a gigabyte or
// more that take a fraction of a second to build.
package ziptest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io/fs"
	"testing"
)

// File is one entry of a test archive.
type File struct {
	Name  string      // entry name, written as is (unsafe names included)
	Body  string      // content, unless Zeros is set
	Store bool        // store without compression (as EPUB's mimetype)
	Mode  fs.FileMode // optional mode, e.g. fs.ModeSymlink
	// Zeros, when > 0, makes the entry that many zero bytes (rounded up to
	// whole MiB), deflated at about 1000:1 without compressing them here.
	Zeros int64
	// Declared, with Zeros and > 0, is the uncompressed size written in the headers
	// instead of the true one: an entry that lies about its size.
	Declared int64
}

// Build returns an archive of files in order, failing t on any error.
func Build(t testing.TB, files ...File) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		if err := add(zw, f); err != nil {
			t.Fatalf("ziptest: %s: %v", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("ziptest: %v", err)
	}
	return buf.Bytes()
}

// add writes one entry.
func add(zw *zip.Writer, f File) error {
	if f.Zeros > 0 {
		return addZeros(zw, f)
	}
	h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate}
	if f.Store {
		h.Method = zip.Store
	}
	if f.Mode != 0 {
		h.SetMode(f.Mode)
	}
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = w.Write([]byte(f.Body))
	return err
}

// addZeros writes f.Zeros zero bytes as a raw deflate stream made of one
// flushed block of 1 MiB of zeros repeated: every copy refers back only to
// zeros, so the repetition is a valid stream. Its CRC is computed on a
// reused zero buffer, which is fast.
func addZeros(zw *zip.Writer, f File) error {
	const chunk = 1 << 20
	zero := make([]byte, chunk)
	var blk bytes.Buffer
	fw, err := flate.NewWriter(&blk, flate.BestCompression)
	if err != nil {
		return err
	}
	if _, err := fw.Write(zero); err != nil {
		return err
	}
	if err := fw.Flush(); err != nil {
		return err
	}
	n := (f.Zeros + chunk - 1) / chunk
	var body bytes.Buffer
	crc := crc32.NewIEEE()
	for range n {
		body.Write(blk.Bytes())
		crc.Write(zero)
	}
	body.Write([]byte{3, 0}) // final empty fixed-Huffman block
	size := uint64(n * chunk)
	if f.Declared > 0 {
		size = uint64(f.Declared)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: f.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: size,
	})
	if err != nil {
		return err
	}
	_, err = w.Write(body.Bytes())
	return err
}
