package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// searchModel is the "/" prompt and the hits of the last search across
// all articles.
type searchModel struct {
	ctx    *Context
	input  textinput.Model
	active bool   // the prompt is open
	query  string // folded query of the last search; "" for none
	hits   []hit
	idx    int // current hit
}

func newSearchModel(ctx *Context) searchModel {
	ti := textinput.New()
	ti.Prompt = ctx.Keys.Search.Help().Key
	ti.Placeholder = "search all articles"
	ctx.Styles.styleInput(&ti)
	return searchModel{ctx: ctx, input: ti}
}

// SetSize sets the prompt's width.
func (s *searchModel) SetSize(w int) { s.input.Width = max(w-4, 1) }

// Open shows an empty prompt.
func (s *searchModel) Open() tea.Cmd {
	s.active = true
	s.input.SetValue("")
	return s.input.Focus()
}

// Update types into the prompt.
func (s searchModel) Update(msg tea.Msg) (searchModel, tea.Cmd) {
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// View is the prompt.
func (s searchModel) View() string { return s.input.View() }

// Status describes the current hit for the status line ("" when there is
// none).
func (s searchModel) Status() string {
	if s.query == "" || len(s.hits) == 0 {
		return ""
	}
	return fmt.Sprintf("/%s %d/%d", oneLine(s.query), s.idx+1, len(s.hits))
}

// ShortHelp is the prompt's footer help.
func (s searchModel) ShortHelp() []key.Binding {
	k := s.ctx.Keys
	return []key.Binding{k.Confirm, k.Back}
}

// FullHelp is the prompt's full help.
func (s searchModel) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// updateSearch routes a key while the prompt is open: esc closes it,
// enter searches in a Cmd, anything else is typed.
func (m *Model) updateSearch(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.search.active = false
		m.search.input.Blur()
		return m, nil
	case key.Matches(msg, k.Confirm):
		m.search.active = false
		m.search.input.Blur()
		q := strings.TrimSpace(m.search.input.Value())
		if q == "" {
			m.clearSearch()
			return m, nil
		}
		return m, searchCmd(m.ctx.Data, q)
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	return m, cmd
}

// clearSearch forgets the last search and its highlights.
func (m *Model) clearSearch() {
	m.search.query, m.search.hits, m.search.idx = "", nil, 0
	m.read.SetQuery("")
}

// searchCmd finds the sentences containing q, in a tea.Cmd.
func searchCmd(d *Data, q string) tea.Cmd {
	fq := foldCase(q)
	return func() tea.Msg {
		var hits []hit
		for a := range d.lower {
			for s, text := range d.lower[a] {
				if strings.Contains(text, fq) {
					hits = append(hits, hit{a, s})
				}
			}
		}
		return searchDoneMsg{query: fq, hits: hits, data: d}
	}
}

// searchDone stores the hits and jumps to the first one at or after the
// cursor.
func (m *Model) searchDone(msg searchDoneMsg) tea.Cmd {
	if msg.data != nil && msg.data != m.ctx.Data {
		// A story or everything was opened meanwhile: the hits index
		// articles of the data replaced.
		return m.flash(fmt.Sprintf("search for “%s” dropped: another story or thread was opened meanwhile; search again", msg.query))
	}
	if len(msg.hits) == 0 {
		// Nothing found leaves nothing behind: no position ("1/0") in the
		// status line, no highlight, and n says there is no search.
		m.clearSearch()
		return m.flash(fmt.Sprintf("no match for “%s”", msg.query))
	}
	m.search.query, m.search.hits = msg.query, m.read.inReadingOrder(msg.hits)
	m.read.SetQuery(msg.query)
	m.search.idx = -1
	a := m.read.focusedArticle()
	cur := 0
	if a >= 0 {
		a, cur = m.ctx.Data.real(a, m.read.cursor[a]) // hits are in the articles
	}
	for i, h := range m.search.hits {
		if h.article == a && h.sentence >= cur {
			m.search.idx = i - 1
			break
		}
	}
	if cmd := m.nextHit(1); cmd != nil {
		return cmd // a hidden article shown again says so
	}
	outlets := map[string]bool{}
	for _, h := range msg.hits {
		outlets[m.ctx.Data.article(h.article).DisplayOutlet()] = true
	}
	k := m.ctx.Keys
	return m.flash(fmt.Sprintf("“%s”: %s in %s · %s/%s step · %s lists them", oneLine(msg.query), plural(len(msg.hits), "sentence"),
		plural(len(outlets), "outlet"), k.SearchNext.Help().Key, k.SearchPrev.Help().Key, k.SearchList.Help().Key))
}

// nextHit moves to the next (dir 1) or previous (-1) search hit.
func (m *Model) nextHit(dir int) tea.Cmd {
	if m.search.query == "" {
		return m.flash(fmt.Sprintf("no search yet: press %s to search all articles", m.ctx.Keys.Search.Help().Key))
	}
	hits := m.search.hits
	if len(hits) == 0 {
		return m.flash(fmt.Sprintf("no match for “%s”", m.search.query))
	}
	return m.gotoHit((m.search.idx + dir + len(hits)) % len(hits))
}

// gotoHit shows search hit i in the read view.
func (m *Model) gotoHit(i int) tea.Cmd {
	m.search.idx = i
	h := m.search.hits[i]
	m.view = viewRead
	hidden := !m.read.shown[h.article]
	m.read.JumpTo(h.article, h.sentence)
	if hidden {
		// The user hid it; say why it is back.
		return m.flash(fmt.Sprintf("%s was hidden: shown again for this match (%s chooses the articles shown)",
			oneLine(m.ctx.Data.article(h.article).DisplayOutlet()), m.ctx.Keys.Choose.Help().Key))
	}
	return nil
}

// openResults opens the list of the last search's matches.
func (m *Model) openResults() tea.Cmd {
	if m.search.query == "" || len(m.search.hits) == 0 {
		return m.flash(fmt.Sprintf("no search yet: press %s to search all articles, then %s lists the matches", m.ctx.Keys.Search.Help().Key, m.ctx.Keys.SearchList.Help().Key))
	}
	m.results = newResults(m.ctx, m.search.query, m.search.hits, m.search.idx)
	m.results.SetSize(m.width, m.height-chromeTop-chromeBottom)
	m.resultsOpen = true
	return nil
}

// updateResults routes a key while the list of matches is open: enter
// reads the match, esc or F closes, q quits.
func (m *Model) updateResults(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back), key.Matches(msg, k.SearchList):
		m.resultsOpen = false
		return m, nil
	case key.Matches(msg, k.Confirm):
		i, ok := m.results.current()
		if !ok {
			return m, nil
		}
		m.resultsOpen = false
		return m, m.gotoHit(i)
	}
	m.results = m.results.Update(msg)
	return m, nil
}

// searchKey is / as the active view uses it: a list view filters its list.
func (m Model) searchKey() key.Binding {
	k := m.ctx.Keys
	switch m.view {
	case viewFacts:
		return helpAs(k.Search, "filter facts")
	case viewNotes:
		if m.ctx.notes.store != nil {
			return helpAs(k.Search, "filter passages")
		}
	}
	return k.Search
}

// clearListFilter empties the filter of the facts or notes list on screen;
// it reports whether there was one.
func (m *Model) clearListFilter() bool {
	switch m.view {
	case viewFacts:
		return m.facts.clearFilter()
	case viewNotes:
		return m.notesView.clearFilter()
	}
	return false
}

// inReadingOrder sorts search hits as the read view shows them, so that n
// moves left to right and down, and the list of matches follows the
// columns: by column (the articles of a column of several in their
// order), then down it; the hidden articles' hits last, by first report.
func (r readModel) inReadingOrder(hits []hit) []hit {
	d := r.ctx.Data
	col := make(map[int]int, len(r.order))
	for i, u := range r.order {
		col[u] = i
	}
	place := func(h hit) (int, int) {
		u, s := d.unit(h.article, h.sentence)
		if i, ok := col[u]; ok && r.shown[h.article] {
			return i, s
		}
		return len(r.order), h.sentence
	}
	out := slices.Clone(hits)
	slices.SortStableFunc(out, func(a, b hit) int {
		ca, sa := place(a)
		cb, sb := place(b)
		if c := cmp.Compare(ca, cb); c != 0 {
			return c
		}
		if ca == len(r.order) && a.article != b.article {
			return compareReports(d.article(a.article), d.article(b.article))
		}
		return cmp.Compare(sa, sb)
	})
	return out
}
