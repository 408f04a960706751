package widgets

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// benchWidth is the width the layout benchmarks wrap at.
const benchWidth = 800

// benchArticle generates a deterministic news-like text of n words in
// paragraphs, with a span every 10 words (n/10 spans, some overlapping the
// next one). About a third of the words are common ones; the others are
// made of syllables (some 9,000 different words) with salt appended, so a
// new salt makes words that were never measured.
func benchArticle(n int, salt string) (string, []Span) {
	syl := []string{"ka", "ren", "mo", "lit", "sa", "vor", "de", "an", "pel", "tri", "os", "gu", "min", "ba", "ter", "ul"}
	common := []string{"the", "said", "of", "to", "and", "a", "in", "that", "on", "for", "minister", "officials", "talks", "according", "told", "reporters"}
	seed := uint32(7)
	rnd := func(k int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % k }
	var sb strings.Builder
	starts := make([]int, 0, n+1)
	pos := 0
	write := func(s string) { sb.WriteString(s); pos += len([]rune(s)) }
	for i := range n {
		if i > 0 {
			switch {
			case i%90 == 0:
				write(".\n\n")
			case i%15 == 0:
				write(". ")
			case i%7 == 0:
				write(", ")
			default:
				write(" ")
			}
		}
		starts = append(starts, pos)
		if rnd(3) > 0 {
			write(common[rnd(len(common))])
			continue
		}
		w := ""
		for range 1 + rnd(3) {
			w += syl[rnd(len(syl))]
		}
		if rnd(5) == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		write(w + salt)
	}
	write(".")
	starts = append(starts, pos)
	colors := []color.Color{
		color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}, color.NRGBA{R: 0xe0, G: 0x7b, B: 0x00, A: 0xff},
		color.NRGBA{R: 0x2e, G: 0x9d, B: 0x4f, A: 0xff}, color.NRGBA{R: 0x9b, G: 0x4d, B: 0xca, A: 0xff},
	}
	spans := make([]Span, 0, n/10)
	for k := 0; k < n/10; k++ {
		first := 10*k + k%3
		last := min(first+1+k%12, n)
		spans = append(spans, Span{ID: fmt.Sprint("s", k), Start: starts[first], End: starts[last] - 1,
			Color: colors[k%len(colors)], Label: "quote", Style: SpanStyle(k % 5 / 4)})
	}
	return sb.String(), spans
}

// saltCount numbers the salts handed out by freshSalt.
var saltCount int

// freshSalt returns a suffix never returned before in this process, so
// that benchArticle makes words that no cache has seen.
func freshSalt() string {
	saltCount++
	salt := []byte{'x'}
	for n := saltCount; n > 0; n /= 26 {
		salt = append(salt, byte('a'+n%26))
	}
	return string(salt)
}

// loopCPU runs body b.N times (b.Loop) and reports the process CPU time per
// iteration as cpu-ns/op: unlike ns/op it does not grow when other
// processes compete for the cores.
func loopCPU(b *testing.B, body func()) {
	start := cpuTime()
	for b.Loop() {
		body()
	}
	reportCPU(b, start)
}

// runPrepared prepares b.N iterations untimed (e.g. texts with words never
// measured before), then runs them timed, reporting cpu-ns/op too.
func runPrepared(b *testing.B, prepare func() func()) {
	runs := make([]func(), b.N)
	for i := range runs {
		runs[i] = prepare()
	}
	b.ResetTimer()
	start := cpuTime()
	for _, run := range runs {
		run()
	}
	reportCPU(b, start)
}

// reportCPU reports the CPU time used since start per iteration.
func reportCPU(b *testing.B, start int64) {
	if start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

// laidOutView returns a view of text and spans sized w x h.
func laidOutView(text string, spans []Span, w, h float32) *ArticleView {
	v := NewArticleView()
	v.SetText(text)
	v.SetSpans(spans)
	v.Resize(fyne.NewSize(w, h))
	return v
}

func BenchmarkArticleView(b *testing.B) {
	test.NewTempApp(b)
	for _, n := range []int{50000, 200000} {
		text, spans := benchArticle(n, "")
		laidOutView(text, spans, benchWidth, 600) // measure the words once, as an earlier article would have
		b.Run(fmt.Sprintf("layout/words=%d", n), func(b *testing.B) {
			loopCPU(b, func() {
				v := laidOutView(text, spans, benchWidth, 600)
				if len(test.WidgetRenderer(v).Objects()) == 0 {
					b.Fatal("nothing drawn")
				}
			})
		})
	}
	for _, n := range []int{50000, 200000} {
		b.Run(fmt.Sprintf("layout-cold/words=%d", n), func(b *testing.B) {
			runPrepared(b, func() func() {
				text, spans := benchArticle(n, freshSalt()) // words never measured
				return func() {
					metricsTables.Lock()
					clear(metricsTables.m)
					metricsTables.Unlock()
					laidOutView(text, spans, benchWidth, 600)
				}
			})
		})
	}
	text, spans := benchArticle(200000, "")
	b.Run("rewrap/words=200000", func(b *testing.B) {
		v := laidOutView(text, spans, benchWidth, 600)
		i := 0
		loopCPU(b, func() {
			i++
			v.Resize(fyne.NewSize(benchWidth-float32(i%2)*37, 600))
		})
	})
	b.Run("scroll/words=200000", func(b *testing.B) {
		v := laidOutView(text, spans, benchWidth, 600)
		v.ScrollTo(v.Len() / 2)
		step := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -40)}
		i := 0
		loopCPU(b, func() {
			i++
			if i%2000 == 0 {
				step.Scrolled.DY = -step.Scrolled.DY
			}
			v.Scrolled(step)
		})
	})
	b.Run("spans/words=200000", func(b *testing.B) {
		v := laidOutView(text, spans, benchWidth, 600)
		other := make([]Span, len(spans))
		for i, s := range spans {
			s.Start, s.End = s.Start+1, s.End+1
			other[i] = s
		}
		sets := [][]Span{other, spans}
		i := 0
		loopCPU(b, func() {
			i++
			v.SetSpans(sets[i%2])
		})
	})
}

// richSegments cuts text into one TextSegment per span (coloured; a span
// that overlaps the next one ends where the next starts) and plain
// segments between them: what a Fyne developer would build with RichText.
func richSegments(text string, spans []Span) []widget.RichTextSegment {
	runes := []rune(text)
	var segs []widget.RichTextSegment
	at := 0
	for i, s := range spans {
		end := s.End
		if i+1 < len(spans) {
			end = min(end, spans[i+1].Start)
		}
		if s.Start > at {
			segs = append(segs, &widget.TextSegment{Text: string(runes[at:s.Start]), Style: widget.RichTextStyleInline})
		}
		style := widget.RichTextStyleInline
		style.ColorName = theme.ColorNamePrimary
		segs = append(segs, &widget.TextSegment{Text: string(runes[s.Start:end]), Style: style})
		at = end
	}
	return append(segs, &widget.TextSegment{Text: string(runes[at:]), Style: widget.RichTextStyleInline})
}

// richLayout lays out a word-wrapped RichText of segs at the benchmark width.
func richLayout(segs []widget.RichTextSegment) *widget.RichText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	rt.Resize(fyne.NewSize(benchWidth, 600))
	return rt
}

func BenchmarkRichText(b *testing.B) {
	test.NewTempApp(b)
	segs := richSegments(benchArticle(50000, ""))
	richLayout(segs) // measure the words once, as for ArticleView
	b.Run("layout/words=50000", func(b *testing.B) {
		loopCPU(b, func() {
			if len(test.WidgetRenderer(richLayout(segs)).Objects()) == 0 {
				b.Fatal("nothing drawn")
			}
		})
	})
	b.Run("layout-cold/words=50000", func(b *testing.B) {
		runPrepared(b, func() func() {
			segs := richSegments(benchArticle(50000, freshSalt())) // words never measured
			return func() { richLayout(segs) }
		})
	})
}
