// Command iconsizes writes the application icon at the sizes Linux
// desktops look for, as a hicolor icon-theme tree (make dist uses it for
// the Linux tarball):
//
//	go run ./assets/iconsizes -out DIR -name APPID [-mime NAME]
//
// writes DIR/NxN/apps/APPID.png for each size, and with -mime also
// DIR/NxN/mimetypes/NAME.png (the icon of the project files).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"

	"github.com/saywho-app/saywho/assets"
)

// sizes are the hicolor sizes desktops ask for (menus 16–48, docks and
// launchers 64–256, high-density screens 512).
var sizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

func main() {
	out := flag.String("out", "", "hicolor folder to write into")
	name := flag.String("name", "", "icon name, the application id")
	mime := flag.String("mime", "", "also write the icon as this mimetypes icon (e.g. application-x-saywho)")
	flag.Parse()
	if *out == "" || *name == "" {
		fmt.Fprintln(os.Stderr, "usage: iconsizes -out DIR -name APPID [-mime NAME]")
		os.Exit(2)
	}
	if err := write(*out, *name, *mime); err != nil {
		fmt.Fprintln(os.Stderr, "iconsizes:", err)
		os.Exit(1)
	}
}

// write scales the bundled icon to every size and saves the PNGs.
func write(out, name, mime string) error {
	src, err := png.Decode(bytes.NewReader(assets.IconPNG))
	if err != nil {
		return fmt.Errorf("the bundled icon: %w", err)
	}
	for _, n := range sizes {
		data, err := encode(scale(src, n))
		if err != nil {
			return err
		}
		targets := []string{filepath.Join(out, fmt.Sprintf("%dx%d", n, n), "apps", name+".png")}
		if mime != "" {
			targets = append(targets, filepath.Join(out, fmt.Sprintf("%dx%d", n, n), "mimetypes", mime+".png"))
		}
		for _, t := range targets {
			if err := os.MkdirAll(filepath.Dir(t), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(t, data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// scale returns src resized to n×n with Catmull-Rom filtering.
func scale(src image.Image, n int) image.Image {
	dst := image.NewNRGBA(image.Rect(0, 0, n, n))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

func encode(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
