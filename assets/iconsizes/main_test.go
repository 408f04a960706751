package main

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAllSizes(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, "app.id", "application-x-test"); err != nil {
		t.Fatal(err)
	}
	for _, n := range sizes {
		for _, p := range []string{"apps/app.id.png", "mimetypes/application-x-test.png"} {
			path := filepath.Join(dir, fmt.Sprintf("%dx%d", n, n), p)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if cfg.Width != n || cfg.Height != n {
				t.Errorf("%s is %dx%d, want %dx%d", path, cfg.Width, cfg.Height, n, n)
			}
		}
	}
}
