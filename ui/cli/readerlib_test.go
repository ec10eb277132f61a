package cli

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/library"
	"github.com/parallax-reader/parallax/ui"
)

// lookalikeArticles is the folder of the look-alike corpus: two missile
// strikes on one city, a year apart.
func lookalikeArticles(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "lookalike", "articles")
}

// readerScreen starts the reader as 'parallax ARGS' would with env, at
// 100x30 and without a terminal, and returns the first screen that
// shows every one of want.
func readerScreen(t testing.TB, env map[string]string, args []string, want ...string) string {
	t.Helper()
	var errb strings.Builder
	e := &Env{Stdout: io.Discard, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	opts, done, code := readerOptions(e, args)
	if done {
		t.Fatalf("readerOptions: exit %d: %s", code, errb.String())
	}
	if lib, ok := opts.Library.(*readerLibrary); ok {
		defer lib.Close()
	}
	opts.Width, opts.Height = 100, 30
	m := ui.New(opts, io.Discard)
	msgs := make(chan tea.Msg, 256)
	run := func(c tea.Cmd) {
		if c != nil {
			go func() { msgs <- c() }()
		}
	}
	run(m.Init())
	deadline := time.After(60 * time.Second)
	var last string
	for {
		select {
		case msg := <-msgs:
			switch msg := msg.(type) {
			case nil:
				continue
			case tea.BatchMsg:
				for _, c := range msg {
					run(c)
				}
				continue
			case tea.QuitMsg:
				t.Fatalf("the reader quit; last screen:\n%s", last)
			}
			_, c := m.Update(msg)
			run(c)
			last = m.View()
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(last, w)
			}
			if ok {
				return last
			}
		case <-deadline:
			t.Fatalf("the screen never showed %q; last screen:\n%s", want, last)
		}
	}
}

// TestReaderOpensTheLibrarysStories: with no PATH, a library with
// articles opens on the Stories view of its articles; an empty library
// and --embedded open the embedded corpus as before.
func TestReaderOpensTheLibrarysStories(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	l, err := library.Open(path, library.Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddFiles(context.Background(), []string{lookalikeArticles(t)}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	env := map[string]string{"PARALLAX_LIBRARY": path, "PARALLAX_DATA_DIR": filepath.Join(dir, "data"), "PARALLAX_CONFIG_DIR": filepath.Join(dir, "config")}
	// The library's notes are beside it, as for the commands.
	readerScreen(t, env, nil, "STORIES", "2 stories in 1 thread", "Death toll in Dravnik", "library-notes.db")

	// --embedded: the seed articles, on the read view.
	readerScreen(t, env, []string{"--embedded"}, "READ", "TASS")

	// An empty library: the embedded corpus as before.
	empty := filepath.Join(dir, "empty.db")
	l, err = library.Open(empty, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	env["PARALLAX_LIBRARY"] = empty
	readerScreen(t, env, nil, "READ", "TASS")
}
