package widgets

import "sort"

// line is one wrapped line: it shows code points [start, end) and tok is the
// first token overlapping it. A hard break between end and the next line's
// start is not shown.
type line struct{ start, end, tok int32 }

// textLayout holds a text, its tokens measured at one size and its lines
// wrapped at one width. Each step is redone only when its input changes:
// a new width re-wraps without measuring, a new size re-measures.
type textLayout struct {
	text  string
	runes []rune
	toks  []token

	m             *metrics // nil until measured
	wordW, trailW []float32

	width float32 // wrap width of lines; 0 when not wrapped
	lines []line
	geo   map[int32]*lineGeom
	cl    clusterer
}

// setText replaces the text; it must be measured and wrapped again.
func (l *textLayout) setText(text string) {
	l.text = text
	l.runes, l.toks = tokenize(text)
	l.m, l.width, l.lines = nil, 0, l.lines[:0]
	l.geo = nil
}

// measure computes token widths with m unless they already are.
func (l *textLayout) measure(m *metrics) {
	if l.m == m {
		return
	}
	l.m, l.width, l.geo = m, 0, nil
	l.wordW = growFloats(l.wordW, len(l.toks))
	l.trailW = growFloats(l.trailW, len(l.toks))
	m.mu.Lock()
	defer m.mu.Unlock()
	var missing []int // tokens whose word has not been measured yet
	for i, t := range l.toks {
		var w float32
		if t.wordEnd() > t.start {
			var ok bool
			if w, ok = m.lookup(l.text[t.bstart:t.bwordEnd()]); !ok {
				missing = append(missing, i)
			}
		}
		l.wordW[i] = w
		var s float32
		if trail := l.runes[t.wordEnd():t.spaceEnd()]; len(trail) == 1 && trail[0] == ' ' {
			s = m.space // the common case
		} else {
			for _, r := range trail {
				s += m.spaceWidth(r)
			}
		}
		l.trailW[i] = s
	}
	if len(missing) > 0 {
		l.measureMissing(missing)
	}
}

// measureMissing measures the distinct words of the tokens in missing at
// once and fills in their widths. Call with l.m.mu held.
func (l *textLayout) measureMissing(missing []int) {
	seen := make(map[string]bool, len(missing))
	var words []string
	for _, i := range missing {
		if w := l.text[l.toks[i].bstart:l.toks[i].bwordEnd()]; !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	l.m.measureAll(words)
	for _, i := range missing {
		l.wordW[i] = l.m.width(l.text[l.toks[i].bstart:l.toks[i].bwordEnd()])
	}
}

// wrap breaks the measured text into lines no wider than maxW (greedy; white
// space hangs at line ends; a word wider than maxW is split between grapheme
// clusters). It does nothing if the lines are already wrapped at maxW.
func (l *textLayout) wrap(maxW float32) {
	if l.m == nil || (maxW == l.width && len(l.lines) > 0) {
		return
	}
	l.width, l.geo = maxW, nil
	lines := l.lines[:0]
	var x float32
	ls, lt, has := int32(0), int32(0), false
	for i, t := range l.toks {
		w := l.wordW[i]
		if has && w > 0 && x+w > maxW {
			lines = append(lines, line{ls, t.start, lt})
			ls, lt, x, has = t.start, int32(i), 0, false
		}
		if w > maxW && t.wordEnd() > t.start {
			lines, ls, lt, x = l.splitWord(lines, i, ls, lt, x, maxW)
		} else {
			x += w
		}
		x += l.trailW[i]
		has = has || w > 0
		if t.brk > 0 {
			lines = append(lines, line{ls, t.spaceEnd(), lt})
			ls, lt, x, has = t.end(), int32(i+1), 0, false
		}
	}
	l.lines = append(lines, line{ls, int32(len(l.runes)), lt})
}

// splitWord wraps the over-long word of token i between its grapheme
// clusters, starting at x on the line that began at ls with token lt.
func (l *textLayout) splitWord(lines []line, i int, ls, lt int32, x, maxW float32) ([]line, int32, int32, float32) {
	t := l.toks[i]
	l.m.mu.Lock()
	adv, stop := l.cl.advances(l.m, l.text, l.runes, t, l.wordW[i])
	l.m.mu.Unlock()
	for k, a := range adv {
		if stop[k] && x > 0 && x+a > maxW {
			at := t.start + int32(k)
			lines = append(lines, line{ls, at, lt})
			ls, lt, x = at, int32(i), 0
		}
		x += a
	}
	return lines, ls, lt, x
}

// lineAt returns the index of the line holding offset off (a soft-wrap
// boundary belongs to the line it starts).
func (l *textLayout) lineAt(off int) int {
	i := sort.Search(len(l.lines), func(i int) bool { return int(l.lines[i].start) > off }) - 1
	return max(i, 0)
}

// growFloats returns s resized to n elements.
func growFloats(s []float32, n int) []float32 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float32, n)
}
