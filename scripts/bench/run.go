package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"
)

// measure is one run of the binary as a user runs it.
type measure struct {
	wall, cpu time.Duration // cpu: user + sys of the process and its children
	rssMB     float64       // peak resident set size
	outBytes  int64         // bytes written to standard output
	outSum    string        // their SHA-256, to check two binaries print the same
}

// countWriter counts and hashes what the binary prints and drops it, like
// > /dev/null (but through a pipe, as when a script reads the output).
type countWriter struct {
	n int64
	h hash.Hash
}

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return w.h.Write(p)
}

// runOnce runs bin with args in env and measures it with wait4's rusage.
func runOnce(bin string, env []string, args ...string) (measure, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	out := &countWriter{h: sha256.New()}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return measure{}, fmt.Errorf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, lastLines(stderr.String(), 5))
	}
	m := measure{wall: time.Since(start), outBytes: out.n, outSum: hex.EncodeToString(out.h.Sum(nil))}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.rssMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return m, nil
}

// runMany runs a command n times and summarises: median wall and CPU, the
// fastest and slowest wall, the largest peak RSS.
type summary struct {
	runs                   int
	wall, wallMin, wallMax time.Duration
	cpu                    time.Duration
	rssMB                  float64
	outBytes               int64
	outSum                 string
}

func runMany(n int, bin string, env []string, args ...string) (summary, error) {
	var ms []measure
	for i := 0; i < n; i++ {
		m, err := runOnce(bin, env, args...)
		if err != nil {
			return summary{}, err
		}
		ms = append(ms, m)
	}
	return summarise(ms), nil
}

func summarise(ms []measure) summary {
	s := summary{runs: len(ms)}
	walls := make([]time.Duration, len(ms))
	cpus := make([]time.Duration, len(ms))
	for i, m := range ms {
		walls[i], cpus[i] = m.wall, m.cpu
		s.rssMB = max(s.rssMB, m.rssMB)
		s.outBytes, s.outSum = m.outBytes, m.outSum
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	sort.Slice(cpus, func(i, j int) bool { return cpus[i] < cpus[j] })
	s.wall, s.wallMin, s.wallMax = walls[len(walls)/2], walls[0], walls[len(walls)-1]
	s.cpu = cpus[len(cpus)/2]
	return s
}

// benchEnv is the environment the binary runs in: a fresh home, config
// and data folder, so no user lexicon, outlet table or notes file of the
// person running the script changes the figures.
func benchEnv(home string) ([]string, error) {
	for _, d := range []string{"config", "data", "cache", "state"} {
		if err := os.MkdirAll(home+"/"+d, 0o755); err != nil {
			return nil, err
		}
	}
	env := []string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + home + "/config",
		"XDG_DATA_HOME=" + home + "/data",
		"XDG_CACHE_HOME=" + home + "/cache",
		"XDG_STATE_HOME=" + home + "/state",
		"PATH=" + os.Getenv("PATH"),
		"LANG=C.UTF-8",
	}
	if v := os.Getenv("GOMAXPROCS"); v != "" {
		env = append(env, "GOMAXPROCS="+v)
	}
	return env, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func secs(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%.3f", d.Seconds())
	case d < 100*time.Second:
		return fmt.Sprintf("%.2f", d.Seconds())
	}
	return fmt.Sprintf("%.0f", d.Seconds())
}
