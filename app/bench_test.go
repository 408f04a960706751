package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// The window's actions through its own code path (the test driver), on a
// small project and on a large one, to show that an action does not cost
// more because the project is bigger. The large project is given with
// SAYWHO_BENCH_PROJECT (for example a 10,000-article project built with
// cmd/saywho-fixture and imported; `make bench-scale` does it); without it
// only the small one runs.
//
//	go test -tags ci -run '^$' -bench 'Window' ./app

// benchProjects lists the projects to measure: a fresh ten-article one,
// and the large one if given.
func benchProjects(b *testing.B) map[string]string {
	b.Helper()
	out := map[string]string{"articles=10": smallBenchProject(b)}
	if big := os.Getenv("SAYWHO_BENCH_PROJECT"); big != "" {
		copyPath := filepath.Join(b.TempDir(), "large.saywho")
		data, err := os.ReadFile(big)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(copyPath, data, 0o644); err != nil {
			b.Fatal(err)
		}
		out["articles=large"] = copyPath
	}
	return out
}

// smallBenchProject writes a project of ten copies of the test article,
// each with a few annotations.
func smallBenchProject(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "small.saywho")
	p, err := sqlite.Create(path, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	ctx := context.Background()
	coder, err := p.EnsureAnnotator(ctx, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	for i := range 10 {
		d, err := p.AddDocument(ctx, storage.Document{Text: fmt.Sprintf("%s\n(%d)", testArticle, i)})
		if err != nil {
			b.Fatal(err)
		}
		for s := 0; s < 300; s += 30 {
			if _, err := p.AddAnnotation(ctx, storage.Annotation{DocumentID: d.ID, Kind: storage.KindQuote, Start: s, End: s + 20, AnnotatorID: coder.ID}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return path
}

// benchWindow opens path in a window on the test driver.
func benchWindow(b *testing.B, path string) *UI {
	b.Helper()
	a := test.NewTempApp(b)
	p, err := sqlite.Open(path, sqlite.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	if err := p.EnableUndo(); err != nil {
		b.Fatal(err)
	}
	coder, err := p.EnsureAnnotator(context.Background(), "Bench")
	if err != nil {
		b.Fatal(err)
	}
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	u := NewUI(a, w, p, coder)
	b.Cleanup(u.close)
	return u
}

// BenchmarkWindowStart opens a project and builds the whole window on it,
// up to the first document drawn.
func BenchmarkWindowStart(b *testing.B) {
	for name, path := range benchProjects(b) {
		b.Run(name, func(b *testing.B) {
			a := test.NewTempApp(b)
			for b.Loop() {
				p, err := sqlite.Open(path, sqlite.OpenOptions{})
				if err != nil {
					b.Fatal(err)
				}
				coder, _ := p.EnsureAnnotator(context.Background(), "Bench")
				w := test.NewWindow(nil) // closed here: the theme is applied to every open window
				w.Resize(fyne.NewSize(1280, 800))
				u := NewUI(a, w, p, coder)
				u.close()
				w.Close()
				p.Close()
			}
		})
	}
}

// BenchmarkWindowAction times the actions a coder repeats all day, each
// through the window's code path: marking a quote (Q), coding it (1),
// linking it (L to a new speaker), deleting it, and undoing.
func BenchmarkWindowAction(b *testing.B) {
	for name, path := range benchProjects(b) {
		u := benchWindow(b, path)
		ctx := context.Background()
		code, err := u.p.AddCode(ctx, storage.Code{Name: "Bench code", Shortcut: "9"})
		if err != nil {
			b.Fatal(err)
		}
		spk, err := u.p.AddSpeaker(ctx, storage.Speaker{Name: "Bench Speaker"})
		if err != nil {
			b.Fatal(err)
		}
		u.applyChanges()
		mark := func() string {
			u.view.Select(40, 60)
			u.mark(storage.KindQuote)
			return u.selID
		}
		b.Run(name+"/mark-quote", func(b *testing.B) {
			for b.Loop() {
				id := mark()
				b.StopTimer()
				u.do("bench", func(ctx context.Context) error { return u.p.DeleteAnnotation(ctx, id) })
				b.StartTimer()
			}
		})
		b.Run(name+"/code", func(b *testing.B) {
			id := mark()
			for b.Loop() {
				u.toggleCode(id, code.ID)
			}
		})
		b.Run(name+"/link", func(b *testing.B) {
			id := mark()
			for b.Loop() {
				u.linkSpeakerTo(id, "", spk.ID)
			}
		})
		b.Run(name+"/delete", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				mark()
				b.StartTimer()
				u.deleteSelected()
			}
		})
		b.Run(name+"/undo", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				mark()
				b.StartTimer()
				u.undo()
			}
		})
	}
}
