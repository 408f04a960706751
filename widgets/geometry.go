package widgets

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// maxCachedGeoms bounds the per-line geometry cache.
const maxCachedGeoms = 2048

// lineGeom is the horizontal geometry of one line. Positions are relative
// to the line's left edge; index k means code point start+k.
type lineGeom struct {
	start int
	x     []float32 // x[k]: logical x of the boundary before code point k; len n+1
	stop  []bool    // stop[k]: a caret may stand at boundary k (grapheme boundary)
	runs  []dirRun  // direction runs in logical order; nil if the line is all left-to-right
	text  string    // what the line's canvas.Text shows
}

// dirRun is a run [lo, hi) of code points drawn in one direction. Fyne lays
// runs out left to right in logical order and draws a right-to-left run
// mirrored inside its box, so the geometry mirrors it the same way.
type dirRun struct {
	lo, hi int
	rtl    bool
}

// interval is a visual horizontal interval.
type interval struct{ x0, x1 float32 }

// geom returns line i's geometry, computing and caching it on first use.
func (l *textLayout) geom(i int) *lineGeom {
	if g := l.geo[int32(i)]; g != nil {
		return g
	}
	if l.geo == nil || len(l.geo) >= maxCachedGeoms {
		l.geo = make(map[int32]*lineGeom, 64)
	}
	g := l.computeGeom(l.lines[i])
	l.geo[int32(i)] = g
	return g
}

// computeGeom measures line ln code point by code point.
func (l *textLayout) computeGeom(ln line) *lineGeom {
	n := int(ln.end - ln.start)
	g := &lineGeom{start: int(ln.start), x: make([]float32, n+1), stop: make([]bool, n+1)}
	var pos float32
	l.m.mu.Lock()
	for ti := int(ln.tok); ti < len(l.toks) && l.toks[ti].start < ln.end; ti++ {
		t := l.toks[ti]
		if a, b := max(t.start, ln.start), min(t.wordEnd(), ln.end); a < b {
			adv, stop := l.cl.advances(l.m, l.text, l.runes, t, l.wordW[ti])
			for i := a; i < b; i++ {
				k := i - ln.start
				g.x[k], g.stop[k] = pos, stop[i-t.start]
				pos += adv[i-t.start]
			}
		}
		for i := max(t.wordEnd(), ln.start); i < min(t.spaceEnd(), ln.end); i++ {
			k := i - ln.start
			g.x[k], g.stop[k] = pos, true
			pos += l.m.spaceWidth(l.runes[i])
		}
	}
	l.m.mu.Unlock()
	g.x[n], g.stop[0], g.stop[n] = pos, true, true
	runes := l.runes[ln.start:ln.end]
	g.text = strings.Map(displayRune, string(runes))
	for _, r := range runes {
		if isRTL(r) {
			g.runs = directionRuns(g.text)
			break
		}
	}
	return g
}

// directionRuns splits s into direction runs exactly as Fyne's text shaper
// does (golang.org/x/text/unicode/bidi on a left-to-right paragraph), so the
// geometry matches what canvas.Text draws.
func directionRuns(s string) []dirRun {
	var p bidi.Paragraph
	if _, err := p.SetString(s, bidi.DefaultDirection(bidi.LeftToRight)); err != nil {
		return nil
	}
	o, err := p.Order()
	if err != nil {
		return nil
	}
	runs := make([]dirRun, 0, o.NumRuns())
	lo, n := 0, len([]rune(s))
	for i := 0; i < o.NumRuns(); i++ {
		r := o.Run(i)
		_, end := r.Pos()
		hi := min(end+1, n)
		if hi > lo {
			runs = append(runs, dirRun{lo, hi, r.Direction() == bidi.RightToLeft})
		}
		lo = hi
	}
	if lo < n {
		runs = append(runs, dirRun{lo, n, false})
	}
	return runs
}

// n returns the number of code points on the line.
func (g *lineGeom) n() int { return len(g.x) - 1 }

// width returns the line's drawn width.
func (g *lineGeom) width() float32 { return g.x[len(g.x)-1] }

// runOf returns the direction run holding code point k (k < n).
func (g *lineGeom) runOf(k int) dirRun {
	i := sort.Search(len(g.runs), func(i int) bool { return g.runs[i].hi > k })
	if i == len(g.runs) {
		return dirRun{0, g.n(), false}
	}
	return g.runs[i]
}

// mirror maps a logical x inside right-to-left run r to its visual x.
func (g *lineGeom) mirror(r dirRun, x float32) float32 { return g.x[r.lo] + g.x[r.hi] - x }

// caretX returns the visual x of the caret at boundary k: the leading edge
// of code point k (its right edge in a right-to-left run), or the trailing
// edge of the last code point at the line's end.
func (g *lineGeom) caretX(k int) float32 {
	k = g.snap(max(min(k, g.n()), 0))
	if g.runs == nil {
		return g.x[k]
	}
	if k < g.n() {
		if r := g.runOf(k); r.rtl {
			return g.mirror(r, g.x[k])
		}
		return g.x[k]
	}
	if r := g.runOf(k - 1); r.rtl {
		return g.mirror(r, g.x[k])
	}
	return g.x[k]
}

// snap moves boundary k back to the nearest grapheme boundary.
func (g *lineGeom) snap(k int) int {
	for k > 0 && !g.stop[k] {
		k--
	}
	return k
}

// nextStop returns the grapheme boundary after k (or n).
func (g *lineGeom) nextStop(k int) int {
	for k++; k < g.n() && !g.stop[k]; k++ {
	}
	return min(k, g.n())
}

// hit returns the caret boundary nearest to visual x.
func (g *lineGeom) hit(x float32) int {
	k, left := g.clusterAt(x)
	if k < 0 { // outside the text: the visually nearest end
		if x <= 0 {
			if len(g.runs) > 0 && g.runs[0].rtl {
				return g.runs[0].hi
			}
			return 0
		}
		if last := len(g.runs) - 1; last >= 0 && g.runs[last].rtl {
			return g.runs[last].lo
		}
		return g.n()
	}
	if left {
		return k
	}
	return g.nextStop(k)
}

// charAt returns the first code point of the grapheme cluster drawn at
// visual x, or -1 when x is outside the line's text.
func (g *lineGeom) charAt(x float32) int {
	k, _ := g.clusterAt(x)
	return k
}

// clusterAt finds the cluster drawn at visual x: its first code point and
// whether x lies in its leading half. k is -1 outside the text.
func (g *lineGeom) clusterAt(x float32) (k int, leading bool) {
	n := g.n()
	if n == 0 || x < 0 || x >= g.x[n] {
		return -1, false
	}
	lx, r := x, dirRun{0, n, false}
	if g.runs != nil {
		i := sort.Search(len(g.runs), func(i int) bool { return g.x[g.runs[i].hi] > x })
		r = g.runs[min(i, len(g.runs)-1)]
		if r.rtl {
			lx = g.mirror(r, x)
		}
	}
	// the last boundary in r whose logical x is <= lx, then back to a stop
	j := sort.Search(r.hi-r.lo, func(i int) bool { return g.x[r.lo+i+1] > lx }) + r.lo
	j = g.snap(min(j, n-1))
	end := g.nextStop(j)
	return j, lx < (g.x[j]+g.x[end])/2
}

// intervals appends the visual intervals covering code points [a, b) of the
// line (indices relative to the line) to out, merging touching ones.
func (g *lineGeom) intervals(out []interval, a, b int) []interval {
	a, b = max(a, 0), min(b, g.n())
	if a >= b {
		return out
	}
	if g.runs == nil {
		return append(out, interval{g.x[a], g.x[b]})
	}
	for _, r := range g.runs {
		p, q := max(a, r.lo), min(b, r.hi)
		if p >= q {
			continue
		}
		iv := interval{g.x[p], g.x[q]}
		if r.rtl {
			iv = interval{g.mirror(r, g.x[q]), g.mirror(r, g.x[p])}
		}
		if last := len(out) - 1; last >= 0 && iv.x0-out[last].x1 < 0.01 && iv.x0-out[last].x1 > -0.01 {
			out[len(out)-1].x1 = iv.x1
			continue
		}
		out = append(out, iv)
	}
	return out
}
