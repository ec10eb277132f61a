package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
	"github.com/parallax-reader/parallax/ui/cli"
)

// stage is one step of the pipeline timed in process.
type stage struct {
	name      string
	wall, cpu time.Duration
	heapMB    float64 // live heap after the step (after a GC)
}

// selfCPU is the CPU time (user + sys) this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func liveHeapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// stages loads dir, then runs the shared-facts and framing analyses, in
// this process, timing each: which part of a command's time is loading,
// which is compare.Analyze and which frame.Analyze.
func stages(dir string) ([]stage, error) {
	var out []stage
	timed := func(name string, f func() error) error {
		w0, c0 := time.Now(), selfCPU()
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, stage{name: name, wall: time.Since(w0), cpu: selfCPU() - c0, heapMB: liveHeapMB()})
		return nil
	}
	var c *corpus.Corpus
	var cmp *compare.Result
	err := timed("load (corpus.LoadWith)", func() (err error) {
		c, err = corpus.LoadWith(context.Background(), corpus.Options{Outlets: corpus.ShippedOutlets()}, dir)
		return err
	})
	if err == nil {
		err = timed("compare.Analyze", func() (err error) {
			cmp, err = compare.Analyze(context.Background(), c, compare.Options{})
			return err
		})
	}
	if err == nil {
		err = timed("frame.Analyze", func() error {
			_, err := frame.Analyze(context.Background(), c, cmp, frame.Options{})
			return err
		})
	}
	return out, err
}

// profileRun runs the program in this process with args, its output
// discarded, under the CPU profiler; `go tool pprof -top FILE` reads it.
func profileRun(file string, args []string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	code := cli.Run(&cli.Env{Stdin: os.Stdin, Stdout: io.Discard, Stderr: os.Stderr}, args)
	pprof.StopCPUProfile()
	if code != 0 {
		return fmt.Errorf("parallax %v: exit code %d", args, code)
	}
	return nil
}
