package ui

import (
	"cmp"
	"fmt"
	"slices"
	"sort"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// A library's stored stories, shown first. Reading a library's articles
// and analysing them takes seconds; the stories the library assigned as
// the articles arrived are in its article records. The start-up Cmd reads
// them first (Library.StoredStories, no text) and the Stories view draws
// them, its rows grouped by thread as always, while the articles are read
// and analysed in the background, with the progress in the status line.
// Stories cannot be opened or corrected yet, and the other views wait
// (each says so when its key is pressed); / searches the library. When
// the analysis is done, the Stories view shows the analysed stories, the
// cursor on the same story when the analysis found it too (the same id:
// the same articles), else on the top row.

// storedMsg carries the stories a library stored, read before its
// articles.
type storedMsg struct{ s *StoredStories }

// storedData is the Data the Stories view draws stored stories from: the
// articles' records (no text, no sentences) and a comparison holding only
// the threads and stories, built as compare builds them: threads in order
// of their first article, stories within a thread by publication, each
// story's articles in corpus order, its outlets in order of first report.
func storedData(s *StoredStories) *Data {
	c := &corpus.Corpus{Name: s.Name, Articles: s.Articles}
	at := make(map[string]int, len(s.Articles))
	known := map[string]bool{}
	for i, a := range s.Articles {
		at[a.ID] = i
		if a.Outlet != "" {
			known[a.Outlet] = true
		}
	}
	outlets := make([]string, 0, len(known))
	for o := range known {
		outlets = append(outlets, o)
	}
	sort.Strings(outlets)
	res := &compare.Result{}
	first := map[string]int{} // thread id → its first article
	byThread := map[string][]string{}
	for _, ss := range s.Stories {
		var idx []int
		for _, id := range ss.Articles {
			if i, ok := at[id]; ok {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		slices.Sort(idx)
		group := make([]*corpus.Article, len(idx))
		for k, i := range idx {
			group[k] = s.Articles[i]
		}
		st := compare.NewStory(ss.ID, ss.Thread, group, outlets)
		st.Label = ss.Label
		if st.Label == "" {
			st.Label = st.First.Article
		}
		if fi, ok := first[st.Thread]; !ok || idx[0] < fi {
			first[st.Thread] = idx[0]
		}
		byThread[st.Thread] = append(byThread[st.Thread], st.ID)
		res.Stories = append(res.Stories, st)
	}
	story := map[string]*compare.Story{}
	for i := range res.Stories {
		story[res.Stories[i].ID] = &res.Stories[i]
	}
	for id, sts := range byThread {
		slices.SortStableFunc(sts, func(a, b string) int {
			x, y := story[a], story[b]
			switch {
			case x.Start == nil && y.Start != nil:
				return 1
			case x.Start != nil && y.Start == nil:
				return -1
			case x.Start != nil && !x.Start.Equal(*y.Start):
				return x.Start.Compare(*y.Start)
			}
			return cmp.Compare(a, b)
		})
		// A stored thread has no terms of its own: its first story names it.
		res.Threads = append(res.Threads, compare.Thread{ID: id, Label: story[sts[0]].Label, Stories: sts})
	}
	slices.SortFunc(res.Threads, func(a, b compare.Thread) int {
		return cmp.Or(cmp.Compare(first[a.ID], first[b.ID]), cmp.Compare(a.ID, b.ID))
	})
	return NewData(c, &Findings{Comparison: newestFirst(res)})
}

// showStored draws a library's stored stories while the analysis runs.
func (m *Model) showStored(s *StoredStories) tea.Cmd {
	if m.loaded || s == nil || len(s.Stories) == 0 {
		return nil // nothing stored: the start-up screen stays
	}
	d := storedData(s)
	m.ctx.Data, m.ctx.All = d, d
	m.ctx.lib = &libState{src: m.opts.Library, total: s.Total, versions: s.Versions}
	m.stored = true
	m.view = viewStories
	st := &storiesModel{ctx: m.ctx, stored: true}
	st.refresh()
	m.pages = pages{stories: st}
	m.pages.byID[viewStories] = st
	waitingViews(m.ctx.Keys, false)
	if m.loading.stage == "starting" {
		m.loading.stage = "reading the articles" // what comes next
	}
	return m.setSize(m.width, m.height)
}

// waitingViews disables (on false) or enables again the keys of the views
// that wait for the analysis, so that the tab line and the help show
// them unavailable. The notes view has its own: the notes file opens
// after the analysis.
func waitingViews(k *KeyMap, on bool) {
	for _, b := range []*key.Binding{&k.ViewRead, &k.ViewFacts, &k.ViewOutlets, &k.ViewProblems} {
		b.SetEnabled(on)
	}
}

// storedKey answers, while the stored stories are shown, the keys of what
// waits for the analysis: the other views and the notes keys. ok is
// false for any other key.
func storedKey(ctx *Context, msg tea.KeyMsg) (tea.Cmd, bool) {
	k := ctx.Keys
	has := func(b key.Binding) bool { return slices.Contains(b.Keys(), msg.String()) }
	for _, t := range tabOrder {
		if t.id != viewStories && has(t.key(k)) {
			return say(fmt.Sprintf("the %s view opens when the analysis is done", t.label)), true
		}
	}
	for _, b := range everyPageNotesKeys(ctx) {
		if has(b) {
			return say("the notes open when the analysis is done"), true
		}
	}
	return nil, false
}

// storedStatus is the status line's information while the stored stories
// are shown: the spinner, the stage of the reading and analysis under way
// and how far it is ("⣽ linking sentences 12/250").
func (l loadingModel) storedStatus() string {
	count := ""
	if l.total > 0 {
		count = fmt.Sprintf(" %d/%d", l.done, l.total)
	}
	return l.spin.View() + " " + l.stage + count
}

// follow puts the cursor on the row of prev's current story or thread
// when this list has it (the same id: the same articles), at the same
// height on screen, else on the top row.
func (s *storiesModel) follow(prev *storiesModel) {
	s.cursor, s.top = 0, 0
	if prev.cursor >= 0 && prev.cursor < len(prev.rows) && s.result() != nil {
		r := prev.rows[prev.cursor]
		thread := ""
		if r.kind == rowThread {
			thread = prev.result().Threads[r.thread].ID
		}
		for i, x := range s.rows {
			same := x.kind == r.kind && (x.kind == rowAll ||
				x.kind == rowStory && x.story == r.story ||
				x.kind == rowThread && s.result().Threads[x.thread].ID == thread)
			if same {
				s.cursor, s.top = i, max(i-(prev.cursor-prev.top), 0)
				break
			}
		}
	}
	s.scroll()
}

// waitForAnalysis is what a stored story says when asked to open or be
// corrected.
func (s storiesModel) waitForAnalysis(what string) tea.Cmd {
	return say(what + " when the analysis is done")
}

// storedHelp is the Stories view's help while it shows stored stories.
func (s storiesModel) storedHelp() [][]key.Binding {
	k := s.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp},
		{helpAs(k.NextFact, "next thread"), helpAs(k.PrevFact, "previous thread"), helpAs(k.Left, "outlets left"), helpAs(k.Right, "outlets right")},
		{helpAs(s.ctx.Keys.Stories.Open, "open (when analysed)")},
	}
}

// storedTitle is the Stories view's first line over stored stories.
func (s storiesModel) storedTitle() string {
	res := s.result()
	all := s.ctx.All
	in := map[string]bool{}
	for _, st := range res.Stories {
		for _, id := range st.Articles {
			in[id] = true
		}
	}
	t := fmt.Sprintf("%s in %s as the library stored them · %s · %s", plural(len(res.Stories), "story"), plural(len(res.Threads), "thread"),
		plural(len(all.Corpus.Articles), "article"), plural(len(s.outlets), "outlet"))
	if n := len(all.Corpus.Articles) - len(in); n > 0 {
		t += fmt.Sprintf(" · %d without a story", n)
	}
	return t
}

// rowName names a row in a message: "story 3", "thread 2", "everything".
func (s storiesModel) rowName(r storyRow) string {
	switch r.kind {
	case rowStory:
		return fmt.Sprintf("story %d", r.num)
	case rowThread:
		return fmt.Sprintf("thread %d", r.thread+1)
	}
	return "everything"
}
