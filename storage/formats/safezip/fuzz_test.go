package safezip

import (
	"testing"

	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
)

// FuzzOpen opens arbitrary bytes as an archive and reads every entry: it
// must never panic and never read past the (small) limits.
func FuzzOpen(f *testing.F) {
	f.Add(ziptest.Build(f, F{Name: "mimetype", Body: "application/epub+zip", Store: true}, F{Name: "a/b.xml", Body: "<a>b</a>"}))
	f.Add(ziptest.Build(f, F{Name: "../x", Body: "x"}))
	f.Add(ziptest.Build(f, F{Name: "z", Zeros: 1 << 20}))
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	lim := Limits{MaxEntries: 100, MaxEntrySize: 1 << 20, MaxTotalSize: 4 << 20, RatioFloor: 1 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromBytes(data, lim)
		if err != nil {
			return
		}
		for _, e := range a.Entries() {
			b, err := a.ReadFile(e.Name)
			if err == nil && int64(len(b)) > lim.MaxEntrySize {
				t.Fatalf("%q: read %d bytes, over the limit", e.Name, len(b))
			}
		}
	})
}
