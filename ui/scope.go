package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// What the reader has open: everything, one thread or one story. Opening
// a story or a thread cuts the comparison down to its articles
// (compare.Result.Within) and runs the framing analysis on them, in a
// tea.Cmd; the read, facts and outlets views then cover only what is open.

// scopeKind says what a scope is.
type scopeKind int

const (
	scopeAll scopeKind = iota
	scopeThread
	scopeStory
)

// scope is what the reader has open.
type scope struct {
	kind     scopeKind
	id       string   // story or thread id
	articles []string // article ids; nil for everything
}

// openScopeMsg asks the root to open a story or thread (or everything).
type openScopeMsg struct{ sc scope }

// scopeOpenedMsg carries the data of an opened scope. all is set when the
// whole corpus was analysed again (after a story correction).
type scopeOpenedMsg struct {
	seq  int
	sc   scope
	all  *Data
	data *Data
	what string // what was done, for the status line
	err  error
}

// taskProgressMsg reports a stage of the background task seq.
type taskProgressMsg struct {
	seq         int
	stage       string
	done, total int
	events      chan tea.Msg
}

// taskState is the background work under way (opening a scope, grouping
// the stories again); seq 0 when there is none.
type taskState struct {
	seq         int
	what        string
	stage       string
	done, total int
	cancel      context.CancelFunc
	// regroup is set when the task groups the stories again, applying
	// corrections.
	regroup     bool
	corrections []compare.Correction
}

// startTask runs work in a tea.Cmd, reporting its progress in the status
// line; a task started later cancels it and its result is dropped.
func (m *Model) startTask(what string, work func(ctx context.Context, seq int, report Progress) tea.Msg) tea.Cmd {
	if m.task.cancel != nil {
		m.task.cancel()
	}
	m.taskSeq++
	seq := m.taskSeq
	ctx, cancel := context.WithCancel(m.bg)
	m.task = taskState{seq: seq, what: what, cancel: cancel}
	events := make(chan tea.Msg, 16)
	report := func(stage string, done, total int) {
		select {
		case events <- taskProgressMsg{seq: seq, stage: stage, done: done, total: total, events: events}:
		default: // never block the work on a slow UI
		}
	}
	run := func() tea.Msg {
		defer close(events)
		return work(ctx, seq, report)
	}
	return tea.Batch(run, waitTask(events))
}

// waitTask returns the next progress report of a task (nil once it ended).
func waitTask(events chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-events
		if !ok {
			return nil
		}
		return msg
	}
}

// taskProgress records a progress report of the running task.
func (m *Model) taskProgress(msg taskProgressMsg) tea.Cmd {
	if msg.seq != m.task.seq {
		return nil // a task that ended or was superseded
	}
	m.task.stage, m.task.done, m.task.total = msg.stage, msg.done, msg.total
	return waitTask(msg.events)
}

// taskStatus describes the running task for the status line ("" when
// none runs).
func (m Model) taskStatus() string {
	t := m.task
	if t.seq == 0 {
		return ""
	}
	s := t.what + "…"
	if t.stage != "" {
		s += " " + t.stage
	}
	if t.total > 0 {
		s += fmt.Sprintf(" %d%%", 100*t.done/t.total)
	}
	return s
}

// openScope opens what the Stories view asked for: everything at once,
// a story or thread in a Cmd.
func (m *Model) openScope(sc scope) tea.Cmd {
	all := m.ctx.All
	if all == nil {
		return nil
	}
	if sc.kind == scopeAll || len(sc.articles) >= len(all.Corpus.Articles) {
		// The whole corpus: nothing to cut down.
		if m.task.cancel != nil {
			m.task.cancel()
			m.task = taskState{}
		}
		sc.articles = nil
		cmd := m.installData(all, sc)
		m.view = viewRead
		return cmd
	}
	what := "opening " + scopeTitle(all, sc)
	return m.startTask(what, func(ctx context.Context, seq int, report Progress) tea.Msg {
		d, err := scopedData(ctx, all, sc.articles, report)
		return scopeOpenedMsg{seq: seq, sc: sc, data: d, err: err}
	})
}

// scopeOpened installs the data of an opened scope.
func (m *Model) scopeOpened(msg scopeOpenedMsg) tea.Cmd {
	if msg.seq != m.task.seq {
		return nil // superseded by a later task
	}
	m.task = taskState{}
	if msg.err != nil {
		if m.bg.Err() != nil {
			return nil
		}
		return m.flash(msg.err.Error())
	}
	if msg.all != nil {
		m.ctx.All = msg.all
	}
	d := msg.data
	if d == nil {
		d = m.ctx.All
	}
	cmd := m.installData(d, msg.sc)
	m.stories.refresh()
	if msg.all == nil {
		m.view = viewRead
	}
	if msg.what != "" {
		what := msg.what
		if m.msg != "" {
			what = m.msg + " · " + what // what was undone, say
		}
		cmd = tea.Batch(cmd, m.flash(what))
	}
	return cmd
}

// installData makes d what the views show: the read view (keeping its
// column settings), facts, outlets, problems and notes are built again
// over it.
func (m *Model) installData(d *Data, sc scope) tea.Cmd {
	prev := m.read
	m.ctx.Data = d
	m.scope = sc
	m.stories.open = sc
	m.read = newReadModel(m.ctx)
	m.read.keepColumns(prev)
	m.facts = newFactsModel(m.ctx)
	m.outlets = newOutletsModel(m.ctx)
	m.problems = newProblemsModel(m.ctx)
	m.notesView = newNotesViewModel(m.ctx)
	if m.ctx.notes != nil {
		m.ctx.notes.marks = buildMarks(d, m.ctx.Styles, m.notes.snap)
		m.notesView.refresh(m.notes.snap)
	}
	m.clearSearch()
	// The list of matches and the Why? panel were of the data replaced.
	m.panelOpen, m.resultsOpen = false, false
	m.ctx.Keys.Stories.Everything.SetEnabled(sc.kind != scopeAll)
	cmd := m.setSize(m.width, m.height)
	if m.view == viewOutlets {
		cmd = tea.Batch(cmd, m.outlets.load())
	}
	return cmd
}

// scopedData is the corpus cut down to the given articles, with the
// comparison restricted to them and the framing analysed on them.
func scopedData(ctx context.Context, all *Data, ids []string, report Progress) (*Data, error) {
	res := all.Analysis.Comparison
	if res == nil {
		return nil, fmt.Errorf("stories were not computed for this corpus")
	}
	sub := subCorpus(all.Corpus, ids)
	report("restricting the facts", 0, 0)
	within := res.Within(all.Corpus, ids, 2)
	a := &Analysis{
		Comparison:  res,
		Corrections: all.Analysis.Corrections,
		Warnings:    slices.Clone(all.Analysis.Warnings),
	}
	addFacts(a, within)
	report("marking framing language", 0, 0)
	fr, err := frame.Analyze(ctx, sub, within, frame.Options{LexiconDir: filepath.Join(userConfigDir(), "lexicons")})
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, err
	case err != nil:
		a.Warnings = append(a.Warnings, fmt.Sprintf("framing analysis failed: %v", err))
	default:
		addFraming(a, fr)
	}
	report("indexing", 0, 0)
	return NewData(sub, a), nil
}

// subCorpus is the corpus with only the given articles, in corpus order;
// the load errors stay, since they are the folder's.
func subCorpus(c *corpus.Corpus, ids []string) *corpus.Corpus {
	keep := make(map[string]bool, len(ids))
	for _, id := range ids {
		keep[id] = true
	}
	sub := &corpus.Corpus{Name: c.Name, Errors: c.Errors}
	for _, a := range c.Articles {
		if keep[a.ID] {
			sub.Articles = append(sub.Articles, a)
		}
	}
	return sub
}

// storyScope and threadScope are the scopes of a story and a thread.
func storyScope(res *compare.Result, st compare.Story) scope {
	return scope{kind: scopeStory, id: st.ID, articles: slices.Clone(st.Articles)}
}

func threadScope(res *compare.Result, th compare.Thread) scope {
	ids, _ := res.ScopeArticles(th.ID)
	return scope{kind: scopeThread, id: th.ID, articles: ids}
}

// storyNumber returns the place (from 1) of story id among all stories, in
// thread order, and their number; 0 when it is not there.
func storyNumber(res *compare.Result, id string) (int, int) {
	n, at := 0, 0
	for _, th := range res.Threads {
		for _, sid := range th.Stories {
			n++
			if sid == id {
				at = n
			}
		}
	}
	return at, n
}

// findStory and findThread look a story or thread up by id.
func findStory(res *compare.Result, id string) (compare.Story, bool) {
	for _, st := range res.Stories {
		if st.ID == id {
			return st, true
		}
	}
	return compare.Story{}, false
}

func findThread(res *compare.Result, id string) (int, compare.Thread, bool) {
	for i, th := range res.Threads {
		if th.ID == id {
			return i, th, true
		}
	}
	return 0, compare.Thread{}, false
}

// scopeTitle names a scope for the header and the status line:
// "story 2/5 · 2019-11-08 · US presents no proof…", "thread 1/2 · …".
func scopeTitle(all *Data, sc scope) string {
	if all == nil || sc.kind == scopeAll || all.Analysis.Comparison == nil {
		if all == nil {
			return "everything"
		}
		return oneLine(all.Corpus.Name)
	}
	res := all.Analysis.Comparison
	switch sc.kind {
	case scopeStory:
		st, ok := findStory(res, sc.id)
		if !ok {
			return "a story"
		}
		at, n := storyNumber(res, sc.id)
		return fmt.Sprintf("story %d/%d · %s · %s", at, n, storyDates(st), oneLine(st.Label))
	case scopeThread:
		i, th, ok := findThread(res, sc.id)
		if !ok {
			return "a thread"
		}
		return fmt.Sprintf("thread %d/%d · %s · %s", i+1, len(res.Threads), threadDates(res, th), oneLine(th.Label))
	}
	return ""
}

// scopeShort names an open story or thread in a few cells ("story 2/5",
// "thread 1/3"); "" for everything.
func scopeShort(all *Data, sc scope) string {
	if all == nil || all.Analysis.Comparison == nil {
		return ""
	}
	res := all.Analysis.Comparison
	switch sc.kind {
	case scopeStory:
		if at, n := storyNumber(res, sc.id); at > 0 {
			return fmt.Sprintf("story %d/%d", at, n)
		}
	case scopeThread:
		if i, _, ok := findThread(res, sc.id); ok {
			return fmt.Sprintf("thread %d/%d", i+1, len(res.Threads))
		}
	}
	return ""
}

// storyDates is a story's dates, short: "2023-03-14", "2023-03-14…03-15",
// "2019-01-16…2024-05-23", "undated".
func storyDates(st compare.Story) string {
	if st.Start == nil {
		return "undated"
	}
	end := st.End
	if end == nil {
		end = st.Start
	}
	return dateRange(st.Start.Format("2006-01-02"), end.Format("2006-01-02"))
}

// threadDates is the date range of a thread's stories.
func threadDates(res *compare.Result, th compare.Thread) string {
	first, last := "", ""
	for _, id := range th.Stories {
		st, ok := findStory(res, id)
		if !ok || st.Start == nil {
			continue
		}
		s, e := st.Start.Format("2006-01-02"), st.Start.Format("2006-01-02")
		if st.End != nil {
			e = st.End.Format("2006-01-02")
		}
		if first == "" || s < first {
			first = s
		}
		if e > last {
			last = e
		}
	}
	if first == "" {
		return "undated"
	}
	return dateRange(first, last)
}

// allDates is the date range of every story.
func allDates(res *compare.Result) string {
	first, last := "", ""
	for _, th := range res.Threads {
		d := threadDates(res, th)
		if d == "undated" {
			continue
		}
		a, b, ok := strings.Cut(d, "…")
		if !ok {
			b = a
		} else if len(b) < 10 {
			b = a[:10-len(b)] + b
		}
		if first == "" || a < first {
			first = a
		}
		if b > last {
			last = b
		}
	}
	if first == "" {
		return ""
	}
	return dateRange(first, last)
}

// dateRange writes two ISO days as a range, dropping what the end shares
// with the start.
func dateRange(a, b string) string {
	switch {
	case a == b:
		return a
	case a[:4] == b[:4]:
		return a + "…" + b[5:]
	}
	return a + "…" + b
}

// reopenScope finds, after the stories were grouped again, the story or
// thread that now holds the first article of sc (everything when none).
func reopenScope(res *compare.Result, sc scope) scope {
	if res == nil || sc.kind == scopeAll || len(sc.articles) == 0 {
		return scope{}
	}
	first := sc.articles[0]
	for _, st := range res.Stories {
		if !slices.Contains(st.Articles, first) {
			continue
		}
		if sc.kind == scopeStory {
			return storyScope(res, st)
		}
		if _, th, ok := findThread(res, st.Thread); ok {
			return threadScope(res, th)
		}
	}
	return scope{}
}

// notHere says where the articles of notes the open data lacks are: not
// loaded, or (a story or thread being open) outside it, perhaps not
// loaded either.
func (c *Context) notHere() string {
	if c.All != nil && c.Data != c.All {
		return "outside the story or thread open"
	}
	return "not loaded now"
}

// shortList joins names, at most n of them, then "and N more".
func shortList(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}
