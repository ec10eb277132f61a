package notes

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var long = flag.Bool("long", false, "run the crash test many more times")

// helperEnv selects a helper mode when the test binary re-executes itself.
const helperEnv = "PARALLAX_NOTES_TEST_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(runHelper(mode))
	}
	os.Exit(m.Run())
}

// runHelper is the child process: it opens the store named by
// PARALLAX_NOTES_TEST_FILE and tags passages in a loop, printing
// "saved <note id> <tag>" after each Tag call has returned. It stops after
// PARALLAX_NOTES_TEST_COUNT tags (0: never).
func runHelper(mode string) int {
	path := os.Getenv("PARALLAX_NOTES_TEST_FILE")
	worker := os.Getenv("PARALLAX_NOTES_TEST_WORKER")
	count, _ := strconv.Atoi(os.Getenv("PARALLAX_NOTES_TEST_COUNT"))
	var opts []Option
	if c := os.Getenv("PARALLAX_NOTES_TEST_CODER"); c != "" {
		opts = append(opts, WithCoder(c))
	}
	s, err := Open(path, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 3
	}
	a := article("a", strings.Repeat(sampleText+"\n\n", 4))
	seed, _ := strconv.ParseUint(os.Getenv("PARALLAX_NOTES_TEST_SEED"), 10, 64)
	rng := rand.New(rand.NewPCG(seed, uint64(os.Getpid())))
	for i := 0; count == 0 || i < count; i++ {
		// Random passages start after byte 0, so none can land on the
		// shared passage by chance.
		st := 1 + rng.IntN(len(a.Text)-61)
		end := st + 10 + rng.IntN(40)
		tag := fmt.Sprintf("%s-%d", worker, i)
		if (mode == "shared" || mode == "coder") && i%3 == 0 {
			// Both workers tag the same passage: the same note must
			// end up with both workers' tags.
			st, end = 0, 30
		}
		n, err := s.Tag(NewAnchor(a, st, end), []string{tag}, "memo "+tag)
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			return 4
		}
		fmt.Fprintf(os.Stdout, "saved %s %s\n", n.ID, tag)
	}
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 5
	}
	return 0
}

// helperCmd starts the test binary as a helper.
func helperCmd(t *testing.T, mode, path, worker string, count int, seed uint64) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "PARALLAX_NOTES_TEST_FILE="+path,
		"PARALLAX_NOTES_TEST_WORKER="+worker, "PARALLAX_NOTES_TEST_COUNT="+strconv.Itoa(count),
		"PARALLAX_NOTES_TEST_SEED="+strconv.FormatUint(seed, 10))
	return cmd
}

// saved parses the helper's complete "saved" lines into note id → tags.
func saved(out []byte, into map[string][]string) int {
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == "saved" {
			into[f[1]] = append(into[f[1]], f[2])
			n++
		}
	}
	// A last line without its newline was cut by the kill: not reported.
	return n
}

// checkSaved opens the store and asserts every reported tag is on its note
// and in the codebook.
func checkSaved(t *testing.T, path string, want map[string][]string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("store does not reopen cleanly: %v", err)
	}
	defer s.Close()
	ns, err := s.Notes()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string][]string{}
	for _, n := range ns {
		have[n.ID] = n.Tags
	}
	codes := map[string]bool{}
	cs, err := s.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		codes[c.Name] = true
	}
	for id, tags := range want {
		got, ok := have[id]
		if !ok {
			t.Fatalf("note %s reported saved is missing", id)
		}
		for _, tag := range tags {
			if !slices.Contains(got, tag) {
				t.Fatalf("tag %s reported saved on note %s is missing (has %v)", tag, id, got)
			}
			if !codes[tag] {
				t.Fatalf("code %s reported saved is missing from the codebook", tag)
			}
		}
	}
}

// TestCrashSafety kills a child that is tagging in a loop with SIGKILL at
// random moments, then reopens the store and checks that every tag the
// child reported saved is there.
func TestCrashSafety(t *testing.T) {
	rounds := 30
	if os.Getenv("CI") != "" {
		rounds = 200
	}
	if *long {
		rounds = 1000
	}
	if testing.Short() {
		rounds = 10
	}
	dir := t.TempDir()
	var path string
	var want map[string][]string
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	total, early := 0, 0
	start := time.Now()
	for r := range rounds {
		if r%20 == 0 {
			// A new file now and then, so kills also land while the
			// store is being created.
			path = filepath.Join(dir, fmt.Sprintf("crash-%d.db", r/20))
			want = map[string][]string{}
		}
		cmd := helperCmd(t, "loop", path, fmt.Sprintf("r%d", r), 0, uint64(r))
		var errb bytes.Buffer
		cmd.Stderr = &errb
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		first := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			buf := make([]byte, 4096)
			once := false
			for {
				n, err := pipe.Read(buf)
				out.Write(buf[:n])
				if !once && bytes.IndexByte(out.Bytes(), '\n') >= 0 {
					once = true
					close(first)
				}
				if err != nil {
					return
				}
			}
		}()
		// A quarter of the kills land anywhere from the start (mid-open,
		// mid-creation of the file); the rest while the loop is running.
		if r%4 != 0 {
			select {
			case <-first:
			case <-time.After(20 * time.Second):
				t.Fatalf("round %d: child saved nothing in 20 s: %s", r, errb.String())
			}
		}
		time.Sleep(time.Duration(rng.IntN(40_000)) * time.Microsecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-done
		err = cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: child did not die by SIGKILL: %v\n%s", r, err, errb.String())
		}
		n := saved(out.Bytes(), want)
		if n == 0 {
			early++
		}
		total += n
		checkSaved(t, path, want)
	}
	t.Logf("%d kills in %v; %d tags reported saved and found; %d kills before the first tag", rounds, time.Since(start).Round(time.Millisecond), total, early)
	if total == 0 {
		t.Fatal("the child never saved a tag: the test tested nothing")
	}
}

// TestConcurrentProcesses runs four processes tagging the same file at
// once, 400 tags in all, partly on the same passage, and checks nothing is
// lost.
func TestConcurrentProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	const workers, each = 4, 100
	want := map[string][]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := helperCmd(t, "shared", path, fmt.Sprintf("w%d", w), each, uint64(w))
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Run(); err != nil {
				errs <- fmt.Errorf("worker %d: %v: %s", w, err, errb.String())
				return
			}
			mu.Lock()
			n := saved(out.Bytes(), want)
			mu.Unlock()
			if n != each {
				errs <- fmt.Errorf("worker %d reported %d tags, want %d", w, n, each)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	checkSaved(t, path, want)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, _ := s.Codebook()
	if len(cs) != workers*each {
		t.Fatalf("codebook has %d codes, want %d", len(cs), workers*each)
	}
	// The shared passage is one note carrying both workers' tags.
	ns, _ := s.Notes()
	shared := 0
	for _, n := range ns {
		if n.Anchor.Start == 0 && n.Anchor.End == 30 {
			shared++
			if len(n.Tags) != workers*((each+2)/3) {
				t.Errorf("shared note has %d tags, want %d", len(n.Tags), workers*((each+2)/3))
			}
		}
	}
	if shared != 1 {
		t.Fatalf("%d notes on the shared passage, want 1", shared)
	}
}
