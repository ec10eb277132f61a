package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/library"
)

// storedFixture is what a library stored about storyFixture's articles:
// their records without text, and stories grouped not quite as the
// analysis groups them: s-talks the same (a1, a3), a2 a story of its own
// thread, the port story (a4, a5) with a label carrying an escape
// sequence; a2 was edited twice.
func storedFixture(c *corpus.Corpus) *StoredStories {
	s := &StoredStories{Name: "library /nonexistent/parallax-test/lib.db", Total: 50000, Versions: map[string]int{"a2": 3}}
	for _, a := range c.Articles {
		s.Articles = append(s.Articles, &corpus.Article{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Published: a.Published, OutletInfo: a.OutletInfo})
	}
	pub := func(id string) *time.Time {
		for _, a := range c.Articles {
			if a.ID == id {
				return a.Published
			}
		}
		return nil
	}
	s.Stories = []library.StoredStory{
		{ID: "s-june-alone", Thread: "t-june", Articles: []string{"a2"}, Outlets: []string{"Beta Wire"},
			Label: "Geneva talks end with promise of June meeting", Start: pub("a2"), End: pub("a2")},
		{ID: "s-talks", Thread: "t-geneva", Articles: []string{"a1", "a3"}, Outlets: []string{"Alpha News", "Gamma Times"},
			Label: "Ministers meet in Geneva over missile treaty", Start: pub("a1"), End: pub("a1")},
		{ID: "s-port", Thread: "t-floods", Articles: []string{"a4", "a5"}, Outlets: []string{"Delta Post", "Alpha News"},
			Label: "Floods close the river port\x1b[31m red", Start: pub("a4"), End: pub("a5")},
	}
	return s
}

// storedModel starts a reader at w×h over a fake library of storyFixture
// whose analysis waits for release: it returns the model showing the
// stored stories and the channel the start-up work's loadedMsg arrives
// on once released.
func storedModel(t testing.TB, ctx *Context, w, h int) (m Model, release chan struct{}, loaded chan tea.Msg) {
	t.Helper()
	c, a := storyFixture()
	cc := *c
	cc.Name = "library /nonexistent/parallax-test/lib.db"
	release = make(chan struct{})
	lib := &fakeLibrary{c: &cc, stored: storedFixture(c)}
	opts := Options{Width: w, Height: h, Library: lib,
		Findings: func(context.Context, *corpus.Corpus, Progress) (*Findings, error) {
			<-release
			return a, nil
		}}
	m = newModel(context.Background(), opts, ctx, termenv.Ascii)
	m.flashFor = time.Millisecond
	loaded = make(chan tea.Msg, 1)
	go func() { loaded <- m.loading.work(context.Background(), opts, func(string, int, int) {}) }()
	var first tea.Msg
	select {
	case first = <-m.loading.events:
	case <-time.After(10 * time.Second):
		t.Fatal("the stored stories never came")
	}
	if _, ok := first.(storedMsg); !ok {
		t.Fatalf("the start-up work sent %T first, want the stored stories", first)
	}
	m = sendNoCmd(m, first, progressMsg{"linking sentences", 3, 10})
	if !m.stored || m.loaded || m.view != viewStories {
		t.Fatalf("not showing the stored stories (stored %v, loaded %v, view %d)", m.stored, m.loaded, m.view)
	}
	return m, release, loaded
}

// Golden stored Stories views, drawn before the analysis is done.
// Regenerate with go test ./ui/ -run TestGoldenStoredStories -update
func TestGoldenStoredStories(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		for _, f := range []struct{ name, keys string }{
			{"stored", ""},
			{"stored-story", "j j"},
		} {
			name := fmt.Sprintf("%s-%dx%d", f.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				m, release, _ := storedModel(t, asciiContext(), sz[0], sz[1])
				defer close(release)
				m = sendNoCmd(m, keys(f.keys)...)
				v := m.View()
				checkFrame(t, m, sz[0], sz[1])
				if strings.Contains(v, "\x1b[31m") {
					t.Fatalf("an escape sequence of a stored label reached the screen:\n%q", v)
				}
				golden.Assert(t, v, name+".golden")
			})
		}
	}
}

// TestStoredStoriesShowWhatTheyAre: the stored view groups the stories by
// thread, names them stored, shows the analysis's progress, and says that
// a story, a correction, another view and the notes wait for the
// analysis; / searches the library.
func TestStoredStoriesShowWhatTheyAre(t *testing.T) {
	m, release, _ := storedModel(t, asciiContext(), 100, 30)
	defer close(release)
	v := m.View()
	for _, want := range []string{"3 stories in 3 threads as the library stored them", "5 articles", "STORIES",
		"linking sentences 3/10", "enter open (when analysed)", "Everything", "T1", "T3",
		"Floods close the river port", "Ministers meet in Geneva"} {
		if !strings.Contains(v, want) {
			t.Errorf("the stored view lacks %q:\n%s", want, v)
		}
	}
	// A library's threads newest first (newestFirst): the port story, the
	// oldest published, is thread 3.
	var order []string
	for _, r := range m.stories.rows {
		if r.kind == rowStory {
			order = append(order, r.story)
		}
	}
	if strings.Join(order, " ") != "s-june-alone s-talks s-port" {
		t.Errorf("stories in order %v, want s-june-alone s-talks s-port", order)
	}
	for _, c := range []struct{ keys, want string }{
		{"j j enter", "story 1 opens when the analysis is done"},
		{"M", "stories can be corrected when the analysis is done"},
		{"1", "the Read view opens when the analysis is done"},
		{"3", "the Outlets view opens when the analysis is done"},
		{"u", "the notes open when the analysis is done"},
	} {
		ks := keys(c.keys)
		m = sendNoCmd(m, ks[:len(ks)-1]...)
		nm, cmd := m.Update(ks[len(ks)-1])
		m = *nm.(*Model)
		if said, _ := runOnce(cmd).(statusMsg); !strings.Contains(string(said), c.want) {
			t.Errorf("%s: the status says %q, want %q", c.keys, said, c.want)
		}
		if m.view != viewStories || m.ctx.dialog != nil || m.loaded {
			t.Fatalf("%s: left the stored view (view %d)", c.keys, m.view)
		}
	}
	m = send(m, keyMsg("/"))
	if _, ok := m.ctx.dialog.(*libSearch); !ok {
		t.Fatalf("/ opened %T, want the library search", m.ctx.dialog)
	}
	m = send(m, keyMsg("esc"), keyMsg("?"))
	help := m.View()
	if !strings.Contains(help, "open (when analysed)") || strings.Contains(help, "merge with") {
		t.Errorf("the help does not tell the stored view's keys:\n%s", help)
	}
}

// TestStoredStoriesGiveWayToTheAnalysed: when the analysis is done the
// Stories view shows the analysed stories, the cursor on the same story
// when the analysis found it (same id), else on the top row.
func TestStoredStoriesGiveWayToTheAnalysed(t *testing.T) {
	for _, c := range []struct {
		name, story string
		want        string // the story under the cursor afterwards, "" for the top row
	}{
		{"same story", "s-talks", "s-talks"},
		{"story not found", "s-june-alone", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, release, loaded := storedModel(t, asciiContext(), 100, 30)
			for i, r := range m.stories.rows {
				if r.story == c.story {
					m.stories.cursor = i
				}
			}
			select {
			case <-loaded:
				t.Fatal("the analysis finished before it was released")
			default:
			}
			close(release)
			msg := <-loaded
			m = sendNoCmd(m, msg)
			if !m.loaded || m.stored || m.stories.stored || m.view != viewStories {
				t.Fatalf("not on the analysed Stories view (loaded %v, stored %v, view %d)", m.loaded, m.stored, m.view)
			}
			v := m.View()
			if !strings.Contains(v, "3 stories in 2 threads · 5 articles") || strings.Contains(v, "as the library stored them") || strings.Contains(v, "linking sentences") {
				t.Fatalf("the view is not the analysed one:\n%s", v)
			}
			got := m.stories.rows[m.stories.cursor]
			if c.want == "" && m.stories.cursor != 0 || c.want != "" && got.story != c.want {
				t.Fatalf("cursor on row %d (%+v), want story %q", m.stories.cursor, got, c.want)
			}
			for _, k := range []string{"1", "2", "3"} {
				nm, cmd := m.Update(keyMsg(k))
				m = *nm.(*Model)
				if said, ok := runOnce(cmd).(statusMsg); ok && strings.Contains(string(said), "analysis") {
					t.Fatalf("%s still waits for the analysis: %q", k, said)
				}
			}
			if m.view != viewOutlets {
				t.Fatalf("the views do not switch after the analysis (view %d)", m.view)
			}
		})
	}
}

// TestNothingStoredKeepsTheStartScreen: a library that stored no story
// shows the start-up screen until its analysis is done, as before.
func TestNothingStoredKeepsTheStartScreen(t *testing.T) {
	c, _ := storyFixture()
	m := newModel(context.Background(), Options{Width: 80, Height: 24}, asciiContext(), termenv.Ascii)
	m = sendNoCmd(m, storedMsg{&StoredStories{Name: "library x", Articles: c.Articles, Total: 5}})
	if m.stored || !strings.Contains(m.View(), "starting") {
		t.Fatalf("no stories stored, yet the start screen is gone:\n%s", m.View())
	}
}

// TestStoredStoriesAnySize: every key of the stored view keeps the frame
// whole at any size.
func TestStoredStoriesAnySize(t *testing.T) {
	m, release, _ := storedModel(t, asciiContext(), 80, 24)
	defer close(release)
	for _, sz := range [][2]int{{40, 12}, {41, 10}, {60, 15}, {200, 50}, {80, 24}} {
		m = sendNoCmd(m, teaSize(sz[0], sz[1]))
		for _, k := range []string{"j", "l", "G", "k", "h", "enter", "m", "]", "[", "g", "?", "esc", "0"} {
			m = sendNoCmd(m, keyMsg(k))
			checkFrame(t, m, sz[0], sz[1])
		}
	}
}

// runOnce runs a Cmd and returns its message (nil for none).
func runOnce(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

// TestThreadFirstReportInLibraryOrder: a library lists a thread's stories
// newest first, and the thread's "1st" is still its earliest report, not
// the newest story's.
func TestThreadFirstReportInLibraryOrder(t *testing.T) {
	day := func(s string) *time.Time { d, _ := time.Parse("2006-01-02", s); return &d }
	res := &compare.Result{
		Threads: []compare.Thread{{ID: "t", Stories: []string{"old", "new"}}},
		Stories: []compare.Story{
			{ID: "old", Thread: "t", Start: day("2023-03-14"), End: day("2023-03-15"), First: &compare.FirstReport{Outlet: "Northwind Press", Published: day("2023-03-14")}},
			{ID: "new", Thread: "t", Start: day("2024-02-02"), End: day("2024-02-03"), First: &compare.FirstReport{Outlet: "Crossroads Wire", Published: day("2024-02-02")}},
		},
	}
	ordered := newestFirst(res)
	if got := ordered.Threads[0].Stories; got[0] != "new" || res.Threads[0].Stories[0] != "old" {
		t.Fatalf("newestFirst: %v (the original %v must not change)", got, res.Threads[0].Stories)
	}
	ctx := asciiContext()
	ctx.All = NewData(&corpus.Corpus{}, &Findings{Comparison: ordered})
	s := storiesModel{ctx: ctx}
	if _, first, _, _ := s.rowCoverage(storyRow{kind: rowThread, thread: 0}); first != "Northwind Press" {
		t.Errorf("the thread's first report: %q, want Northwind Press (2023)", first)
	}
}
