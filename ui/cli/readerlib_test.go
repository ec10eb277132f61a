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
	r := startReader(t, env, args)
	defer r.close()
	return r.screen(want...)
}

// readerRun is the reader started without a terminal: its model, and the
// messages of the Cmds it started.
type readerRun struct {
	t     testing.TB
	m     tea.Model
	msgs  chan tea.Msg
	last  string
	close func()
}

// startReader starts the reader as 'parallax ARGS' would with env, at
// 100x30.
func startReader(t testing.TB, env map[string]string, args []string) *readerRun {
	t.Helper()
	var errb strings.Builder
	e := &Env{Stdout: io.Discard, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	opts, done, code := readerOptions(e, args)
	if done {
		t.Fatalf("readerOptions: exit %d: %s", code, errb.String())
	}
	r := &readerRun{t: t, msgs: make(chan tea.Msg, 256), close: func() {}}
	if lib, ok := opts.Library.(*readerLibrary); ok {
		r.close = func() { lib.Close() }
	}
	opts.Width, opts.Height = 100, 30
	r.m = ui.New(opts, io.Discard)
	r.run(r.m.Init())
	return r
}

func (r *readerRun) run(c tea.Cmd) {
	if c != nil {
		go func() { r.msgs <- c() }()
	}
}

// screen returns the first screen from now on that shows every one of
// want.
func (r *readerRun) screen(want ...string) string {
	r.t.Helper()
	return r.screenWithout("", want...)
}

// screenWithout returns the first screen from now on that shows every one
// of want and not without ("" for anything).
func (r *readerRun) screenWithout(without string, want ...string) string {
	r.t.Helper()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case msg := <-r.msgs:
			switch msg := msg.(type) {
			case nil:
				continue
			case tea.BatchMsg:
				for _, c := range msg {
					r.run(c)
				}
				continue
			case tea.QuitMsg:
				r.t.Fatalf("the reader quit; last screen:\n%s", r.last)
			}
			_, c := r.m.Update(msg)
			r.run(c)
			r.last = r.m.View()
			ok := without == "" || !strings.Contains(r.last, without)
			for _, w := range want {
				ok = ok && strings.Contains(r.last, w)
			}
			if ok {
				return r.last
			}
		case <-deadline:
			r.t.Fatalf("the screen never showed %q; last screen:\n%s", want, r.last)
		}
	}
}

// TestReaderOpensTheLibrarysStories: with no PATH, a library with
// articles opens on the Stories view of its articles; an empty library
// and --embedded open the embedded corpus as before.
func TestReaderOpensTheLibrarysStories(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	l := lookalikeLibrary(t, path)
	l.Close()
	env := map[string]string{"PARALLAX_LIBRARY": path, "PARALLAX_DATA_DIR": filepath.Join(dir, "data"), "PARALLAX_CONFIG_DIR": filepath.Join(dir, "config")}
	// The library's notes are beside it, as for the commands.
	readerScreen(t, env, nil, "STORIES", "2 stories in 1 thread", "Death toll in Dravnik", "library-notes.db")

	// --embedded: the seed articles, on the read view.
	readerScreen(t, env, []string{"--embedded"}, "READ", "TASS")

	// An empty library: the embedded corpus as before.
	empty := filepath.Join(dir, "empty.db")
	l, err := library.Open(empty, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	env["PARALLAX_LIBRARY"] = empty
	readerScreen(t, env, nil, "READ", "TASS")
}

// TestReaderShowsStoredStoriesFirst: with no PATH, the first Stories view
// is the stories the library stored, drawn while the analysis runs (the
// status line says so); then the analysed stories take their place.
func TestReaderShowsStoredStoriesFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	l := lookalikeLibrary(t, path)
	stories, _, err := l.RecentStories(context.Background(), 0)
	l.Close()
	if err != nil || len(stories) == 0 {
		t.Fatalf("the library stored no stories (%v)", err)
	}
	env := map[string]string{"PARALLAX_LIBRARY": path, "PARALLAX_DATA_DIR": filepath.Join(dir, "data"), "PARALLAX_CONFIG_DIR": filepath.Join(dir, "config")}
	r := startReader(t, env, nil)
	defer r.close()
	first := r.screen("STORIES")
	for _, want := range []string{"as the library stored them", "reading the articles", "Missiles hit Dravnik at dawn", "enter open (when analysed)"} {
		if !strings.Contains(first, want) {
			t.Fatalf("the first Stories view lacks %q:\n%s", want, first)
		}
	}
	scr := r.screenWithout("as the library stored them", "STORIES", "2 stories in 1 thread", "library-notes.db")
	if strings.Contains(scr, "reading the articles") || strings.Contains(scr, "when analysed") {
		t.Fatalf("the analysed view still says the analysis runs:\n%s", scr)
	}
}

// lookalikeLibrary opens a library at path holding the look-alike
// articles; the caller closes it.
func lookalikeLibrary(t *testing.T, path string) *library.Library {
	t.Helper()
	l, err := library.Open(path, library.Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddFiles(context.Background(), []string{lookalikeArticles(t)}); err != nil {
		t.Fatal(err)
	}
	return l
}
