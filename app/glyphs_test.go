package app

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// The window's own text must be drawn from the fonts Fyne bundles. A
// character those lack is looked up in the system's fonts, and where none
// has it (Windows under Wine, minimal Linux installs) Fyne draws "�".

// bundledFace parses one of Fyne's bundled fonts.
func bundledFace(t *testing.T, r fyne.Resource) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("parse %s: %v", r.Name(), err)
	}
	return f
}

// missing returns the characters of s that face has no glyph for.
func missing(face *font.Face, s string) string {
	var out []rune
	for _, r := range s {
		if r < 0x20 {
			continue
		}
		if _, ok := face.NominalGlyph(r); !ok {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestShortcutTextInBundledFonts(t *testing.T) {
	text := bundledFace(t, theme.DefaultTextFont())
	mono := bundledFace(t, theme.DefaultTextMonospaceFont())
	u := &UI{find: &findBar{}}
	for _, c := range u.commands() {
		// Help → Keyboard shortcuts: keys in monospace, labels in the text
		// font; the menus draw labels in the text font.
		if m := missing(mono, c.keys); m != "" {
			t.Errorf("keys %q of %q: the monospace font lacks %q", c.keys, c.id, m)
		}
		if m := missing(text, c.label); m != "" {
			t.Errorf("label %q: the text font lacks %q", c.label, m)
		}
	}
}

// quoteMarkSets are string literals that are data (quotation marks to
// look for in article text), never drawn.
var quoteMarkSets = map[string]bool{
	"(\"“‘'«": true, `"“„«‹‘「`: true, `"”»›’」`: true, `"“”„«»「」`: true, `"”’»›)]」`: true,
}

func TestUITextInBundledFont(t *testing.T) {
	text := bundledFace(t, theme.DefaultTextFont())
	keys := map[string]bool{}
	for _, c := range (&UI{find: &findBar{}}).commands() {
		keys[c.keys] = true // checked against the monospace font above
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || keys[s] || quoteMarkSets[s] {
				return true
			}
			if m := missing(text, s); m != "" {
				t.Errorf("%s: %q: the text font lacks %q", fset.Position(lit.Pos()), s, m)
			}
			return true
		})
	}
}
