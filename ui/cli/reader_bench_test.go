package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/library"
)

// BenchmarkReaderLibraryStories times 'parallax' with no PATH on a library
// of 50,000 generated articles with their stories stored
// (PARALLAX_BENCH_ARTICLES overrides): from start to the first frame of
// the Stories view of the stories the library stored (ms-to-stored), and
// on to the Stories view of the articles it reads (the libraryCorpusMax
// seen most recently) grouped and analysed (s-to-analysed).
//
//	go test ./ui/cli -run '^$' -bench BenchmarkReaderLibraryStories -benchtime 3x
func BenchmarkReaderLibraryStories(b *testing.B) {
	n := 50000
	if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	base := benchLibrary(b, n)
	dir := b.TempDir()
	var stored, analysed time.Duration
	runs := 0
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "lib.db")
		data, err := os.ReadFile(base)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		env := map[string]string{"PARALLAX_LIBRARY": path, "PARALLAX_DATA_DIR": filepath.Join(dir, "data"), "PARALLAX_CONFIG_DIR": filepath.Join(dir, "config")}
		articles := fmt.Sprintf("%d articles", min(n, libraryCorpusMax))
		b.StartTimer()
		start := time.Now()
		r := startReader(b, env, nil)
		r.screen("STORIES", "as the library stored them", articles)
		first := time.Since(start)
		scr := r.screenWithout("as the library stored them", "STORIES", articles)
		all := time.Since(start)
		b.StopTimer()
		r.close()
		if strings.Contains(scr, "when analysed") {
			b.Fatalf("the analysed view still waits for the analysis:\n%s", scr)
		}
		stored += first
		analysed += all
		runs++
		b.Logf("run %d: the stored stories after %v, the analysed after %v", runs, first.Round(time.Millisecond), all.Round(time.Millisecond))
		b.StartTimer()
	}
	b.ReportMetric(float64(stored.Milliseconds())/float64(runs), "ms-to-stored")
	b.ReportMetric(analysed.Seconds()/float64(runs), "s-to-analysed")
}

// benchLibrary returns a library of n generated articles
// (library.FillGenerated) with their stories stored
// (library.StoreGeneratedStories), built once and kept in the temporary
// folder.
func benchLibrary(b *testing.B, n int) string {
	b.Helper()
	cached := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-reader-bench-%d-v%d-stories.db", n, library.SchemaVersion))
	if _, err := os.Stat(cached); err == nil {
		return cached
	}
	start := time.Now()
	tmp := cached + ".tmp"
	os.Remove(tmp)
	l, err := library.Open(tmp, library.Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		b.Fatal(err)
	}
	if err := library.FillGenerated(l, n); err != nil {
		b.Fatal(err)
	}
	if err := library.StoreGeneratedStories(l); err != nil {
		b.Fatal(err)
	}
	l.Close()
	if err := os.Rename(tmp, cached); err != nil {
		b.Fatal(err)
	}
	b.Logf("built a library of %d generated articles in %v", n, time.Since(start).Round(time.Second))
	return cached
}
