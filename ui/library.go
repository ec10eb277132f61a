package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/library"
)

// Library is what the reader reads from a library of followed outlets
// (docs/library.md): ui/cli hands it one over corpus/library, tests a
// fake. Every method runs in a tea.Cmd, never in Update or View.
type Library interface {
	// StoredStories returns the stories the library stored for the
	// articles Corpus returns, with those articles' records and no text:
	// a metadata query, the reader's first screen while Corpus and the
	// analysis run. Nil when the library holds no articles.
	StoredStories(ctx context.Context) (*StoredStories, error)
	// Corpus returns the latest versions of the articles the reader
	// opens (the most recent ones) and how many the library holds; nil
	// when it holds none, and the reader opens the embedded corpus.
	Corpus(ctx context.Context, progress Progress) (c *corpus.Corpus, total int, err error)
	// Edited returns the number of versions of every article that has
	// more than one, by article id.
	Edited(ctx context.Context) (map[string]int, error)
	// Versions lists an article's versions, oldest first.
	Versions(ctx context.Context, id string) ([]library.VersionInfo, error)
	// TextHashes returns the hash of each of an article's versions,
	// oldest first, as the reader loads its text
	// (library.Library.TextHashes): what a note made on it records.
	TextHashes(ctx context.Context, id string) ([]string, error)
	// Diff compares two versions of an article (library.Library.Diff).
	Diff(ctx context.Context, id string, from, to int) (*library.Diff, error)
	// Search finds articles by the words of their latest version.
	Search(ctx context.Context, query string, limit int) ([]library.Hit, error)
	// Feeds lists the followed feeds and their health.
	Feeds(ctx context.Context) ([]library.FeedInfo, error)
}

// StoredStories is what a library stored about the articles the reader
// opens, read without their text (Library.StoredStories).
type StoredStories struct {
	// Name is the name the corpus read from the library will have
	// ("library PATH").
	Name string
	// Stories are the stories the library assigned to the articles as
	// they arrived.
	Stories []library.StoredStory
	// Articles are the articles' records, oldest first: id, outlet (with
	// its outlet table entry), title and publication time; no text.
	Articles []*corpus.Article
	// Versions is the number of versions of each article that has more
	// than one.
	Versions map[string]int
	// Total is the number of articles in the library.
	Total int
}

// libState is what the reader knows of the library it opened, set once
// when loading is done; nil when it did not open one.
type libState struct {
	src Library
	// total is the number of articles in the library; the reader holds
	// the most recent of them.
	total int
	// versions is the number of versions of each article that has more
	// than one.
	versions map[string]int
	// failing are the feeds that keep failing (FeedInfo.Failing).
	failing []library.FeedInfo
	// warnings are what could not be read besides the articles.
	warnings []string
}

// versionsOf returns how many versions article id has in the library (0
// when there is no library or only one).
func (c *Context) versionsOf(id string) int {
	if c.lib == nil {
		return 0
	}
	return c.lib.versions[id]
}

// loadLibrary reads the library's articles and what the reader shows
// about them; nil corpus when it has none.
func loadLibrary(ctx context.Context, src Library, report Progress) (*corpus.Corpus, *libState, error) {
	report("reading the library", 0, 0)
	c, total, err := src.Corpus(ctx, report)
	if err != nil || c == nil || len(c.Articles) == 0 {
		return nil, nil, err
	}
	ls := &libState{src: src, total: total}
	if ls.versions, err = src.Edited(ctx); err != nil {
		ls.warnings = append(ls.warnings, "versions: "+err.Error())
	}
	feeds, err := src.Feeds(ctx)
	if err != nil {
		ls.warnings = append(ls.warnings, "feeds: "+err.Error())
	}
	for _, f := range feeds {
		if f.Failing() {
			ls.failing = append(ls.failing, f)
		}
	}
	return c, ls, nil
}

// libraryNotesPath is where the notes of a library's articles live:
// library-notes.db beside the library, as for the commands; "" when c is
// not a library's.
func libraryNotesPath(c *corpus.Corpus) string {
	if lib, ok := strings.CutPrefix(c.Name, "library "); ok {
		return filepath.Join(filepath.Dir(lib), "library-notes.db")
	}
	return ""
}

// markEdited marks an article with several versions in the lists and
// column headers: ✎ and the number of versions.
const markEdited = "✎"

// editedMark is the mark of article (or merged column) a of d: "✎3" for
// three versions (the most of a merged column's articles), "" for one.
func (c *Context) editedMark(d *Data, a int) string {
	if c.lib == nil || a < 0 {
		return ""
	}
	n := 0
	if mu := d.mergedAt(a); mu != nil {
		for _, m := range mu.members {
			n = max(n, c.versionsOf(d.Corpus.Articles[m].ID))
		}
	} else if a < len(d.Corpus.Articles) {
		n = c.versionsOf(d.Corpus.Articles[a].ID)
	}
	if n < 2 {
		return ""
	}
	return fmt.Sprintf("%s%d", markEdited, n)
}

// newestFirst returns a library's threads and stories in the reader's
// order: a library is followed day by day, so the thread with the latest
// story comes first and, within a thread, the latest story (undated
// last). A folder keeps compare's order (first article first, then
// publication). res is not changed (analyses are shared); the result
// shares everything but the order.
func newestFirst(res *compare.Result) *compare.Result {
	if res == nil {
		return nil
	}
	end := make(map[string]*time.Time, len(res.Stories))
	for i := range res.Stories {
		st := &res.Stories[i]
		end[st.ID] = st.End
		if st.End == nil {
			end[st.ID] = st.Start
		}
	}
	later := func(a, b *time.Time) int { // latest first, nil last
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return 1
		case b == nil:
			return -1
		}
		return b.Compare(*a)
	}
	latest := func(th compare.Thread) *time.Time {
		var t *time.Time
		for _, id := range th.Stories {
			if e := end[id]; e != nil && (t == nil || e.After(*t)) {
				t = e
			}
		}
		return t
	}
	out := *res
	out.Threads = slices.Clone(res.Threads)
	for i := range out.Threads {
		sts := slices.Clone(out.Threads[i].Stories)
		slices.SortStableFunc(sts, func(a, b string) int { return later(end[a], end[b]) })
		out.Threads[i].Stories = sts
	}
	slices.SortStableFunc(out.Threads, func(a, b compare.Thread) int { return later(latest(a), latest(b)) })
	return &out
}

// inLibraryOrder returns d with its comparison in newestFirst order.
func inLibraryOrder(d *Data) *Data {
	if d == nil || d.Findings == nil || d.Findings.Comparison == nil {
		return d
	}
	f := *d.Findings
	f.Comparison = newestFirst(f.Comparison)
	c := *d
	c.Findings = &f
	return &c
}
