package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"
)

// readerTimes is how long the reader took, from the moment its process
// was started, to draw its first frame (anything on the screen) and the
// frame that shows the corpus analysed (the status line's "N facts").
type readerTimes struct {
	first, ready time.Duration
}

// readyRE is the reader's header once the analysis is in: "… · 23 facts".
var readyRE = regexp.MustCompile(`\d+ facts`)

// measureReader runs the reader on the embedded corpus in a tmux pane of
// 200x50 and polls the pane (every millisecond) until its first frame and
// its analysed frame appear. tmux answers the terminal queries the reader
// makes at start-up (the background colour) as a terminal would.
//
// The clock starts when the pane's shell is released to exec the binary:
// the pane first waits on a FIFO, so tmux's own start-up is not counted.
// The figures include the harness's own delay (a process started in the
// pane, tmux drawing, a capture every millisecond): the bench reports it,
// measured with a shell that prints at once (harnessArgv).
func measureReader(argv []string, env []string, dir string) (readerTimes, error) {
	readerRuns++ // a socket per run: a server being killed may still hold the last one
	sock := filepath.Join(dir, fmt.Sprintf("tmux%d.sock", readerRuns))
	fifo := filepath.Join(dir, "go.fifo")
	os.Remove(fifo)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		return readerTimes{}, fmt.Errorf("mkfifo: %v", err)
	}
	defer os.Remove(fifo)
	var quoted []string
	for _, e := range append(append([]string(nil), env...), argv...) {
		quoted = append(quoted, shellQuote(e))
	}
	script := fmt.Sprintf("cat %s >/dev/null; exec env -i TERM=\"$TERM\" %s", shellQuote(fifo), strings.Join(quoted, " "))
	tmux := func(args ...string) *exec.Cmd {
		return exec.Command("tmux", append([]string{"-S", sock, "-f", "/dev/null"}, args...)...)
	}
	if out, err := tmux("new-session", "-d", "-x", "200", "-y", "50", "sh", "-c", script).CombinedOutput(); err != nil {
		return readerTimes{}, fmt.Errorf("tmux: %v: %s", err, out)
	}
	defer tmux("kill-server").Run()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // blocks until the pane's cat opens it
	if err != nil {
		return readerTimes{}, err
	}
	start := time.Now()
	w.Close()
	var t readerTimes
	deadline := start.Add(30 * time.Second)
	for time.Now().Before(deadline) {
		out, err := tmux("capture-pane", "-p").Output()
		if err != nil {
			return t, fmt.Errorf("capture-pane: %v", err)
		}
		now := time.Since(start)
		if t.first == 0 && strings.TrimSpace(string(out)) != "" {
			t.first = now
		}
		if readyRE.Match(out) {
			t.ready = now
			return t, nil
		}
		time.Sleep(time.Millisecond)
	}
	return t, fmt.Errorf("the reader showed no analysed frame within 30 s")
}

var readerRuns int

// harnessArgv is a program that draws "1 facts" at once: what the
// measurement itself costs (starting a process in the pane, tmux drawing,
// polling) is its time.
var harnessArgv = []string{"/bin/sh", "-c", "echo 'ready: 1 facts'; exec sleep 30"}

// readerMany measures argv n times (after one warm-up run, which creates
// the reader's notes file) and returns the medians.
func readerMany(n int, argv []string, env []string, dir string) (readerTimes, error) {
	if _, err := measureReader(argv, env, dir); err != nil {
		return readerTimes{}, err
	}
	var firsts, readies []time.Duration
	for i := 0; i < n; i++ {
		t, err := measureReader(argv, env, dir)
		if err != nil {
			return readerTimes{}, err
		}
		firsts, readies = append(firsts, t.first), append(readies, t.ready)
	}
	med := func(ds []time.Duration) time.Duration {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[len(ds)/2]
	}
	return readerTimes{first: med(firsts), ready: med(readies)}, nil
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
