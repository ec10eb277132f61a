//go:build unix

package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFIFOIsSkippedNotWaitedOn puts a named pipe among the articles of a
// folder, and names one on the command line: loading must not wait for a
// writer that never comes, and each pipe is named with what it is.
func TestFIFOIsSkippedNotWaitedOn(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A title\n\nSome text of the article. More text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "f.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	other := filepath.Join(t.TempDir(), "g.md")
	if err := syscall.Mkfifo(other, 0o644); err != nil {
		t.Fatal(err)
	}
	// A symbolic link to a pipe is a pipe too.
	if err := os.Symlink(other, filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	type result struct {
		c   *Corpus
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := LoadWith(t.Context(), Options{Outlets: ShippedOutlets()}, dir, other)
		done <- result{c, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second): // a generous guard: the load takes milliseconds
		t.Fatal("loading waits on a named pipe")
	}
	if r.err != nil || len(r.c.Articles) != 1 {
		t.Fatalf("load: %v, %d articles", r.err, len(r.c.Articles))
	}
	named := map[string]string{}
	for _, e := range r.c.Errors {
		named[filepath.Base(e.Path)] = e.Message
	}
	for _, name := range []string{"f.txt", "g.md", "link.md"} {
		if !strings.Contains(named[name], "named pipe") || !strings.Contains(named[name], "skipped") {
			t.Errorf("%s: %q", name, named[name])
		}
	}

	// The file turning into a pipe between listing and reading is caught
	// when it is opened.
	z, err := newArticleBuilder(ShippedOutlets())
	if err != nil {
		t.Fatal(err)
	}
	res := loadFile(z, osReader{}, fifo, DefaultMaxBytes)
	if len(res.errs) != 1 || !strings.Contains(res.errs[0].Message, "named pipe") {
		t.Fatalf("loadFile on a pipe: %+v", res.errs)
	}
}
