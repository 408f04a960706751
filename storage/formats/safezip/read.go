package safezip

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
)

// Open returns a reader of the named entry (looked up as Find does) that
// fails with ErrZipBomb or ErrTooLarge as soon as the entry inflates past
// the limits or past its declared size, and with ErrNotZip when its data is
// corrupt (checksum, truncation). The caller closes it.
//
// The entry is inflated here from its raw bytes rather than by
// archive/zip, so that an entry inflating beyond its declared size is told
// apart from a damaged one.
func (a *Archive) Open(name string) (io.ReadCloser, error) {
	f := a.lookup(name)
	if f == nil {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, name)
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %v", ErrNotZip, f.Name, err)
	}
	var rc io.ReadCloser
	switch f.Method {
	case zip.Store:
		rc = io.NopCloser(raw)
	case zip.Deflate:
		rc = flate.NewReader(raw)
	default:
		return nil, fmt.Errorf("%w: %q uses compression method %d; only stored and deflated entries are read", ErrNotZip, f.Name, f.Method)
	}
	limit, why := a.readLimit(f)
	return &guard{a: a, f: f, rc: rc, limit: limit, why: why, crc: crc32.NewIEEE()}, nil
}

// ReadFile returns the whole content of the named entry, read through Open.
func (a *Archive) ReadFile(name string) ([]byte, error) {
	rc, err := a.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	g := rc.(*guard)
	buf := bytes.NewBuffer(make([]byte, 0, min(g.f.UncompressedSize64, uint64(g.limit))+bytes.MinRead))
	if _, err := buf.ReadFrom(rc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readLimit is the most f may inflate to: the per-entry limit, the ratio
// limit and what is left of the total, whichever is smallest, with the
// sentinel error that exceeding it means.
func (a *Archive) readLimit(f *zip.File) (int64, error) {
	limit, why := a.lim.MaxEntrySize, ErrTooLarge
	packed := int64(min(f.CompressedSize64, uint64(a.lim.MaxEntrySize)))
	if r := max(a.lim.RatioFloor, packed*a.lim.MaxRatio); r < limit {
		limit, why = r, ErrZipBomb
	}
	a.mu.Lock()
	left := a.lim.MaxTotalSize - a.inflated
	a.mu.Unlock()
	if left < limit {
		limit, why = max(left, 0), ErrTooLarge
	}
	return limit, why
}

// guard inflates one entry, counting what comes out: it stops one byte
// past the entry's limit or its declared size, whichever is first, and
// checks the size and CRC-32 at the end.
type guard struct {
	a     *Archive
	f     *zip.File
	rc    io.ReadCloser
	limit int64
	why   error
	n     int64
	crc   hash.Hash32
	err   error // sticky
}

// Read implements io.Reader.
func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if room := min(g.limit, int64(min(g.f.UncompressedSize64, 1<<62))) + 1 - g.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := g.rc.Read(p)
	g.n += int64(n)
	g.crc.Write(p[:n])
	g.a.mu.Lock()
	g.a.inflated += int64(n)
	g.a.mu.Unlock()
	switch {
	case uint64(g.n) > g.f.UncompressedSize64:
		g.err = fmt.Errorf("%w: %q inflates beyond the %d bytes it declares; stopped reading", ErrZipBomb, g.f.Name, g.f.UncompressedSize64)
	case g.n > g.limit:
		g.err = g.exceeded()
	case err == io.EOF:
		g.err = g.finish()
	case errors.Is(err, io.ErrUnexpectedEOF):
		g.err = fmt.Errorf("%w: %q is truncated", ErrNotZip, g.f.Name)
	case err != nil:
		g.err = fmt.Errorf("%w: %q: %v", ErrNotZip, g.f.Name, err)
	}
	if g.err != nil && g.err != io.EOF {
		return 0, g.err
	}
	return n, g.err
}

// finish checks size and checksum at the end of the entry and returns
// io.EOF when both are right.
func (g *guard) finish() error {
	if uint64(g.n) != g.f.UncompressedSize64 {
		return fmt.Errorf("%w: %q is %d bytes, shorter than the %d it declares", ErrNotZip, g.f.Name, g.n, g.f.UncompressedSize64)
	}
	if g.f.CRC32 != 0 && g.crc.Sum32() != g.f.CRC32 {
		return fmt.Errorf("%w: %q fails its checksum", ErrNotZip, g.f.Name)
	}
	return io.EOF
}

// exceeded is the error for an entry that inflated past its limit.
func (g *guard) exceeded() error {
	if errors.Is(g.why, ErrZipBomb) {
		return fmt.Errorf("%w: %q inflates beyond %s from %s compressed (more than %d:1); stopped reading",
			ErrZipBomb, g.f.Name, human(uint64(g.limit)), human(g.f.CompressedSize64), g.a.lim.MaxRatio)
	}
	return fmt.Errorf("%w: %q inflates beyond %s (the limit left for it); stopped reading", ErrTooLarge, g.f.Name, human(uint64(g.limit)))
}

// Close implements io.Closer.
func (g *guard) Close() error { return g.rc.Close() }
