package library

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// The benchmarks work on a library of generated articles (invented words
// drawn with a Zipf law, numbers, five outlets), 50,000 by default
// (PARALLAX_BENCH_ARTICLES overrides), built once with direct inserts and
// kept in the temporary folder between runs.

func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 50000
}

// baseLibrary returns the path of a copy of the generated library of n
// articles, first seen over the last year.
func baseLibrary(b *testing.B, n int) string {
	b.Helper()
	cached := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-library-bench-%d-v%d.db", n, SchemaVersion))
	if _, err := os.Stat(cached); err != nil {
		start := time.Now()
		tmp := cached + ".tmp"
		os.Remove(tmp)
		l, err := Open(tmp, Options{Outlets: corpus.ShippedOutlets()})
		if err != nil {
			b.Fatal(err)
		}
		if err := FillGenerated(l, n); err != nil {
			b.Fatal(err)
		}
		l.Close()
		if err := os.Rename(tmp, cached); err != nil {
			b.Fatal(err)
		}
		b.Logf("built a library of %d generated articles in %v", n, time.Since(start).Round(time.Second))
	}
	dst := filepath.Join(b.TempDir(), "lib.db")
	in, err := os.Open(cached)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	out.Close()
	return dst
}

// writePages writes n generated article pages, as saved from the seed
// outlets' sites (their extraction rules apply), into a folder.
// PARALLAX_BENCH_PAGES names a folder to write them to and keep, to time
// the real binary on them ('parallax add DIR').
func writePages(b *testing.B, n int) string {
	dir := os.Getenv("PARALLAX_BENCH_PAGES")
	if dir == "" {
		dir = b.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	g := newGenerator(2)
	var own []string
	for i := range n {
		if i%6 == 0 {
			own = g.storyWords()
		}
		o := benchOutlets[i%len(benchOutlets)]
		title, paras := g.article(own)
		var sb strings.Builder
		fmt.Fprintf(&sb, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title><link rel="canonical" href="https://%s/new/%d">
<meta property="article:published_time" content="%s"></head><body><nav><a>Home</a> <a>World</a></nav>
<div class="text-content article__body story detay-icerik article-body"><h1>%s</h1>`, title, o.domain, i, time.Now().Format(time.RFC3339), title)
		for k, p := range paras {
			fmt.Fprintf(&sb, "<p>%s</p>\n", p)
			if k == 3 {
				sb.WriteString(`<div class="banner ads reklam adSlot">Advertisement</div>`)
			}
		}
		sb.WriteString(`</div><div class="share-block">Share Telegram</div><footer>All rights reserved</footer></body></html>`)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%04d.html", i)), []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkAdd1000 adds 1,000 saved pages to a library of 50,000 articles,
// as 'parallax add DIR' does: open, extract, load, store, index, and assign
// stories (rebuilding the grouper from the recent window first).
func BenchmarkAdd1000(b *testing.B) {
	base := baseLibrary(b, benchSize())
	pages := writePages(b, 1000)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "lib.db")
		copyFile(b, base, path)
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		l, err := Open(path, Options{Outlets: corpus.ShippedOutlets()})
		if err != nil {
			b.Fatal(err)
		}
		res, err := l.AddFiles(ctx, []string{pages})
		if err != nil {
			b.Fatal(err)
		}
		total, cpu := time.Since(start), cpuTime()-cpu0
		b.StopTimer()
		for _, r := range res {
			if r.Outcome != OutcomeNew {
				b.Fatalf("%s: %s %s", r.Input, r.Outcome, r.Reason)
			}
		}
		b.ReportMetric(total.Seconds(), "s/1000-articles")
		b.ReportMetric(cpu.Seconds(), "cpu-s/1000-articles")
		b.ReportMetric(l.StoryBuildTime().Seconds(), "s-grouper-rebuild")
		l.Close()
		b.StartTimer()
	}
}

func copyFile(b *testing.B, src, dst string) {
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStoryAssignment times assigning stories to 1,000 new articles
// one at a time (as they arrive from feeds) in a library of 50,000: the
// grouper's rebuild from the window is reported apart.
func BenchmarkStoryAssignment(b *testing.B) {
	base := baseLibrary(b, benchSize())
	ctx := context.Background()
	g := newGenerator(3)
	var files []corpus.File
	var own []string
	for i := range 1000 {
		if i%6 == 0 {
			own = g.storyWords()
		}
		title, paras := g.article(own)
		files = append(files, articleFile(fmt.Sprintf("new-%04d", i), title, "TASS", formatTime(time.Now()), "", "", "", title+"\n\n"+strings.Join(paras, "\n\n")+"\n"))
	}
	loaded, _, err := corpus.LoadEach(ctx, corpus.Options{Outlets: corpus.ShippedOutlets()}, files)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		l, err := Open(base, Options{Outlets: corpus.ShippedOutlets()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		if err := l.assignStories(ctx, nil); err != nil { // the rebuild
			b.Fatal(err)
		}
		rebuild, rebuildCPU := time.Since(start), cpuTime()-cpu0
		var each []time.Duration
		for _, as := range loaded {
			t0 := time.Now()
			if err := l.assignStories(ctx, as); err != nil {
				b.Fatal(err)
			}
			each = append(each, time.Since(t0))
		}
		cpu := cpuTime() - cpu0 - rebuildCPU
		b.StopTimer()
		slices.Sort(each)
		var sum time.Duration
		for _, d := range each {
			sum += d
		}
		b.ReportMetric(rebuild.Seconds(), "s-rebuild")
		b.ReportMetric(float64(sum.Microseconds())/1000/float64(len(each)), "ms/article")
		b.ReportMetric(float64(each[len(each)*95/100].Microseconds())/1000, "p95-ms/article")
		b.ReportMetric(cpu.Seconds()*1000/float64(len(each)), "cpu-ms/article")
		l.Close()
		b.StartTimer()
	}
}

// BenchmarkSearch runs 500 searches of one or two words of middling
// frequency on a library of 50,000 and reports the median and the 95th
// percentile.
func BenchmarkSearch(b *testing.B) {
	base := baseLibrary(b, benchSize())
	l, err := Open(base, Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	g := newGenerator(1)
	for b.Loop() {
		var times []time.Duration
		found := 0
		for i := range 500 {
			q := g.vocab[g.rng.IntN(3000)]
			if i%2 == 1 {
				q += " " + g.vocab[g.rng.IntN(300)]
			}
			t0 := time.Now()
			hits, err := l.Search(ctx, q, 50)
			if err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
			found += len(hits)
		}
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(found)/500, "hits/query")
	}
}
