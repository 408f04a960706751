package widgets

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
)

// maxCachedWidths bounds one metrics table; it is emptied when full.
const maxCachedWidths = 1 << 18

// metrics measures text in the theme's regular font at one size, caching
// every width it measures. Tables are shared by all views (re-opening an
// article costs no measuring) and guarded by mu: hold it for a whole pass.
type metrics struct {
	mu      sync.Mutex
	size    float32
	widths  map[string]recentWidth // by string; the value holds the key, too
	recent  [1024]recentWidth      // direct-mapped cache in front of widths
	ascii   [128]float32           // single ASCII characters; 0 = not measured yet
	space   float32                // width of ' ', also used for tabs and control characters
	textH   float32                // height of a line of text
	measure func(s string) float32
	// batch measures many words at once into out, or reports false; nil
	// when there is no shaper.
	batch func(words []string, out []float32) bool
}

// recentWidth is an entry of metrics.recent.
type recentWidth struct {
	s string // a key of metrics.widths (never a slice of an article)
	w float32
}

// metricsKey identifies a metrics table: text size and font.
type metricsKey struct {
	size float32
	font string
}

var metricsTables = struct {
	sync.Mutex
	m map[metricsKey]*metrics
}{m: map[metricsKey]*metrics{}}

// metricsFor returns the shared table for size in the current theme's
// font. It measures with its own shaper where the theme font covers the
// text (same result as fyne.MeasureText, several times faster the first
// time) and with fyne.MeasureText otherwise.
func metricsFor(size float32) *metrics {
	res := fyne.CurrentApp().Settings().Theme().Font(fyne.TextStyle{})
	key := metricsKey{size: size}
	if res != nil {
		key.font = res.Name()
	}
	metricsTables.Lock()
	defer metricsTables.Unlock()
	if m := metricsTables.m[key]; m != nil {
		return m
	}
	sh := newShaper(res)
	m := newMetrics(size, func(s string) float32 {
		if sh != nil {
			if w, ok := sh.width(s, size); ok {
				return w
			}
		}
		return fyne.MeasureText(s, size, fyne.TextStyle{}).Width
	})
	if sh != nil {
		m.batch = func(words []string, out []float32) bool { return sh.widths(words, size, out) }
	}
	m.textH = fyne.MeasureText("M", size, fyne.TextStyle{}).Height
	metricsTables.m[key] = m
	return m
}

// newMetrics builds a table around a measuring function (tests pass a fake).
func newMetrics(size float32, measure func(string) float32) *metrics {
	m := &metrics{size: size, widths: map[string]recentWidth{}, measure: measure}
	m.space = measure(" ")
	m.textH = size * 1.3
	return m
}

// width returns the shaped width of s. Call with mu held.
func (m *metrics) width(s string) float32 {
	if w, ok := m.lookup(s); ok {
		return w
	}
	w := m.measure(s)
	m.store(s, w)
	return w
}

// lookup returns the width of s if it has been measured. Call with mu held.
func (m *metrics) lookup(s string) (float32, bool) {
	switch {
	case s == "":
		return 0, true
	case len(s) == 1 && s[0] < 0x80:
		w := m.ascii[s[0]]
		return w, w != 0
	}
	slot := &m.recent[recentSlot(s)%uint(len(m.recent))]
	if slot.s == s {
		return slot.w, true
	}
	e, ok := m.widths[s]
	if ok {
		*slot = e
	}
	return e.w, ok
}

// recentSlot hashes s (not empty) cheaply for metrics.recent: its length
// and three of its bytes tell most words apart.
func recentSlot(s string) uint {
	return uint(len(s))*0x9E37 + uint(s[0])*0x85EB + uint(s[len(s)-1])*0xC2B2 + uint(s[len(s)/2])
}

// store remembers the width of s. Call with mu held.
func (m *metrics) store(s string, w float32) {
	if len(s) == 1 && s[0] < 0x80 {
		m.ascii[s[0]] = max(w, 1e-6) // 0 means "not measured"
		return
	}
	if len(m.widths) >= maxCachedWidths {
		clear(m.widths)
	}
	k := strings.Clone(s) // s may be a slice of a whole article
	m.widths[k] = recentWidth{k, w}
}

// batchSize is how many words are shaped in one call.
const batchSize = 200

// measureAll measures and stores words that have no width yet (a first
// layout), shaping them in batches where the shaper can. Call with mu held.
func (m *metrics) measureAll(words []string) {
	out := make([]float32, batchSize)
	for len(words) > 0 {
		chunk := words[:min(batchSize, len(words))]
		words = words[len(chunk):]
		if m.batch != nil && m.batch(chunk, out) {
			for i, w := range chunk {
				m.store(w, out[i])
			}
			continue
		}
		for _, w := range chunk {
			m.store(w, m.measure(w))
		}
	}
}

// spaceWidth returns the width of a white-space code point. Call with mu held.
func (m *metrics) spaceWidth(r rune) float32 {
	if r == ' ' || r < 0x20 || r == 0x7F {
		return m.space
	}
	if r == 0x200B {
		return 0
	}
	return m.width(string(r))
}
