package cli

import (
	"math"
	"runtime/debug"

	"github.com/parallax-reader/parallax/corpus"
)

// The shared-facts analysis of a large corpus holds four to five times
// the corpus's text live at its peak (10,000 generated articles, 44 MB of
// text: 200 MB; 100,000: 2.2 GB), and Go's collector, left to its
// default, lets the heap grow to twice the live heap before it collects:
// 440–470 MB of resident memory at 10,000 articles. A batch command that runs the analysis once and exits
// sets a soft memory limit in proportion to the text instead, so that the
// collector runs more often only near the peak (docs/speed.md, session 10).
const (
	// factsLimitPerTextByte is the soft limit per byte of article text
	// for the commands that link the corpus's sentences (facts).
	factsLimitPerTextByte = 7.0
	// minBatchLimit is the least limit set: a small corpus never meets it.
	minBatchLimit = 256 << 20
)

// batchMemoryLimit sets a soft memory limit of perTextByte times the
// corpus's text (at least minBatchLimit) for the rest of a command, unless
// the user tuned the collector (GOGC or GOMEMLIMIT) or a limit is already
// set. It returns the function that restores the previous limit.
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
	limit := max(int64(perTextByte*float64(text)), minBatchLimit)
	debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}
