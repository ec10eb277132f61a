package ui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/library"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// fakeLibrary is a library in memory: the corpus it was given, article
// "a2" edited twice, a fixed diff, fixed hits, one failing feed and the
// stored stories it was given.
type fakeLibrary struct {
	c    *corpus.Corpus
	hits []library.Hit
	// stored is what StoredStories returns (nil: nothing stored).
	stored *StoredStories
}

func (f *fakeLibrary) StoredStories(context.Context) (*StoredStories, error) {
	return f.stored, nil
}

var fakeFetched = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

func (f *fakeLibrary) Corpus(context.Context, Progress) (*corpus.Corpus, int, error) {
	return f.c, len(f.c.Articles) + 5000, nil
}

func (f *fakeLibrary) Edited(context.Context) (map[string]int, error) {
	return map[string]int{"a2": 3}, nil
}

func (f *fakeLibrary) Versions(_ context.Context, id string) ([]library.VersionInfo, error) {
	n := 1
	if id == "a2" {
		n = 3
	}
	var vs []library.VersionInfo
	for i := 1; i <= n; i++ {
		vs = append(vs, library.VersionInfo{N: i, Fetched: fakeFetched.Add(time.Duration(i-1) * 3 * time.Hour), Status: 200,
			Hash: fmt.Sprintf("%064d", i), Title: "Geneva talks end", Chars: 300 + 20*i, Extractor: "readability", ExtractorVersion: "2"})
	}
	return vs, nil
}

// TextHashes: a2's first two versions are texts of their own, its
// latest (and every other article's one version) the text loaded.
func (f *fakeLibrary) TextHashes(_ context.Context, id string) ([]string, error) {
	art := f.c.Article(id)
	if art == nil {
		return nil, fmt.Errorf("%q: %w", id, library.ErrNoArticle)
	}
	h := art.Hash
	if h == "" {
		h = notes.TextHash(art.Text)
	}
	if id == "a2" {
		return []string{notes.TextHash(fakeV1), notes.TextHash(fakeV2), h}, nil
	}
	return []string{h}, nil
}

// fakeV1 and fakeV2 are the texts of a2's first two versions.
const fakeV1, fakeV2 = "Geneva talks end with promise of June meeting (v1)", "Geneva talks end (v2)"

func (f *fakeLibrary) Diff(_ context.Context, id string, from, to int) (*library.Diff, error) {
	ref := func(i int, text string) *library.SentenceRef { return &library.SentenceRef{Index: i, Text: text} }
	return &library.Diff{Article: id, From: from, To: to,
		Fetched:  [2]string{fakeFetched.Format(time.RFC3339), fakeFetched.Add(3 * time.Hour).Format(time.RFC3339)},
		TitleOld: "Geneva talks end with promise of June meeting", TitleNew: "Geneva talks end without a deal",
		Changes: []library.Change{
			{Kind: library.ChangeEdited, Old: ref(1, "The ministers spent four hours in Geneva on Monday."), New: ref(1, "The ministers spent six hours in Geneva on Monday."),
				Words: []library.WordOp{{Op: "equal", Text: "The ministers spent "}, {Op: "delete", Text: "four"}, {Op: "insert", Text: "six"}, {Op: "equal", Text: " hours in Geneva on Monday."}},
				Flags: []library.Flag{{What: "number", Old: "four hours", New: "six hours"}}},
			{Kind: library.ChangeDeleted, Old: ref(2, "The talks were described as constructive."), Flags: []library.Flag{}},
			{Kind: library.ChangeAdded, New: ref(3, "A spokesman said \x1b[31mno date\x1b[0m was set for the next round."), Flags: []library.Flag{{What: "quote", New: "no date"}}},
			{Kind: library.ChangeMoved, Old: ref(0, "Officials reportedly agreed to hold another round in June."), New: ref(4, "Officials reportedly agreed to hold another round in June."), Flags: []library.Flag{}},
		}}, nil
}

func (f *fakeLibrary) Search(_ context.Context, query string, _ int) ([]library.Hit, error) {
	return f.hits, nil
}

func (f *fakeLibrary) Feeds(context.Context) ([]library.FeedInfo, error) {
	return []library.FeedInfo{
		{ID: 1, URL: "https://example.org/ok.xml", Outlet: "Alpha News"},
		{ID: 2, URL: "https://example.org/gone.xml", Outlet: "Beta Wire", Failures: 4, LastError: "HTTP 404 Not Found\x1b[2J"},
	}, nil
}

// libraryModel starts a reader at w×h over a fake library of c, as the
// start-up Cmd does, without opening the notes.
func libraryModel(t testing.TB, c *corpus.Corpus, a *Findings, ctx *Context, w, h int) (Model, *fakeLibrary) {
	t.Helper()
	cc := *c
	cc.Name = "library /nonexistent/parallax-test/lib.db" // fixed: it is on screen
	lib := &fakeLibrary{c: &cc}
	opts := Options{Width: w, Height: h, Library: lib,
		Findings: func(context.Context, *corpus.Corpus, Progress) (*Findings, error) { return a, nil }}
	m := newModel(context.Background(), opts, ctx, termenv.Ascii)
	m.flashFor = time.Millisecond
	m = sendNoCmd(m, m.loading.work(context.Background(), opts, func(string, int, int) {}))
	if !m.loaded || m.ctx.lib == nil {
		t.Fatalf("the reader did not load the library (loaded %v)", m.loaded)
	}
	return m, lib
}

// monoContext is asciiContext in monochrome.
func monoContext() *Context {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return &Context{Styles: NewStyles(r, DefaultTheme(), true), Keys: DefaultKeyMap(), Markup: NewMarkup("notty", termenv.Ascii)}
}

// TestGoldenVersions: the version history of an edited article and the
// diff of two versions, at 80x24 and 40x12, and in monochrome.
// Regenerate with go test ./ui/ -run TestGoldenVersions -update
func TestGoldenVersions(t *testing.T) {
	flows := []struct{ name, keys string }{
		{"versions", "tab V"},
		{"diff", "tab V enter"},
		{"diff-mono", "tab V enter"},
	}
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		for _, f := range flows {
			name := fmt.Sprintf("%s-%dx%d", f.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				c, a := testCorpus()
				ctx := asciiContext()
				if strings.HasSuffix(f.name, "-mono") {
					ctx = monoContext()
				}
				m, _ := libraryModel(t, c, a, ctx, sz[0], sz[1])
				m = send(m, keys(f.keys)...)
				v := m.View()
				for i, l := range strings.Split(v, "\n") {
					if w := ansi.StringWidth(l); w != sz[0] {
						t.Fatalf("line %d is %d wide, want %d: %q", i, w, sz[0], l)
					}
				}
				if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b[31m") {
					t.Fatalf("an escape sequence of the library's text reached the screen:\n%q", v)
				}
				golden.Assert(t, v, name+".golden")
			})
		}
	}
}

// TestVersionsAndDiff follows the history: the mark on the edited
// article, V, the rows, enter to the diff, esc back, esc closed.
func TestVersionsAndDiff(t *testing.T) {
	c, a := testCorpus()
	m, _ := libraryModel(t, c, a, asciiContext(), 120, 30)
	v := m.View()
	if !strings.Contains(v, "Beta Wire ✎3") {
		t.Fatalf("the edited article's column has no ✎3 mark:\n%s", v)
	}
	if strings.Contains(v, "Alpha News ✎") {
		t.Fatalf("an article with one version is marked:\n%s", v)
	}
	if !m.ctx.Keys.Versions.Enabled() {
		t.Fatal("V is disabled on a library's articles")
	}
	m = send(m, keys("tab")...)
	if !strings.Contains(m.View(), "V versions") {
		t.Errorf("the hints do not offer V on an edited article:\n%s", m.View())
	}
	m = send(m, keys("V")...)
	vl, ok := m.over.(*versionsLayer)
	if !ok || len(vl.vs) != 3 || vl.cursor != 2 {
		t.Fatalf("V opened %T with %+v", m.over, vl)
	}
	if v := m.View(); !strings.Contains(v, "VERSIONS") || !strings.Contains(v, "enter: diff v2 → v3") {
		t.Fatalf("versions view:\n%s", v)
	}
	// space on v1, then enter on v3: v1 → v3.
	m = send(m, keys("g space G enter")...)
	if vl.diff == nil || vl.diff.from != 1 || vl.diff.to != 3 || vl.diff.d == nil {
		t.Fatalf("diff: %+v", vl.diff)
	}
	v = m.View()
	for _, want := range []string{"DIFF", "EDITED", "DELETED", "ADDED", "MOVED", "⚑ number: four hours → six hours", "headline"} {
		if !strings.Contains(v, want) {
			t.Errorf("diff view lacks %q:\n%s", want, v)
		}
	}
	m = send(m, keys("esc")...)
	if vl.diff != nil || m.over == nil {
		t.Fatal("esc in the diff did not go back to the versions")
	}
	m = send(m, keys("esc esc")...)
	if m.over != nil {
		t.Fatal("esc did not close the versions")
	}
	// The help lists V.
	m = send(m, keys("?")...)
	if !strings.Contains(m.View(), "versions & diff") {
		t.Errorf("? help lacks V:\n%s", m.View())
	}
}

// TestNoVersionsWithoutLibrary: on files, V does nothing and is not
// offered.
func TestNoVersionsWithoutLibrary(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("tab V")...)
	if m.over != nil || m.ctx.Keys.Versions.Enabled() {
		t.Fatalf("V works without a library: %T", m.over)
	}
	if strings.Contains(m.View(), "✎") {
		t.Fatalf("a mark without a library:\n%s", m.View())
	}
}

// TestFailingFeedsOnProblems: a feed that keeps failing is on the
// Problems screen with its last error, sanitised.
func TestFailingFeedsOnProblems(t *testing.T) {
	c, a := testCorpus()
	m, _ := libraryModel(t, c, a, asciiContext(), 120, 30)
	m = send(m, keys("5")...)
	v := m.View()
	for _, want := range []string{"Feeds that keep failing (1)", "https://example.org/gone.xml (Beta Wire): 4 failures in a row", "last error: HTTP 404 Not Found"} {
		if !strings.Contains(v, want) {
			t.Errorf("problems lack %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "ok.xml") || strings.Contains(v, "\x1b[2J") {
		t.Errorf("a healthy feed or an escape sequence on the problems screen:\n%q", v)
	}
}

// TestLibrarySearch: / in the Stories view searches the library, lists
// the hits sanitised, and enter shows the article in the read view.
func TestLibrarySearch(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m, lib := libraryModel(t, c, a, asciiContext(), 100, 30)
	if m.view != viewStories {
		t.Fatalf("a library opens on view %d, want the Stories view", m.view)
	}
	target := c.Articles[3]
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	lib.hits = []library.Hit{
		{Article: "not-held", Outlet: "Old Times", Title: "An older article", Snippet: "…old «mourning»…"},
		{Article: target.ID, Outlet: target.Outlet, Title: target.Title, Published: &pub, Snippet: "…a day of «mourning»\x1b]52;c;Zm9v\x07 in Dravnik…"},
	}
	m = send(m, keys("/")...)
	if _, ok := m.ctx.dialog.(*libSearch); !ok {
		t.Fatalf("/ in the Stories view opened %T, want the library search", m.ctx.dialog)
	}
	m = send(m, typeText("mourning")...)
	m = send(m, keys("enter")...)
	v := m.View()
	for _, want := range []string{"2 articles for mourning", "Old Times", oneLine(target.Outlet), "2023-03-15", "a day of mourning", "in Dravnik"} {
		if !strings.Contains(v, want) {
			t.Errorf("search results lack %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "\x1b]52") {
		t.Fatalf("an escape sequence of a snippet reached the screen:\n%q", v)
	}
	// The first is not held: the status line says how to see it.
	m = send(m, keys("enter")...)
	if m.ctx.dialog != nil || !strings.Contains(m.msg, "parallax show not-held") {
		t.Fatalf("opening a hit not held: dialog %T, status %q", m.ctx.dialog, m.msg)
	}
	m = send(m, keys("/")...)
	m = send(m, typeText("mourning")...)
	m = send(m, keys("enter j enter")...)
	if m.view != viewRead {
		t.Fatalf("enter on a hit left the reader on view %d", m.view)
	}
	fa := m.read.focusedArticle()
	if fa < 0 {
		t.Fatal("no column has the focus")
	}
	if ra, _ := m.ctx.Data.real(fa, m.read.cursor[fa]); m.ctx.Data.Corpus.Articles[ra].ID != target.ID {
		t.Fatalf("the read view's cursor is in %s, want %s", m.ctx.Data.Corpus.Articles[ra].ID, target.ID)
	}
	// In the read view / still searches the text.
	m = send(m, keys("/")...)
	if !m.search.active {
		t.Fatal("/ in the read view of a library does not search the text")
	}
}

// TestLibraryViewsFitAnySize: the version history, the diff and the
// library search fill exactly the terminal at every size, resized while
// open.
func TestLibraryViewsFitAnySize(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m, lib := libraryModel(t, c, a, asciiContext(), 80, 24)
	lib.hits = []library.Hit{{Article: c.Articles[0].ID, Outlet: "Ｆｕｌｌｗｉｄｔｈ العربية", Title: "中文标题 with a long title that goes on", Snippet: "…«mourning» 👩\u200d💻 in e\u0301…"}}
	check := func(what string) {
		t.Helper()
		lines := strings.Split(m.View(), "\n")
		if len(lines) != m.height {
			t.Fatalf("%dx%d %s: %d lines", m.width, m.height, what, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != m.width {
				t.Fatalf("%dx%d %s: line %d is %d wide: %q", m.width, m.height, what, i, w, l)
			}
		}
	}
	for _, step := range []string{"/ m enter", "esc 1 V", "enter", "esc esc"} {
		m = send(m, keys(step)...)
		for w := 40; w <= 160; w += 17 {
			for h := 10; h <= 50; h += 9 {
				m = sendNoCmd(m, tea.WindowSizeMsg{Width: w, Height: h})
				check("after " + step)
			}
		}
	}
}

// TestHitJumpsToTheSentence: a library search's hit opens at the sentence
// holding the words found, not at the article's start.
func TestHitJumpsToTheSentence(t *testing.T) {
	c, a := testCorpus()
	d := NewData(c, a)
	want := -1
	for i, s := range d.article(0).Sentences {
		if strings.Contains(s.Text, "June") {
			want = i
		}
	}
	if want <= 0 {
		t.Fatal("the fixture has no later sentence saying June")
	}
	if j := hitJump(d, 0, "…agreed to meet again in «June»…"); j.sentence != want || j.article != 0 || !j.match {
		t.Errorf("hitJump = %+v, want sentence %d", j, want)
	}
	if j := hitJump(d, 0, "no marks"); j.sentence != 0 {
		t.Errorf("a snippet without marks: sentence %d, want 0", j.sentence)
	}
}

// TestHitKeepsItsEditMark: a long title gives way in a search hit; the ✎
// mark after it stays at 80 columns.
func TestHitKeepsItsEditMark(t *testing.T) {
	c, a := testCorpus()
	m, _ := libraryModel(t, c, a, asciiContext(), 80, 24)
	s := &libSearch{ctx: m.ctx, width: 80, height: 24}
	lines := s.hitLines(library.Hit{Article: "a2", Outlet: "Beta Wire",
		Title: strings.Repeat("Geneva talks end with a long title that goes on ", 4), Snippet: "the «talks»"}, false, 80)
	if !strings.Contains(lines[0], "✎3") || !strings.Contains(lines[0], "…") {
		t.Errorf("hit head %q: want the title cut with … and ✎3 kept", lines[0])
	}
	if w := ansi.StringWidth(lines[0]); w != 80 {
		t.Errorf("hit head is %d cells wide, want 80", w)
	}
}
