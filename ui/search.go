package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// The search across all articles: the "/" prompt, the hits of the last
// search, n and N through them, and the list of them (F, searchlist.go).
// Its answers go to the read view: the highlight (highlightMsg) and the
// hit to show (jumpMsg), which the root delivers at once, so that a key
// typed right after n moves on from the hit.

// searchModel is the "/" prompt and the hits of the last search.
type searchModel struct {
	ctx    *Context
	input  textinput.Model
	active bool   // the prompt is open
	query  string // folded query of the last search; "" for none
	hits   []hit
	idx    int // current hit
}

// searchDoneMsg carries the hits of a search across all articles.
type searchDoneMsg struct {
	query string
	hits  []hit
	data  *Data // what was searched: hits index its articles
}

// hit is a sentence matching the search.
type hit struct{ article, sentence int }

// hitChosenMsg is the match chosen in the list of matches.
type hitChosenMsg struct{ hit int }

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

// Update handles a message while the prompt is open: esc closes it,
// enter searches in a Cmd (or, on a blank prompt, forgets the last
// search), anything else is typed.
func (s *searchModel) Update(msg tea.Msg) tea.Cmd {
	k := s.ctx.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Back):
			s.active = false
			s.input.Blur()
			return nil
		case key.Matches(km, k.Confirm):
			s.active = false
			s.input.Blur()
			q := strings.TrimSpace(s.input.Value())
			if q == "" {
				s.clear()
				return func() tea.Msg { return highlightMsg{} }
			}
			return searchCmd(s.ctx.Data, q)
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
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

// clear forgets the last search; the message takes its highlight off.
func (s *searchModel) clear() []tea.Msg {
	s.query, s.hits, s.idx = "", nil, 0
	return []tea.Msg{highlightMsg{}}
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

// readingOrder is what the search asks the read view: the order it shows
// hits in, the sentence under its cursor, whether an article is shown.
type readingOrder interface {
	inReadingOrder(hits []hit) []hit
	cursorAt() (article, sentence int)
	isShown(article int) bool
}

// done stores the hits in reading order: the messages highlight them and
// show the first one at or after the cursor.
func (s *searchModel) done(msg searchDoneMsg, r readingOrder) ([]tea.Msg, tea.Cmd) {
	if msg.data != nil && msg.data != s.ctx.Data {
		// A story or everything was opened meanwhile: the hits index
		// articles of the data replaced.
		return nil, say(fmt.Sprintf("search for “%s” dropped: another story or thread was opened meanwhile; search again", msg.query))
	}
	if len(msg.hits) == 0 {
		// Nothing found leaves nothing behind: no position ("1/0") in the
		// status line, no highlight, and n says there is no search.
		return s.clear(), say(fmt.Sprintf("no match for “%s”", msg.query))
	}
	s.query, s.hits = msg.query, r.inReadingOrder(msg.hits)
	highlight := highlightMsg{s.query}
	s.idx = -1
	a, cur := r.cursorAt()
	for i, h := range s.hits {
		if h.article == a && h.sentence >= cur {
			s.idx = i - 1
			break
		}
	}
	next := (s.idx + 1) % len(s.hits)
	msgs := append([]tea.Msg{highlight}, s.jumpTo(next)...)
	if !r.isShown(s.hits[next].article) {
		// A hidden article shown again says so, instead of the count.
		return msgs, nil
	}
	outlets := map[string]bool{}
	for _, h := range msg.hits {
		outlets[s.ctx.Data.article(h.article).DisplayOutlet()] = true
	}
	k := s.ctx.Keys
	return msgs, say(fmt.Sprintf("“%s”: %s in %s · %s/%s step · %s lists them", oneLine(msg.query), plural(len(msg.hits), "sentence"),
		plural(len(outlets), "outlet"), k.SearchNext.Help().Key, k.SearchPrev.Help().Key, k.SearchList.Help().Key))
}

// step moves to the next (dir 1) or previous (-1) hit: the message shows
// it, or the Cmd says there is none.
func (s *searchModel) step(dir int) ([]tea.Msg, tea.Cmd) {
	if s.query == "" {
		return nil, say(fmt.Sprintf("no search yet: press %s to search all articles", s.ctx.Keys.Search.Help().Key))
	}
	if len(s.hits) == 0 {
		return nil, say(fmt.Sprintf("no match for “%s”", s.query))
	}
	return s.jumpTo((s.idx + dir + len(s.hits)) % len(s.hits)), nil
}

// jumpTo makes hit i the current one: the message shows it in the read
// view.
func (s *searchModel) jumpTo(i int) []tea.Msg {
	s.idx = i
	h := s.hits[i]
	return []tea.Msg{jumpMsg{article: h.article, sentence: h.sentence, match: true}}
}

// results opens the list of the last search's matches.
func (s *searchModel) results() (layer, tea.Cmd) {
	if s.query == "" || len(s.hits) == 0 {
		k := s.ctx.Keys
		return nil, say(fmt.Sprintf("no search yet: press %s to search all articles, then %s lists the matches", k.Search.Help().Key, k.SearchList.Help().Key))
	}
	return newResults(s.ctx, s.query, s.hits, s.idx), nil
}

// cursorAt is the article (of the corpus) and sentence under the read
// view's cursor; -1 when no article is shown.
func (r readModel) cursorAt() (int, int) {
	a := r.focusedArticle()
	if a < 0 {
		return -1, 0
	}
	return r.ctx.Data.real(a, r.cursor[a]) // hits are in the articles
}

// isShown reports whether article a has a column (or a place in one).
func (r readModel) isShown(a int) bool { return a >= 0 && a < len(r.shown) && r.shown[a] }

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
			return corpus.ByPublication(d.article(a.article), d.article(b.article))
		}
		return cmp.Compare(sa, sb)
	})
	return out
}
