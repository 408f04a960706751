package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// unicodeTexts are the hit-testing fixtures: every script the app must
// handle, each long enough to wrap in a narrow view.
var unicodeTexts = []struct{ name, text string }{
	{"latin", "Talks resume in Geneva after the foreign minister said the door remains open."},
	{"emoji", "Crowds 👍🏽 cheered 👩‍💻 loudly as 🇺🇦 flags 🎉 rose over the square today."},
	{"combining", "Cafe\u0301 owners in Noe\u0308l said the re\u0301sume\u0301 looked nai\u0308ve to them."},
	{"cjk", "外相は火曜日に「扉は開いている」と述べ、停戦の可能性を示唆した。"},
	{"hebrew", "השר אמר ביום שלישי כי הדלת עדיין פתוחה להפסקת אש."},
	{"arabic", "قال الوزير يوم الثلاثاء إن الباب لا يزال مفتوحا أمام وقف إطلاق النار."},
	{"mixed", "The minister said שלום עולם and then left; المتحدث قال 123 too."},
	{"crlf", "First line\r\nSecond line that wraps around here\r\n\r\nLast"},
}

// narrowView shows text in a 220 px wide view.
func narrowView(t *testing.T, text string) *ArticleView {
	t.Helper()
	v, _ := newTestView(t, theme.VariantLight, 220, 400)
	v.SetSpans(nil)
	v.SetText(text)
	if !v.ensureLayout() || len(v.lay.lines) < 2 {
		t.Fatalf("%q does not wrap", text)
	}
	return v
}

// runBoundary reports whether the caret at boundary k of g is ambiguous:
// k starts or ends a direction run inside the line (it has two visual
// places), or its caret lies where two runs meet (two offsets share it).
func runBoundary(g *lineGeom, k int) bool {
	cx := g.caretX(k)
	for i, r := range g.runs {
		if (k == r.lo && k > 0) || (k == r.hi && k < g.n()) {
			return true
		}
		if d := cx - g.x[r.hi]; i+1 < len(g.runs) && d < 0.01 && d > -0.01 {
			return true
		}
	}
	return false
}

// eachLine runs check on every line of every Unicode fixture shown in a
// narrow view. check returns how many cases it checked; a fixture with
// fewer than least in all is an error, so that skipping cannot pass.
func eachLine(t *testing.T, least int, check func(t *testing.T, v *ArticleView, li int, g *lineGeom) int) {
	for _, tt := range unicodeTexts {
		t.Run(tt.name, func(t *testing.T) {
			v := narrowView(t, tt.text)
			checked := 0
			for li := range v.lay.lines {
				checked += check(t, v, li, v.lay.geom(li))
			}
			if checked < least {
				t.Errorf("only %d cases checked", checked)
			}
		})
	}
}

func TestOffsetPositionRoundTrip(t *testing.T) {
	eachLine(t, 20, func(t *testing.T, v *ArticleView, li int, g *lineGeom) (checked int) {
		for k := 0; k <= g.n(); k++ {
			off := g.start + k
			if !g.stop[k] || runBoundary(g, k) || (k == g.n() && v.softWrapped(li)) {
				continue // inside a cluster, ambiguous bidi edge, or shown at the next line's start
			}
			pos, h := v.PositionOf(off)
			if got := v.OffsetAt(pos.AddXY(0, h/2)); got != off {
				t.Errorf("line %d: OffsetAt(PositionOf(%d)=%v) = %d", li, off, pos, got)
			}
			checked++
		}
		return checked
	})
}

func TestPixelOffsetPixelRoundTrip(t *testing.T) {
	eachLine(t, 100, func(t *testing.T, v *ArticleView, li int, g *lineGeom) (checked int) {
		var widest float32
		for k := 0; k < g.n(); k = g.nextStop(k) {
			widest = max(widest, g.x[g.nextStop(k)]-g.x[k])
		}
		y := v.lineY(li) + v.vm.textH/2
		for x := float32(0); x <= g.width(); x++ {
			off := v.OffsetAt(fyne.NewPos(v.vm.pad+x, y))
			if runBoundary(g, off-g.start) || (v.softWrapped(li) && off == g.start+g.snap(g.n()-1)) {
				continue // ambiguous bidi edge, or the end of a wrapped line (shown on the next line)
			}
			pos, _ := v.PositionOf(off)
			if d := pos.X - v.vm.pad - x; d > widest/2+0.5 || d < -widest/2-0.5 {
				t.Errorf("line %d x=%v: offset %d is drawn at %v", li, x, off, pos.X-v.vm.pad)
			}
			checked++
		}
		return checked
	})
}

func TestCharAtFindsEachCluster(t *testing.T) {
	eachLine(t, 20, func(t *testing.T, v *ArticleView, li int, g *lineGeom) (checked int) {
		for k := 0; k < g.n(); k = g.nextStop(k) {
			ivs := g.intervals(nil, k, g.nextStop(k))
			if len(ivs) != 1 || ivs[0].x1-ivs[0].x0 < 0.5 {
				continue // zero-width
			}
			mid := (ivs[0].x0 + ivs[0].x1) / 2
			if got := v.charAtPos(fyne.NewPos(v.vm.pad+mid, v.lineY(li)+2)); got != g.start+k {
				t.Errorf("line %d: char at the middle of cluster %d is %d", li, g.start+k, got)
			}
			checked++
		}
		return checked
	})
}

func TestRTLRunsAreMirrored(t *testing.T) {
	v := narrowView(t, "abc שלום עולם def and more words to wrap")
	g := v.lay.geom(0)
	if len(g.runs) != 3 || !g.runs[1].rtl {
		t.Fatalf("runs = %+v, want LTR, RTL, LTR", g.runs)
	}
	r := g.runs[1]
	// the first Hebrew letter is drawn at the right end of the run
	if left, right := g.caretX(r.lo), g.x[r.hi]; left != right {
		t.Errorf("caret before the first Hebrew letter at %v, want the run's right edge %v", left, right)
	}
	if got := g.hit(g.x[r.hi] - 1); got != r.lo {
		t.Errorf("a click just inside the run's right edge gives %d, want %d", got, r.lo)
	}
}
