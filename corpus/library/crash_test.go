package library

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// helperEnv selects the helper mode when the test binary re-runs itself.
const helperEnv = "PARALLAX_LIBRARY_TEST_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(runHelper())
	}
	os.Exit(m.Run())
}

// runHelper is the child: it follows the feed named by
// PARALLAX_LIBRARY_TEST_FEED in the library PARALLAX_LIBRARY_TEST_FILE and
// updates in a loop, printing "saved ID" for each new article once Update
// has returned (it is committed by then). It stops after
// PARALLAX_LIBRARY_TEST_COUNT updates (0: never).
func runHelper() int {
	path, feed := os.Getenv("PARALLAX_LIBRARY_TEST_FILE"), os.Getenv("PARALLAX_LIBRARY_TEST_FEED")
	count, _ := strconv.Atoi(os.Getenv("PARALLAX_LIBRARY_TEST_COUNT"))
	l, err := Open(path, Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 3
	}
	ctx := context.Background()
	l.AddFeed(ctx, feed, "Example") // already there after the first run
	for i := 0; count == 0 || i < count; i++ {
		rep, err := l.Update(ctx, UpdateOptions{All: true, Fetcher: testFetcher()})
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			return 4
		}
		for _, id := range rep.Added {
			fmt.Fprintf(os.Stdout, "saved %s\n", id)
		}
	}
	if err := l.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 5
	}
	return 0
}

// growingSite serves a feed whose every request lists four new articles.
func growingSite(t *testing.T) string {
	var next atomic.Int64
	var srv *recorder
	srv = newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/feed.xml":
			n := next.Add(4)
			var items [][3]string
			for i := n - 4; i < n; i++ {
				items = append(items, [3]string{fmt.Sprintf("Item %d", i), fmt.Sprintf("%s/a/%d", srv.URL, i), fmt.Sprintf("g%d", i)})
			}
			w.Write([]byte(rssFeed("Growing", items...)))
		case strings.HasPrefix(r.URL.Path, "/a/"):
			id := strings.TrimPrefix(r.URL.Path, "/a/")
			w.Write([]byte(page("Report number "+id, story("region"+id, len(id)*7)...)))
		default:
			http.NotFound(w, r)
		}
	})
	return srv.URL + "/feed.xml"
}

func helperCmd(path, feed string, count int) *exec.Cmd {
	exe, _ := os.Executable()
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=1", "PARALLAX_LIBRARY_TEST_FILE="+path, "PARALLAX_LIBRARY_TEST_FEED="+feed,
		"PARALLAX_LIBRARY_TEST_COUNT="+strconv.Itoa(count))
	return cmd
}

// saved reads the complete "saved ID" lines of a helper's output.
func saved(out []byte, into map[string]bool) int {
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "saved" {
			into[f[1]] = true
			n++
		}
	}
	return n
}

// checkLibrary opens the library (it must open cleanly) and checks that
// every article reported saved is there with its first version.
func checkLibrary(t *testing.T, path string, want map[string]bool) {
	t.Helper()
	l, err := Open(path, Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatalf("the library does not reopen cleanly: %v", err)
	}
	defer l.Close()
	for id := range want {
		vs, err := l.Versions(context.Background(), id)
		if err != nil || len(vs) == 0 {
			t.Fatalf("article %s reported saved is missing: %v", id, err)
		}
	}
}

// TestCrashDuringUpdate kills a child running updates in a loop with
// SIGKILL at random moments, many times, then reopens the library and
// checks every article the child reported saved.
func TestCrashDuringUpdate(t *testing.T) {
	rounds := 16
	if os.Getenv("CI") != "" {
		rounds = 60
	}
	if testing.Short() {
		rounds = 4
	}
	feed := growingSite(t)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	var path string
	var want map[string]bool
	total := 0
	for r := range rounds {
		if r%8 == 0 {
			path = filepath.Join(dir, fmt.Sprintf("crash-%d.db", r/8))
			want = map[string]bool{}
		}
		cmd := helperCmd(path, feed, 0)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		pipe, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var out bytes.Buffer
		first := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			buf := make([]byte, 4096)
			once := false
			for {
				n, err := pipe.Read(buf)
				mu.Lock()
				out.Write(buf[:n])
				if !once && bytes.IndexByte(out.Bytes(), '\n') >= 0 {
					once = true
					close(first)
				}
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
		if r%4 != 0 { // a quarter of the kills land anywhere, from the start
			select {
			case <-first:
			case <-time.After(60 * time.Second):
				t.Fatalf("round %d: the child saved nothing in 60 s: %s", r, errb.String())
			}
		}
		time.Sleep(time.Duration(rng.IntN(300_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		err := cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the child did not die by SIGKILL: %v\n%s", r, err, errb.String())
		}
		total += saved(out.Bytes(), want)
		checkLibrary(t, path, want)
	}
	t.Logf("%d kills; %d articles reported saved, all found", rounds, total)
	if total == 0 {
		t.Fatal("the child never saved an article: the test tested nothing")
	}
}

// TestTwoProcessesUpdate runs two processes updating one library at once:
// every article either reports saved is there, and none is stored twice.
func TestTwoProcessesUpdate(t *testing.T) {
	feed := growingSite(t)
	path := filepath.Join(t.TempDir(), "shared.db")
	want := map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := helperCmd(path, feed, 4)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Run(); err != nil {
				errs <- fmt.Errorf("process %d: %v: %s", w, err, errb.String())
				return
			}
			mu.Lock()
			saved(out.Bytes(), want)
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	checkLibrary(t, path, want)
	l, _ := Open(path, Options{})
	defer l.Close()
	n, _ := l.Count(context.Background())
	if n != len(want) {
		t.Errorf("%d articles in the library, %d reported saved", n, len(want))
	}
}
