package compare

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

// syntheticCorpus builds n articles from the seed sentences: stories of
// about 20 articles each, every story with its own vocabulary (85% of
// the seed words replaced by story-specific invented words), each article
// drawing 15 of its story's sentences from 40 outlets, with per-article
// perturbations (dropped words, changed numbers).
func syntheticCorpus(n int, seed uint64) *corpus.Corpus {
	rng := rand.New(rand.NewPCG(seed, 7))
	var pool []string
	for _, a := range corpus.Default().Articles {
		for _, s := range a.Sentences {
			if s.Role == corpus.RoleBody && len(s.Text) > 40 {
				pool = append(pool, s.Text)
			}
		}
	}
	syll := []string{"ka", "lo", "mir", "tsu", "ven", "dra", "pol", "ik", "sha", "nor", "bel", "uz", "ran", "te", "gor", "vi"}
	word := func(r *rand.Rand) string {
		k := 2 + r.IntN(2)
		var b strings.Builder
		for i := 0; i < k; i++ {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		return b.String()
	}
	const perStory, perArticle, outlets = 20, 15, 40
	stories := (n + perStory - 1) / perStory
	c := &corpus.Corpus{Name: fmt.Sprintf("synthetic %d", n)}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for s := 0; s < stories; s++ {
		// The story's vocabulary: most longer words are replaced.
		vocab := map[string]string{}
		var sents []string
		for i := 0; i < 40; i++ {
			src := pool[rng.IntN(len(pool))]
			ws := strings.Fields(src)
			for k, w := range ws {
				core := strings.Trim(w, ".,\"“”()")
				if len(core) < 4 {
					continue
				}
				key := strings.ToLower(core)
				rep, ok := vocab[key]
				if !ok {
					rep = core
					if rng.Float64() < 0.85 {
						rep = word(rng)
						if core[0] >= 'A' && core[0] <= 'Z' {
							rep = strings.ToUpper(rep[:1]) + rep[1:]
						}
					}
					vocab[key] = rep
				}
				ws[k] = strings.Replace(w, core, rep, 1)
			}
			sents = append(sents, strings.Join(ws, " "))
		}
		day := base.AddDate(0, 0, s*3)
		for a := 0; a < perStory && len(c.Articles) < n; a++ {
			outlet := fmt.Sprintf("Outlet %02d", rng.IntN(outlets))
			pub := day.AddDate(0, 0, rng.IntN(3))
			var texts []string
			for k := 0; k < perArticle; k++ {
				ws := strings.Fields(sents[rng.IntN(len(sents))])
				// Perturb: drop a word, change a number.
				if len(ws) > 6 && rng.Float64() < 0.5 {
					i := rng.IntN(len(ws))
					ws = append(ws[:i], ws[i+1:]...)
				}
				for i, w := range ws {
					if strings.ContainsAny(w, "0123456789") && rng.Float64() < 0.2 {
						ws[i] = fmt.Sprint(rng.IntN(900) + 100)
					}
				}
				text := strings.Join(ws, " ")
				if !strings.HasSuffix(text, ".") {
					text += "."
				}
				texts = append(texts, text)
			}
			art := corpustest.Paragraph(fmt.Sprintf("s%04d-a%02d", s, a), outlet, texts...)
			art.Published = &pub
			c.Articles = append(c.Articles, art)
		}
	}
	return c
}

func benchmarkAnalyze(b *testing.B, n int) {
	c := syntheticCorpus(n, 1)
	if _, err := defaultLexicon(); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	base := heapBytes()
	b.ResetTimer()
	b.ReportAllocs()
	var res *Result
	peak := uint64(0)
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		stop := make(chan struct{})
		done := make(chan uint64)
		go func() { // sample the live heap while Analyze runs
			p := uint64(0)
			t := time.NewTicker(5 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					done <- p
					return
				case <-t.C:
					p = max(p, heapBytes())
				}
			}
		}()
		var err error
		res, err = Analyze(context.Background(), c, Options{})
		close(stop)
		peak = max(peak, <-done)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if cpu := cpuTime() - cpu0; cpu > 0 {
		// CPU time is what the analysis costs whatever else the machine runs.
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.ReportMetric(float64(len(res.Stories)), "stories")
	b.ReportMetric(float64(len(res.Facts)), "facts")
	if peak > base {
		b.ReportMetric(float64(peak-base)/(1<<20), "peak-heap-MB")
	}
}

// heapBytes is the heap memory in use by objects, live or not yet swept.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// BenchmarkAnalyze1000 runs the whole analysis on 1,000 synthetic articles.
func BenchmarkAnalyze1000(b *testing.B) { benchmarkAnalyze(b, 1000) }

// BenchmarkAnalyze10000 runs the whole analysis on 10,000 synthetic articles.
func BenchmarkAnalyze10000(b *testing.B) { benchmarkAnalyze(b, 10000) }

// TestSyntheticStories checks that the synthetic corpus used by the
// benchmarks splits into roughly its stories, so the benchmark measures
// the real work.
func TestSyntheticStories(t *testing.T) {
	c := syntheticCorpus(200, 3)
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Stories) < 8 || len(r.Stories) > 14 {
		t.Errorf("200 synthetic articles in 10 stories grouped into %d stories", len(r.Stories))
	}
	for _, st := range r.Stories {
		prefix := st.Articles[0][:5]
		for _, a := range st.Articles {
			if !strings.HasPrefix(a, prefix) {
				t.Errorf("story %s mixes %s and %s", st.ID, st.Articles[0], a)
				break
			}
		}
	}
	if len(r.Facts) == 0 {
		t.Error("no facts in the synthetic corpus")
	}
}

// TestCallgrindHarness runs one Analyze of the 1,000-article synthetic
// corpus for counting instructions under valgrind (see README, "Speed and
// memory"): with PARALLAX_CALLGRIND=setup it only builds the corpus and
// warms up (compiled patterns, the lexicon), with =analyze it also
// analyses; the difference of the two counts is the analysis. Skipped
// otherwise.
func TestCallgrindHarness(t *testing.T) {
	mode := os.Getenv("PARALLAX_CALLGRIND")
	if mode == "" {
		t.Skip("set PARALLAX_CALLGRIND=setup or =analyze to run under valgrind")
	}
	c := syntheticCorpus(1000, 1)
	if _, err := Analyze(context.Background(), corpus.Default(), Options{}); err != nil {
		t.Fatal(err)
	}
	if mode == "analyze" {
		if _, err := Analyze(context.Background(), c, Options{}); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkGroupStories10000 times grouping 10,000 synthetic articles into
// threads and stories alone (the sentences are analysed once, outside the
// timer), to set beside BenchmarkAnalyze10000.
func BenchmarkGroupStories10000(b *testing.B) { benchmarkGroupStories(b, 10000) }

// BenchmarkGroupStories2000 is BenchmarkGroupStories10000 on 2,000.
func BenchmarkGroupStories2000(b *testing.B) { benchmarkGroupStories(b, 2000) }

func benchmarkGroupStories(b *testing.B, n int) {
	c := syntheticCorpus(n, 1)
	lx, err := defaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	x := newAnalysis(c, Options{}.withDefaults(), lx)
	if err := x.analyzeSentences(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	var g eventGroups
	for i := 0; i < b.N; i++ {
		g = x.groupStories(context.Background())
	}
	b.StopTimer()
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.ReportMetric(float64(len(g.stories)), "stories")
	b.ReportMetric(float64(len(g.threads)), "threads")
}

// BenchmarkGrouperAdd times adding one article to a Grouper that already
// holds 5,000 synthetic articles (the library assigns stories this way).
func BenchmarkGrouperAdd(b *testing.B) {
	c := syntheticCorpus(5000+b.N, 1)
	g, err := NewGrouper(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range c.Articles[:5000] {
		if err := g.Add(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := g.Add(c.Articles[5000+i]); err != nil {
			b.Fatal(err)
		}
	}
}
