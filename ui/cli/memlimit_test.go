package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

func TestAfterGCRunsAfterEachCollectionUntilStopped(t *testing.T) {
	var n atomic.Int32
	afterGC(func() bool { return n.Add(1) < 3 })
	for i := 0; i < 20 && n.Load() < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if got := n.Load(); got != 3 {
		t.Fatalf("called %d times after collections, want 3 (then stopped)", got)
	}
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := n.Load(); got != 3 {
		t.Fatalf("called %d times after it asked to stop, want 3", got)
	}
}

func TestBatchMemoryLimitIsRestored(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	if old != math.MaxInt64 {
		t.Skip("a memory limit is already set")
	}
	env := &Env{Getenv: func(string) string { return "" }}
	c := &corpus.Corpus{Articles: []*corpus.Article{{Text: "a short text"}}}
	restore := batchMemoryLimit(env, c, factsLimitPerTextByte)
	if got := debug.SetMemoryLimit(-1); got != minBatchLimit {
		t.Errorf("limit %d, want the least, %d", got, minBatchLimit)
	}
	runtime.GC() // the limit follows the live heap, far under the least here
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != minBatchLimit {
		t.Errorf("limit after a collection %d, want %d", got, minBatchLimit)
	}
	restore()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after restore %d, want none", got)
	}
	env = &Env{Getenv: func(k string) string { return map[string]string{"GOGC": "50"}[k] }}
	batchMemoryLimit(env, c, factsLimitPerTextByte)()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit with GOGC set %d, want none", got)
	}
}
