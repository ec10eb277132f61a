package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// lookalikeDir holds the two look-alike missile strikes (one thread, two
// stories).
var lookalikeDir = filepath.Join("..", "testdata", "lookalike", "articles")

// analysed caches the real analysis of a corpus per test binary: it is
// read-only once built.
var analysed sync.Map

// analysedCorpus loads the look-alike corpus (and with embedded, the
// embedded INF corpus too: two threads) and runs the reader's analysis.
func analysedCorpus(t testing.TB, embedded bool) (*corpus.Corpus, *Findings) {
	t.Helper()
	type ca struct {
		c *corpus.Corpus
		a *Findings
	}
	if v, ok := analysed.Load(embedded); ok {
		return v.(ca).c, v.(ca).a
	}
	c, err := corpus.Load(lookalikeDir)
	if err != nil {
		t.Fatal(err)
	}
	if embedded {
		c.Articles = append(corpus.Default().Articles, c.Articles...)
	}
	a, err := runPipeline(context.Background(), c, pipelineOptions(Options{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	analysed.Store(embedded, ca{c, a})
	return c, a
}

// openIDs lists the ids of the articles the reader has open.
func openIDs(m Model) []string {
	var ids []string
	for _, a := range m.ctx.Data.Corpus.Articles {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}

// storyRowAt puts the Stories view's cursor on the row of story n (from 1).
func storyRowAt(t testing.TB, m Model, n int) Model {
	t.Helper()
	for i, r := range m.stories.rows {
		if r.kind == rowStory && r.num == n {
			m.stories.cursor = i
			return m
		}
	}
	t.Fatalf("no story %d in %v", n, m.stories.rows)
	return m
}

func TestStoriesOneThreadOpensDirectly(t *testing.T) {
	c, a := analysedCorpus(t, false)
	if n := len(a.Comparison.Threads); n != 1 {
		t.Fatalf("the look-alike corpus is one thread, got %d", n)
	}
	m := newTestModel(t, c, a, 120, 40)
	if m.view != viewRead {
		t.Fatalf("a corpus of one thread opens in view %d, not the read view", m.view)
	}
	if len(m.ctx.Data.Corpus.Articles) != len(c.Articles) {
		t.Fatal("not everything is open")
	}
	m = send(m, keys("0")...)
	if m.view != viewStories {
		t.Fatalf("0 did not switch to the Stories view: %d", m.view)
	}
	v := m.View()
	for _, want := range []string{"2 stories in 1 thread", "T1", "Death toll in Dravnik", "Dravnik without heat", "STORIES"} {
		if !strings.Contains(v, want) {
			t.Errorf("Stories view lacks %q:\n%s", want, v)
		}
	}
}

func TestStoriesSeveralThreadsOpenInStoriesView(t *testing.T) {
	c, a := analysedCorpus(t, true)
	if n := len(a.Comparison.Threads); n < 2 {
		t.Fatalf("want two threads, got %d", n)
	}
	m := newTestModel(t, c, a, 120, 40)
	if m.view != viewStories {
		t.Fatalf("a corpus of several threads opens in view %d, not the Stories view", m.view)
	}
	if m.stories.rows[0].kind != rowAll {
		t.Fatal("no Everything row above several threads")
	}
}

func TestStoriesOpenStoryCoversOnlyIt(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 120, 40)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 2)
	st, _ := findStory(a.Comparison, m.stories.rows[m.stories.cursor].story)
	m = send(m, keys("enter")...)
	if m.view != viewRead {
		t.Fatalf("enter on a story: view %d, not the read view", m.view)
	}
	want := slices.Sorted(slices.Values(st.Articles))
	if got := openIDs(m); !slices.Equal(got, want) {
		t.Fatalf("open articles %v, want the story's %v", got, want)
	}
	in := map[string]bool{}
	for _, id := range want {
		in[id] = true
	}
	d := m.ctx.Data
	if len(d.Facts) == 0 {
		t.Fatal("no fact within the story")
	}
	for _, f := range d.Facts {
		for _, mb := range f.Members {
			if !in[mb.Article] {
				t.Errorf("fact %q has a member in %s, outside the story", f.Label, mb.Article)
			}
		}
		for _, dc := range f.Discrepancies {
			for _, v := range dc.Values {
				if !in[v.Article] {
					t.Errorf("discrepancy of %q has a value from %s, outside the story", f.Label, v.Article)
				}
			}
		}
	}
	outlets := map[string]bool{}
	for _, o := range st.Outlets {
		outlets[o] = true
	}
	for _, p := range d.Findings.Profiles {
		if !outlets[p.Outlet] {
			t.Errorf("outlet profile of %s, which did not cover the story", p.Outlet)
		}
	}
	for o := range d.Findings.Omissions {
		if !outlets[o] {
			t.Errorf("omissions of %s, which did not cover the story", o)
		}
	}
	head := strings.SplitN(m.View(), "\n", 2)[0]
	if !strings.Contains(head, "story 2/2") {
		t.Errorf("the header does not name the open story: %q", head)
	}
	// E opens everything again.
	m = send(m, keys("E")...)
	if len(m.ctx.Data.Corpus.Articles) != len(c.Articles) || m.ctx.open.kind != scopeAll {
		t.Fatalf("E did not open everything: %d articles", len(m.ctx.Data.Corpus.Articles))
	}
	if m.ctx.Keys.Stories.Everything.Enabled() {
		t.Error("E stays enabled with everything open")
	}
}

func TestStoriesOpenThreadAndBack(t *testing.T) {
	c, a := analysedCorpus(t, true)
	m := newTestModel(t, c, a, 120, 40)
	var th compare.Thread
	for i, r := range m.stories.rows {
		if r.kind == rowThread && len(a.Comparison.Threads[r.thread].Stories) == 2 {
			m.stories.cursor = i
			th = a.Comparison.Threads[r.thread]
		}
	}
	if th.ID == "" {
		t.Fatal("no thread of two stories")
	}
	m = send(m, keys("enter")...)
	ids, _ := a.Comparison.ScopeArticles(th.ID)
	if got := openIDs(m); !slices.Equal(got, slices.Sorted(slices.Values(ids))) {
		t.Fatalf("open articles %v, want the thread's %v", got, ids)
	}
	if !strings.Contains(m.View(), "thread ") {
		t.Error("the status does not name the open thread")
	}
	m = send(m, keys("0")...)
	if !strings.Contains(m.View(), "▶") {
		t.Error("the Stories view does not mark what is open")
	}
	// The Everything row opens everything.
	m.stories.cursor = 0
	m = send(m, keys("enter")...)
	if len(m.ctx.Data.Corpus.Articles) != len(c.Articles) {
		t.Fatalf("the Everything row opened %d of %d articles", len(m.ctx.Data.Corpus.Articles), len(c.Articles))
	}
}

// TestStoriesOpenRunsInACmd checks that enter only asks for the scope:
// the analysis runs in the Cmd, not in Update.
func TestStoriesOpenRunsInACmd(t *testing.T) {
	c, a := analysedCorpus(t, true)
	m := newTestModel(t, c, a, 120, 40)
	m = storyRowAt(t, m, 1)
	nm, cmd := m.Update(keyMsg("enter"))
	m = *nm.(*Model)
	if cmd == nil || len(m.ctx.Data.Corpus.Articles) != len(c.Articles) {
		t.Fatal("enter changed what is open inside Update")
	}
	msg := cmd()
	nm, cmd = m.Update(msg)
	m = *nm.(*Model)
	if m.tasks.task.seq == 0 || !strings.Contains(m.View(), "opening story") {
		t.Fatalf("no progress while the story opens:\n%s", m.View())
	}
	m = runCmd(m, cmd, 0)
	if len(m.ctx.Data.Corpus.Articles) == len(c.Articles) || m.tasks.task.seq != 0 {
		t.Fatal("the story never opened")
	}
}

// storyFixture is the test corpus plus two articles of another event,
// with a hand-made comparison of two threads and three stories.
func storyFixture() (*corpus.Corpus, *Findings) {
	c, a := testCorpus()
	a4 := makeArticle("a4", "Delta Post", "Floods close the river port", "2023-07-04",
		para{corpus.RoleBody, []string{"Floods closed the river port on Tuesday."}})
	a5 := makeArticle("a5", "Alpha News", "River port reopens after floods", "2023-07-09",
		para{corpus.RoleBody, []string{"The river port reopened on Sunday after the floods."}})
	c.Articles = append(c.Articles, a4, a5)
	day := func(s string) *time.Time {
		t, _ := time.Parse("2006-01-02 15:04", s)
		return &t
	}
	res := &compare.Result{
		Threads: []compare.Thread{
			{ID: "t-geneva", Label: "Geneva, ministers, treaty", Stories: []string{"s-talks", "s-june"}},
			{ID: "t-floods", Label: "river, port, floods", Stories: []string{"s-port"}},
		},
		Stories: []compare.Story{
			{ID: "s-talks", Thread: "t-geneva", Label: "Ministers meet in Geneva over missile treaty", Articles: []string{"a1", "a3"},
				Start: day("2024-05-01 09:00"), End: day("2024-05-01 09:00"), Outlets: []string{"Alpha News", "Gamma Times"},
				MissingOutlets: []string{"Beta Wire", "Delta Post"}, First: &compare.FirstReport{Article: "a1", Outlet: "Alpha News", Published: day("2024-05-01 09:00")}},
			{ID: "s-june", Thread: "t-geneva", Label: "Geneva talks end with promise of June meeting", Articles: []string{"a2"},
				Start: day("2024-05-02 10:30"), End: day("2024-05-02 10:30"), Outlets: []string{"Beta Wire"},
				MissingOutlets: []string{"Alpha News", "Delta Post", "Gamma Times"}, First: &compare.FirstReport{Article: "a2", Outlet: "Beta Wire", Published: day("2024-05-02 10:30")}},
			{ID: "s-port", Thread: "t-floods", Label: "Floods close the river port", Articles: []string{"a4", "a5"},
				Start: day("2023-07-04 08:00"), End: day("2023-07-09 12:00"), Outlets: []string{"Delta Post", "Alpha News"},
				MissingOutlets: []string{"Beta Wire", "Gamma Times"}, First: &compare.FirstReport{Article: "a4", Outlet: "Delta Post", Published: day("2023-07-04 08:00")}},
		},
		Facts: a.Facts,
	}
	a.Comparison = res
	return c, a
}

// Golden Stories views. Regenerate with go test ./ui/ -run TestGoldenStories -update
func TestGoldenStories(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		for _, f := range []struct{ name, keys string }{
			{"stories", ""},
			{"stories-story", "j j"},
			{"stories-merge", "j j M"},
			{"stories-split", "j j s space"},
			{"read-merged", "1"},
		} {
			name := fmt.Sprintf("%s-%dx%d", f.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				c, a := storyFixture()
				m := newTestModel(t, c, a, sz[0], sz[1])
				if m.view != viewStories {
					t.Fatalf("two threads open in view %d", m.view)
				}
				m = send(m, keys(f.keys)...)
				golden.Assert(t, m.View(), name+".golden")
			})
		}
	}
}

func TestStoriesAnySize(t *testing.T) {
	c, a := storyFixture()
	m := newTestModel(t, c, a, 80, 24)
	for _, sz := range [][2]int{{40, 12}, {41, 10}, {60, 15}, {200, 50}, {80, 24}} {
		m = send(m, teaSize(sz[0], sz[1]))
		for _, k := range []string{"0", "j", "l", "G", "k", "h", "m", "j", "esc", "s", "space", "esc", "1", "C", "c", "C", "s", "0"} {
			m = sendNoCmd(m, keyMsg(k))
			checkFrame(t, m, sz[0], sz[1])
		}
	}
}

func teaSize(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

// checkFrame fails when the view is not exactly w×h cells.
func checkFrame(t testing.TB, m Model, w, h int) {
	t.Helper()
	lines := strings.Split(m.View(), "\n")
	if len(lines) != h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Fatalf("%dx%d: line %d is %d wide: %q", w, h, i, lw, l)
		}
	}
}

// TestInitialsAgreeWithTheFactsView: the embedded corpus's Stories view
// headed Al Arabiya's column AA, which the facts view uses for Anadolu
// Agency (the outlet table's short name); the table's names come first.
func TestInitialsAgreeWithTheFactsView(t *testing.T) {
	c := corpus.Default()
	d := NewData(c, &Findings{})
	got := initials([]string{"Al Arabiya", "Anadolu Agency", "Sputnik", "TASS", "Tasnim"}, tableShorts(c))
	for o, in := range got {
		if short := d.short[o]; ansi.StringWidth(short) == 2 && in != short {
			t.Errorf("%s: %q in the Stories view, %q in the facts view", o, in, short)
		}
	}
	if got["Al Arabiya"] == got["Anadolu Agency"] {
		t.Errorf("two outlets share %q", got["Al Arabiya"])
	}
}

// TestInitialsStayUniqueForManyOutlets: a corpus of 40 outlets named
// "Outlet 00" to "Outlet 39" headed 29 Stories columns "??" (and named
// 29 first reports so), since every name gave the same few candidates;
// ECB+'s 635 web domains gave several "??" too. Numbered names take their
// number, and any name finds two cells of its own.
func TestInitialsStayUniqueForManyOutlets(t *testing.T) {
	var numbered []string
	for i := range 40 {
		numbered = append(numbered, fmt.Sprintf("Outlet %02d", i))
	}
	var domains []string
	for _, a := range []string{"abc", "abclocal", "abcnews", "access", "accounting", "adn", "aha", "ajc", "al", "alaska"} {
		for _, b := range []string{"news", "post", "times", "daily", "wire", "herald", "tribune", "online", "blog", "radio"} {
			for _, tld := range []string{".com", ".co.uk", ".net", ".org", ".blogspot.nl", ".go.com", ".gov"} {
				domains = append(domains, a+b+tld)
			}
		}
	}
	for _, outlets := range [][]string{numbered, domains} {
		got := initials(outlets, nil)
		seen := map[string]string{}
		for _, o := range outlets {
			in := got[o]
			if ansi.StringWidth(in) != 2 || strings.Contains(in, "?") {
				t.Errorf("%s: initials %q", o, in)
			}
			if other, ok := seen[in]; ok {
				t.Errorf("%s and %s share %q", other, o, in)
			}
			seen[in] = o
		}
	}
	if got := initials([]string{"新华社 Xinhua News Agency"}, nil); got["新华社 Xinhua News Agency"] != "新" {
		t.Errorf("a name in Chinese: %q, want its first character", got["新华社 Xinhua News Agency"])
	}
	if got := initials(numbered, nil); got["Outlet 23"] != "23" || got["Outlet 00"] != "00" {
		t.Errorf("numbered outlets: %q, %q; want their numbers", got["Outlet 00"], got["Outlet 23"])
	}
}

// TestStoryDetailsBoundTheOutletLists: in ECB+ (635 outlets) a story's
// "Not covered:" listed 620 names and filled the details to their last
// line, cut without a word; its articles never showed. Each list of
// outlets now takes at most two lines and says how many more there are,
// and a list of articles cut short says so too.
func TestStoryDetailsBoundTheOutletLists(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("0")...)
	for i := range 600 {
		m.stories.outlets = append(m.stories.outlets, fmt.Sprintf("outlet-%03d.example.com", i))
	}
	m = storyRowAt(t, m, 1)
	v := ansi.Strip(m.View())
	_, details, ok := strings.Cut(v, strings.Repeat("─", 80))
	if !ok {
		t.Fatalf("no details:\n%s", v)
	}
	if !strings.Contains(details, "and 600 more") && !regexpMore.MatchString(details) {
		t.Errorf("the outlets not covering the story do not say how many more:\n%s", details)
	}
	if !strings.Contains(details, "Northwind Press · ") {
		t.Errorf("no article of the story in its details:\n%s", details)
	}
	var notCovered int
	for _, l := range strings.Split(details, "\n") {
		if strings.Contains(l, "outlet-") {
			notCovered++
		}
	}
	if notCovered > 2 {
		t.Errorf("the outlets not covering the story take %d lines:\n%s", notCovered, details)
	}
	// A story of more articles than lines says how many more.
	m = newTestModel(t, c, a, 80, 18)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 1)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "more articles") {
		t.Errorf("6 articles in the details at 80x18 without a word on those cut:\n%s", v)
	}
}

var regexpMore = regexp.MustCompile(`and \d+ more`)

func TestWrapList(t *testing.T) {
	items := []string{"alpha.com", "beta.org", "gamma.net", "delta.co.uk", "epsilon.com"}
	for _, tc := range []struct {
		w, max int
		want   []string
	}{
		{80, 2, []string{"Not covered: alpha.com, beta.org, gamma.net, delta.co.uk, epsilon.com"}},
		{30, 1, []string{"Not covered: 5 outlets"}},
		{40, 1, []string{"Not covered: alpha.com and 4 more"}},
		{40, 2, []string{"Not covered: alpha.com, beta.org,", "gamma.net, delta.co.uk, epsilon.com"}},
		{30, 2, []string{"Not covered: alpha.com,", "beta.org, gamma.net and 2 more"}},
		{12, 1, []string{"Not covered…"}},
	} {
		got := wrapList("Not covered: ", items, tc.w, tc.max)
		if !slices.Equal(got, tc.want) {
			t.Errorf("width %d, %d lines: %q, want %q", tc.w, tc.max, got, tc.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tc.w {
				t.Errorf("width %d: %q is wider", tc.w, l)
			}
		}
	}
}

// TestUndatedStoryHasNoFirstReport: a story none of whose articles is
// dated (ECB+ has dozens) named an outlet in the "1st" column and
// "First: unknown (11_11ecb) (undated)" in its details: the first article
// by name, not the first report. Who was first is now not known.
func TestUndatedStoryHasNoFirstReport(t *testing.T) {
	c, a := analysedCorpus(t, false)
	cp := *a
	res := *a.Comparison
	res.Stories = slices.Clone(res.Stories)
	for i := range res.Stories {
		f := *res.Stories[i].First
		f.Published = nil
		res.Stories[i].First = &f
	}
	cp.Comparison = &res
	m := newTestModel(t, c, &cp, 100, 30)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 1)
	v := ansi.Strip(m.View())
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "NP  Death toll") {
			t.Errorf("an undated story names a first report: %q", l)
		}
	}
	if !strings.Contains(v, "First: not known (no article is dated)") {
		t.Errorf("the details of an undated story name a first report:\n%s", v)
	}
}

// TestCoverageColumnsStayFull: at 60 columns the Stories view showed 4 of
// 6 outlets; l five times paged on to "outlets 6-6/6", one outlet, and
// widening the window to 200 kept it so, where all six had room. The
// facts view did the same. The window of outlets now stops at the last
// and a wider window shows all that fit.
func TestCoverageColumnsStayFull(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 60, 20)
	m = send(m, keys("0 l l l l l")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "(outlets 3-6/6") {
		t.Errorf("paged past the last outlet at 60 columns:\n%s", v)
	}
	m = send(m, teaSize(200, 30))
	if v := ansi.Strip(m.View()); strings.Contains(v, "(outlets") || !strings.Contains(v, "CW EN HD LH NP VT") {
		t.Errorf("widened to 200, the coverage does not show every outlet:\n%s", v)
	}
	m = newTestModel(t, c, a, 60, 20)
	m = send(m, keys("2 l l l l l")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "(outlets 6-6/6") {
		t.Errorf("the facts view paged past the last outlet:\n%s", v)
	}
	m = send(m, teaSize(200, 30))
	if v := ansi.Strip(m.View()); strings.Contains(v, "(outlets") {
		t.Errorf("widened to 200, the facts view does not show every outlet:\n%s", v)
	}
}

// TestStoryEditAt40x12: the split dialog's question, three lines at 40
// columns, lost its end ("…into a new story?") without an ellipsis, and
// of story 1's six articles five showed with nothing saying there was a
// sixth below.
func TestStoryEditAt40x12(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 40, 12)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 1)
	m = send(m, keys("s")...)
	v := ansi.Strip(m.View())
	lines := strings.Split(v, "\n")
	if l := strings.TrimRight(lines[2], " "); !strings.HasSuffix(l, "…") {
		t.Errorf("the question's last line %q is cut without an ellipsis:\n%s", l, v)
	}
	if !strings.Contains(v, "1–5 of 6 ↓") {
		t.Errorf("the dialog does not say which articles are on screen:\n%s", v)
	}
	checkFrame(t, m, 40, 12)
}

// TestCoverageShowsTheBusiestOutletsFirst: when the coverage cannot show
// every outlet, ECB+'s first page by name (abc.net.au, abclocal.go.com…,
// one story each) was nine columns of dots over every story; the outlets
// that covered the most stories now come first (bbc.co.uk, yahoo.com:
// nine stories each). All on screen, they stay by name.
func TestCoverageShowsTheBusiestOutletsFirst(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 60, 20)
	m = send(m, keys("0")...)
	v := ansi.Strip(m.View())
	// Eastgate News Agency and Lakeside Herald each missed a story.
	if !strings.Contains(v, " CW HD NP VT ") || !strings.Contains(v, "6 outlets, busiest") {
		t.Errorf("four of six outlets on screen, not the four that covered both stories:\n%s", v)
	}
	m = send(m, teaSize(120, 30))
	if v := ansi.Strip(m.View()); !strings.Contains(v, " CW EN HD LH NP VT ") {
		t.Errorf("every outlet on screen, not by name:\n%s", v)
	}
}

// TestFactsShowTheBusiestOutletsFirst: when the facts view cannot show
// every outlet's column, those carrying the most facts come first (on
// ECB+, 635 outlets, the first page by name was outlets of one fact
// each: rows of dots); with every column on screen the order stays.
func TestFactsShowTheBusiestOutletsFirst(t *testing.T) {
	c, a := analysedCorpus(t, false)
	d := NewData(c, a)
	carried := map[string]int{}
	for _, outs := range d.factOutlets {
		for o, in := range outs {
			if in {
				carried[o]++
			}
		}
	}
	busiest := slices.Clone(d.Outlets)
	slices.SortStableFunc(busiest, func(x, y string) int { return carried[y] - carried[x] })
	if carried[busiest[0]] == carried[busiest[len(busiest)-1]] {
		t.Fatal("every outlet carries as many facts: the test checks nothing")
	}
	m := newTestModel(t, c, a, 40, 20) // four outlet columns of six
	m = send(m, keys("2")...)
	v := ansi.Strip(m.View())
	var want strings.Builder
	for _, o := range busiest[:4] {
		want.WriteString(fit(d.short[o], factCellW))
	}
	if !strings.Contains(v, want.String()) {
		t.Errorf("the four outlet columns are not those carrying the most facts (%q):\n%s", want.String(), v)
	}
	m = send(m, teaSize(200, 30))
	want.Reset()
	for _, o := range d.Outlets {
		want.WriteString(fit(d.short[o], factCellW))
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, want.String()) {
		t.Errorf("every column on screen, not in the corpus's order (%q):\n%s", want.String(), v)
	}
}
