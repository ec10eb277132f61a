package ui

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// multiplied returns n articles made by copying the embedded seeds with
// new ids and outlets.
func multiplied(n int) *corpus.Corpus {
	seeds := corpus.Default()
	c := &corpus.Corpus{Name: fmt.Sprintf("%d copies of the seeds", n)}
	for i := 0; i < n; i++ {
		a := *seeds.Articles[i%len(seeds.Articles)]
		a.ID = fmt.Sprintf("%s-%02d", a.ID, i)
		a.Outlet = fmt.Sprintf("%s %d", a.DisplayOutlet(), i/len(seeds.Articles))
		a.OutletInfo = nil
		c.Articles = append(c.Articles, &a)
	}
	return c
}

func benchModel(b *testing.B, c *corpus.Corpus, w, h int) Model {
	b.Helper()
	a, err := runPipeline(context.Background(), c, pipelineOptions(Options{}, nil))
	if err != nil {
		b.Fatal(err)
	}
	m := newTestModel(b, c, a, w, h)
	_ = m.View()
	return m
}

// benchKeys is a reading session: cursor moves, fact jumps, column
// switches, half pages, top and bottom.
var benchKeys = []string{"j", "j", "]", "l", "k", "]", "[", "tab", "ctrl+d", "j", "o", "G", "shift+tab", "ctrl+u", "h", "g", "j", "L", "j", "]", "H"}

// BenchmarkKeypress measures one key through Update plus the View that
// follows it, at 200x50.
func BenchmarkKeypress(b *testing.B) {
	for _, tc := range []struct {
		name string
		c    func() *corpus.Corpus
	}{
		{"embedded", corpus.Default},
		{"50articles", func() *corpus.Corpus { return multiplied(50) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m := benchModel(b, tc.c(), 200, 50)
			msgs := make([]tea.Msg, len(benchKeys))
			for i, k := range benchKeys {
				msgs[i] = keyMsg(k)
			}
			took := make([]time.Duration, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				nm, _ := m.Update(msgs[i%len(msgs)])
				m = *nm.(*Model)
				_ = m.View()
				took[i] = time.Since(start)
			}
			reportTail(b, took)
		})
	}
}

// BenchmarkResize measures a resize that re-flows every visible column,
// plus the View after it.
func BenchmarkResize(b *testing.B) {
	for _, tc := range []struct {
		name string
		c    func() *corpus.Corpus
	}{
		{"embedded", corpus.Default},
		{"50articles", func() *corpus.Corpus { return multiplied(50) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m := benchModel(b, tc.c(), 200, 50)
			sizes := []tea.WindowSizeMsg{{Width: 200, Height: 50}, {Width: 187, Height: 48}, {Width: 160, Height: 45}}
			took := make([]time.Duration, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				nm, _ := m.Update(sizes[i%len(sizes)])
				m = *nm.(*Model)
				_ = m.View()
				took[i] = time.Since(start)
			}
			reportTail(b, took)
		})
	}
}

// reportTail reports the 99th percentile and the slowest op in ms: on a
// shared machine the slowest is mostly scheduler and GC noise.
func reportTail(b *testing.B, took []time.Duration) {
	b.StopTimer()
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
	b.ReportMetric(ms(took[len(took)-1]), "max-ms")
}
