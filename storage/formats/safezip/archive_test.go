package safezip

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage/formats/safezip/ziptest"
)

// F is short for a test archive entry.
type F = ziptest.File

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		files []F
		lim   Limits
		want  error
	}{
		{"dot-dot", []F{{Name: "../evil.txt"}}, Limits{}, ErrUnsafePath},
		{"nested dot-dot", []F{{Name: "a/../../evil.txt"}}, Limits{}, ErrUnsafePath},
		{"absolute", []F{{Name: "/etc/passwd"}}, Limits{}, ErrUnsafePath},
		{"backslash dot-dot", []F{{Name: `..\evil.txt`}}, Limits{}, ErrUnsafePath},
		{"backslash nested", []F{{Name: `sources\..\..\evil.txt`}}, Limits{}, ErrUnsafePath},
		{"backslash absolute", []F{{Name: `\Windows\evil.txt`}}, Limits{}, ErrUnsafePath},
		{"drive letter", []F{{Name: `C:\evil.txt`}}, Limits{}, ErrUnsafePath},
		{"drive letter slash", []F{{Name: "C:/evil.txt"}}, Limits{}, ErrUnsafePath},
		{"NUL in name", []F{{Name: "a\x00.txt"}}, Limits{}, ErrUnsafePath},
		{"empty name", []F{{Name: ""}}, Limits{}, ErrUnsafePath},
		{"symlink", []F{{Name: "link", Body: "/etc/passwd", Mode: fs.ModeSymlink | 0o777}}, Limits{}, ErrUnsafePath},
		{"duplicate", []F{{Name: "a.txt"}, {Name: "a.txt"}}, Limits{}, ErrDuplicate},
		{"too many entries", []F{{Name: "a"}, {Name: "b"}, {Name: "c"}}, Limits{MaxEntries: 2}, ErrTooManyEntries},
		{"gigabyte bomb", []F{{Name: "word/document.xml", Zeros: 1 << 30}}, Limits{}, ErrZipBomb},
		{"bomb under entry limit", []F{{Name: "a", Zeros: 8 << 20}}, Limits{}, ErrZipBomb},
		{"entry over size limit", []F{{Name: "a", Body: strings.Repeat("x", 3000), Store: true}}, Limits{MaxEntrySize: 2000}, ErrTooLarge},
		{"total over limit", []F{{Name: "a", Body: strings.Repeat("x", 600), Store: true}, {Name: "b", Body: strings.Repeat("y", 600), Store: true}}, Limits{MaxTotalSize: 1000}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromBytes(ziptest.Build(t, tt.files...), tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want.Error()) {
				t.Errorf("message %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestNotZip(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PK\x03\x04 truncated"), []byte("plain text")} {
		if _, err := FromBytes(data, Limits{}); !errors.Is(err, ErrNotZip) {
			t.Errorf("FromBytes(%q) err = %v, want ErrNotZip", data, err)
		}
	}
}

func TestFindAndRead(t *testing.T) {
	data := ziptest.Build(t,
		F{Name: "mimetype", Body: "application/epub+zip", Store: true},
		F{Name: "Word/Document.xml", Body: "<w:document/>"},
		F{Name: `sources\a.txt`, Body: "windows path"},
		F{Name: "./dot/b.txt", Body: "dotted"},
		F{Name: "emoji/😀 ñ.txt", Body: "ünïcödé"},
	)
	a, err := FromBytes(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ find, name, body string }{
		{"mimetype", "mimetype", "application/epub+zip"},
		{"word/document.xml", "Word/Document.xml", "<w:document/>"},
		{"WORD/DOCUMENT.XML", "Word/Document.xml", "<w:document/>"},
		{"sources/a.txt", `sources\a.txt`, "windows path"},
		{"dot/b.txt", "./dot/b.txt", "dotted"},
		{"EMOJI/😀 Ñ.txt", "emoji/😀 ñ.txt", "ünïcödé"},
	}
	for _, tt := range tests {
		e, ok := a.Find(tt.find)
		if !ok || e.Name != tt.name {
			t.Errorf("Find(%q) = %q, %v; want %q", tt.find, e.Name, ok, tt.name)
			continue
		}
		got, err := a.ReadFile(tt.find)
		if err != nil || string(got) != tt.body {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", tt.find, got, err, tt.body)
		}
	}
	if _, err := a.ReadFile("missing.xml"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing entry: err = %v, want ErrNotFound", err)
	}
	if n := len(a.Entries()); n != 5 {
		t.Errorf("Entries() has %d entries, want 5", n)
	}
}

func TestExactMatchWinsOverFolded(t *testing.T) {
	a, err := FromBytes(ziptest.Build(t, F{Name: "A.txt", Body: "upper"}, F{Name: "a.txt", Body: "lower"}), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"A.txt": "upper", "a.txt": "lower", "A.TXT": "upper"} {
		if got, err := a.ReadFile(name); err != nil || string(got) != want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestReadStopsAtLimits(t *testing.T) {
	tests := []struct {
		name  string
		files []F
		lim   Limits
		want  error
	}{
		// Declares 1 KiB but inflates to 64 MiB: archive/zip notices at
		// 1 KiB and the read is reported as a bomb.
		{"lies about size", []F{{Name: "a", Zeros: 64 << 20, Declared: 1024}}, Limits{}, ErrZipBomb},
		// Declares its true size, which the ratio check passes thanks to
		// a generous ratio, but a tighter entry limit applies when read.
		{"total read budget", []F{{Name: "a", Zeros: 4 << 20}}, Limits{MaxRatio: 10000, MaxTotalSize: 5 << 20}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromBytes(ziptest.Build(t, tt.files...), tt.lim)
			if err != nil {
				t.Fatal(err)
			}
			_, err = a.ReadFile("a")
			if tt.name == "total read budget" && err == nil {
				_, err = a.ReadFile("a") // the second read exceeds the total
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadRefusesDamage(t *testing.T) {
	flip := func(data []byte) []byte {
		i := strings.Index(string(data), "hello world")
		data[i+4] = 'O'
		return data
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"shorter than declared", ziptest.Build(t, F{Name: "a", Zeros: 1 << 20, Declared: 2 << 20}), "shorter than"},
		{"checksum", flip(ziptest.Build(t, F{Name: "a", Body: "hello world", Store: true})), "checksum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromBytes(tt.data, Limits{MaxRatio: 10000})
			if err != nil {
				t.Fatal(err)
			}
			_, err = a.ReadFile("a")
			if !errors.Is(err, ErrNotZip) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrNotZip saying %q", err, tt.want)
			}
		})
	}
}

func TestIsZip(t *testing.T) {
	tests := []struct {
		data []byte
		want bool
	}{
		{ziptest.Build(t, F{Name: "a"}), true},
		{ziptest.Build(t), true},
		{[]byte("%PDF-1.4"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := IsZip(tt.data); got != tt.want {
			t.Errorf("IsZip(%q...) = %v, want %v", tt.data[:min(len(tt.data), 8)], got, tt.want)
		}
	}
}
