package app

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/saywho-app/saywho/storage/sqlite"
)

func TestDefaultProjectIsCreatedWithSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "My project.saywho")
	p, err := openOrCreateDefault(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := p.Documents(context.Background())
	codes, _ := p.Codes(context.Background())
	if len(docs) != 1 || len(codes) != 3 {
		t.Fatalf("%d documents and %d codes in the new default project, want the sample and 3 codes", len(docs), len(codes))
	}
	p.Close()
	// The second start opens it rather than creating another.
	p, err = openOrCreateDefault(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if docs, _ := p.Documents(context.Background()); len(docs) != 1 {
		t.Errorf("%d documents on the second start", len(docs))
	}
}

func TestDefaultProjectPathUsesDataHome(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG_DATA_HOME applies on Linux and the BSDs only")
	}
	t.Setenv("XDG_DATA_HOME", "/data/home")
	path, err := DefaultProjectPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("/data/home", "saywho", "My project.saywho"); path != want {
		t.Errorf("default project %q, want %q", path, want)
	}
}

func TestCoderForReadOnlyProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.saywho")
	p, err := createProject(path, "P", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.EnsureAnnotator(context.Background(), "Known"); err != nil {
		t.Fatal(err)
	}
	p.Close()
	ro, err := sqlite.Open(path, sqlite.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if a, err := coderFor(ro, "Known"); err != nil || a.ID == "" {
		t.Errorf("known coder in a read-only project: %+v, %v", a, err)
	}
	if a, err := coderFor(ro, "Stranger"); err != nil || a.ID != "" || a.Name != "Stranger" {
		t.Errorf("unknown coder in a read-only project: %+v, %v", a, err)
	}
}
