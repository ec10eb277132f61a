package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"github.com/parallax-reader/parallax/ui/cli"
)

// heapProfileRun runs the program in this process with args, its output
// discarded, and writes a heap profile to file whenever a collection finds
// more live than any before (by 2 %): after one more collection, so that
// the profile holds what is live then and not what the last one's long
// concurrent mark let float. The last written is the peak's; `go tool pprof
// -sample_index=inuse_space -top FILE` reads it.
func heapProfileRun(file string, args []string) error {
	stop, done := make(chan struct{}), make(chan error, 1)
	go func() {
		s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/gc/heap/live:bytes"}}
		var cycle, high uint64
		var err error
		for {
			select {
			case <-stop:
				done <- err
				return
			case <-time.After(10 * time.Millisecond):
			}
			metrics.Read(s)
			if s[0].Value.Uint64() == cycle {
				continue
			}
			cycle = s[0].Value.Uint64()
			if live := s[1].Value.Uint64(); live > high+high/50 {
				high = live
				runtime.GC()
				metrics.Read(s)
				cycle = s[0].Value.Uint64()
				f, e := os.Create(file)
				if e == nil {
					e = pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
				if e != nil && err == nil {
					err = e
				}
				fmt.Fprintf(os.Stderr, "heap profile: %d MB live (%d MB before the extra collection)\n", s[1].Value.Uint64()>>20, live>>20)
			}
		}
	}()
	code := cli.Run(&cli.Env{Stdin: os.Stdin, Stdout: io.Discard, Stderr: os.Stderr, Getenv: os.Getenv}, args)
	close(stop)
	if err := <-done; err != nil {
		return err
	}
	if code != 0 {
		return fmt.Errorf("parallax %v: exit code %d", args, code)
	}
	return nil
}
