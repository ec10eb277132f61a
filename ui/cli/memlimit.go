package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
)

// The shared-facts analysis of a large corpus holds about four times the
// corpus's text live at its peak (10,000 generated articles, 44 MB of
// text: 175 MB), and Go's collector, left to its default, lets the heap
// grow to twice the live heap before it collects: 360–370 MB of resident
// memory at 10,000 articles. A batch command that runs the analysis once
// and exits sets a soft memory limit in proportion to the text instead, so
// that the collector runs more often only near the peak (docs/speed.md,
// sessions 10 and 11). Real news holds more for its text (ECB+: about ten
// times), and a limit under the live heap would have the collector run
// nearly all the time: the limit follows the live heap, with room.
const (
	// factsLimitPerTextByte is the soft limit per byte of article text
	// for the commands that link the corpus's sentences (facts): a little
	// more than the generated corpora hold live at their peak (3.5–3.8
	// times; 6 until session 11's second round, when it set 100,000
	// articles' resident memory: 2.5 GB); the limit follows the live heap
	// above it.
	factsLimitPerTextByte = 4.0
	// minBatchLimit is the least limit set: a small corpus never meets it.
	minBatchLimit = 256 << 20
	// liveRoom is the least limit after a collection, as a multiple of
	// the live heap it found: at worst the collector runs every quarter
	// of the live heap allocated, as with GOGC=25.
	liveRoom = 1.25
)

// batchMemoryLimit sets a soft memory limit of perTextByte times the
// corpus's text (at least minBatchLimit) for the rest of a command, unless
// the user tuned the collector (GOGC or GOMEMLIMIT) or a limit is already
// set; after each collection the limit is raised to liveRoom times the
// live heap when that is more, and is never lowered. It returns the function that restores the
// previous limit.
func batchMemoryLimit(env *Env, c *corpus.Corpus, perTextByte float64) (restore func()) {
	if env.Getenv("GOGC") != "" || env.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(-1)
	if old != math.MaxInt64 {
		return func() {}
	}
	text := 0
	for _, a := range c.Articles {
		text += len(a.Text)
	}
	base := max(int64(perTextByte*float64(text)), minBatchLimit)
	debug.SetMemoryLimit(base)
	var mu sync.Mutex
	done := false
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	afterGC(func() bool {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return false
		}
		metrics.Read(live)
		// The limit never falls: once the heap has grown to it, the
		// process's resident peak is that high already, and a limit
		// lowered behind a falling live heap (the units go as threads are
		// linked) only has the collector run more often.
		base = max(base, int64(liveRoom*float64(live[0].Value.Uint64())))
		debug.SetMemoryLimit(base)
		return true
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetMemoryLimit(old)
	}
}

// gcSentinel is an object made only to be collected; it is too large
// for the allocator to pack with others, which would keep it alive.
type gcSentinel struct{ _ [64]byte }

// afterGC calls f after each garbage collection, on a goroutine of the
// runtime's, for as long as f returns true.
func afterGC(f func() bool) {
	runtime.AddCleanup(new(gcSentinel), func(f func() bool) {
		if f() {
			afterGC(f)
		}
	}, f)
}
