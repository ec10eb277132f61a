// Command bench times the parallax binary end to end, as a user runs it:
// it builds the binary (or takes one with -bin), generates corpora of
// 1,000 and 10,000 articles (and 100,000 on request) — stories of 10
// articles from 40 outlets, about 4.6 KB of Markdown each, the same bytes
// on every run — and runs `list --json`, `facts --json` and
// `framing --json` on each, then `facts` on the embedded corpus and the
// reader's first frame (in tmux). It prints a Markdown table of wall
// time, CPU time (user + sys) and peak RSS, from wait4's rusage.
//
//	go run ./scripts/bench                       # 1,000 and 10,000 articles
//	go run ./scripts/bench -sizes 1000,10000,100000
//	go run ./scripts/bench -bin /tmp/parallax-old -label before
//	go run ./scripts/bench -stages               # + in-process split: load, compare, frame
//	go run ./scripts/bench -profile facts.pprof -sizes 10000 -commands facts
//	go run ./scripts/bench -heapprofile heap.pprof -sizes 10000 -commands facts -runs 1 -reader=false
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	bin := flag.String("bin", "", "binary to time (default: build this repository's into a temporary folder)")
	sizes := flag.String("sizes", "1000,10000", "corpus sizes in articles, comma-separated (\"\": the embedded corpus only)")
	commands := flag.String("commands", "list,facts,framing", "commands to run with --json on each corpus")
	runs := flag.Int("runs", 3, "runs per measurement (the median is shown); corpora of 100,000 articles or more run once")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "parallax-bench"), "folder for the generated corpora (kept between runs)")
	label := flag.String("label", "", "label for the table's heading (a commit, \"before\")")
	reader := flag.Bool("reader", true, "time the reader's first frame on the embedded corpus (needs tmux)")
	withStages := flag.Bool("stages", false, "also time load, compare.Analyze and frame.Analyze in this process, per corpus")
	profile := flag.String("profile", "", "write a CPU profile of the first size's first command, run in this process, to this `FILE`")
	heapProfile := flag.String("heapprofile", "", "write a heap profile at the largest live heap of the first size's first command, run in this process, to this `FILE`")
	out := flag.String("o", "", "also write the table to this `FILE`")
	check := flag.String("check", "", "also run this other `BINARY` once per command and say whether its output is byte-identical")
	flag.Parse()

	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fail("-sizes: %q is not a number of articles", s)
		}
		ns = append(ns, n)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fail("%v", err)
	}
	tmp, err := os.MkdirTemp("", "parallax-bench-run-")
	if err != nil {
		fail("%v", err)
	}
	cleanup = func() { os.RemoveAll(tmp) }
	defer cleanup()
	if *bin == "" {
		*bin = filepath.Join(tmp, "parallax")
		fmt.Fprintln(os.Stderr, "building", *bin)
		build := exec.Command("go", "build", "-o", *bin, ".")
		build.Dir = repoRoot()
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fail("build: %v", err)
		}
	}
	env, err := benchEnv(filepath.Join(tmp, "home"))
	if err != nil {
		fail("%v", err)
	}

	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fail("%v", err)
		}
		defer f.Close()
		w = io.MultiWriter(os.Stdout, f)
	}
	if *label != "" {
		fmt.Fprintf(w, "### %s\n\n", *label)
	}
	fmt.Fprintf(w, "Machine: %s; %s; load average at start %s.\n\n", machine(), runtime.Version(), loadAverage())
	fmt.Fprintln(w, "| corpus | command | wall s (median) | wall s (min–max) | CPU s (user+sys) | peak RSS MB | output MB |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|")
	var checks []string
	checkSame := func(corpus string, s summary, args ...string) {
		if *check == "" {
			return
		}
		m, err := runOnce(*check, env, args...)
		if err != nil {
			fail("%v", err)
		}
		same := "byte-identical"
		if m.outSum != s.outSum {
			same = fmt.Sprintf("DIFFERENT (%d bytes against %d)", s.outBytes, m.outBytes)
		}
		checks = append(checks, fmt.Sprintf("- %s, `%s`: %s", corpus, strings.Join(args[:len(args)-1], " "), same))
	}
	row := func(corpus, command string, s summary) {
		fmt.Fprintf(w, "| %s | %s | %s | %s–%s | %s | %.0f | %.1f |\n", corpus, command, secs(s.wall), secs(s.wallMin), secs(s.wallMax),
			secs(s.cpu), s.rssMB, float64(s.outBytes)/(1<<20))
	}
	for _, n := range ns {
		cdir := filepath.Join(*dir, fmt.Sprintf("n%d", n))
		fmt.Fprintf(os.Stderr, "generating %d articles in %s\n", n, cdir)
		size, err := generate(cdir, n)
		if err != nil {
			fail("generate: %v", err)
		}
		name := fmt.Sprintf("%s articles (%.0f MB)", thousands(n), float64(size)/1e6)
		r := *runs
		if n >= 100000 {
			r = 1
		}
		for _, c := range strings.Split(*commands, ",") {
			c = strings.TrimSpace(c)
			fmt.Fprintf(os.Stderr, "%s: %s --json ×%d\n", name, c, r)
			s, err := runMany(r, *bin, env, c, "--json", cdir)
			if err != nil {
				fail("%v", err)
			}
			row(name, c+" --json", s)
			checkSame(name, s, c, "--json", cdir)
		}
	}
	fmt.Fprintln(os.Stderr, "embedded corpus: facts, list")
	for _, c := range []string{"facts", "list"} {
		s, err := runMany(max(*runs, 5), *bin, env, c)
		if err != nil {
			fail("%v", err)
		}
		row("embedded (5 articles)", c, s)
	}
	if *reader {
		if _, err := exec.LookPath("tmux"); err != nil {
			fmt.Fprintln(w, "\n(reader not timed: tmux is not installed)")
		} else {
			fmt.Fprintln(os.Stderr, "embedded corpus: the reader's first frame")
			t, err := readerMany(max(*runs, 5), []string{*bin}, env, tmp)
			if err != nil {
				fail("reader: %v", err)
			}
			base, err := readerMany(max(*runs, 5), harnessArgv, env, tmp)
			if err != nil {
				fail("tmux harness: %v", err)
			}
			fmt.Fprintf(w, "| embedded (5 articles) | reader, first frame (tmux 200x50) | %s | | | | |\n", secs(t.first))
			fmt.Fprintf(w, "| embedded (5 articles) | reader, analysed frame (\"N facts\" shown) | %s | | | | |\n", secs(t.ready))
			fmt.Fprintf(w, "| (tmux harness) | a shell printing one line, the same way | %s | | | | |\n", secs(base.ready))
		}
	}
	fmt.Fprintf(w, "\nLoad average at end %s.\n", loadAverage())
	if len(checks) > 0 {
		fmt.Fprintf(w, "\nOutput against %s:\n\n%s\n", *check, strings.Join(checks, "\n"))
	}
	if *withStages {
		fmt.Fprintln(w, "\nIn process, per stage (wall and CPU of each step; live heap after it):")
		fmt.Fprintln(w, "\n| corpus | stage | wall s | CPU s | live heap MB |")
		fmt.Fprintln(w, "|---|---|---:|---:|---:|")
		for _, n := range ns {
			st, err := stages(filepath.Join(*dir, fmt.Sprintf("n%d", n)))
			if err != nil {
				fail("%v", err)
			}
			for _, s := range st {
				fmt.Fprintf(w, "| %s | %s | %s | %s | %.0f |\n", thousands(n), s.name, secs(s.wall), secs(s.cpu), s.heapMB)
			}
		}
	}
	if *profile != "" && len(ns) > 0 {
		c := strings.TrimSpace(strings.Split(*commands, ",")[0])
		if err := profileRun(*profile, []string{c, "--json", filepath.Join(*dir, fmt.Sprintf("n%d", ns[0]))}); err != nil {
			fail("profile: %v", err)
		}
		fmt.Fprintf(os.Stderr, "CPU profile in %s: go tool pprof -top %s\n", *profile, *profile)
	}
	if *heapProfile != "" && len(ns) > 0 {
		c := strings.TrimSpace(strings.Split(*commands, ",")[0])
		if err := heapProfileRun(*heapProfile, []string{c, "--json", filepath.Join(*dir, fmt.Sprintf("n%d", ns[0]))}); err != nil {
			fail("heap profile: %v", err)
		}
		fmt.Fprintf(os.Stderr, "heap profile in %s: go tool pprof -sample_index=inuse_space -top %s\n", *heapProfile, *heapProfile)
	}
}

// repoRoot is the folder of this module's go.mod.
func repoRoot() string {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		fail("cannot find the repository (go env GOMOD): run from inside it")
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// machine names the CPU and how many cores this process may use.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%d cores (%s), %s/%s", runtime.NumCPU(), model, runtime.GOOS, runtime.GOARCH)
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cleanup removes the run's temporary folder, also when it fails.
var cleanup = func() {}

func fail(format string, a ...any) {
	cleanup()
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", a...)
	os.Exit(1)
}
