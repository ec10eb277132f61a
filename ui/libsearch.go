package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/library"
)

// Searching the library (/ in the Stories view of a library's articles):
// a prompt, the library's full-text index searched in a tea.Cmd, and the
// hits listed with outlet, date, title and the passage found; enter opens
// one. Elsewhere / still searches the text of the articles open.

// libSearchLimit is the most hits listed.
const libSearchLimit = 100

// libSearchMsg is a search's hits, back from the background.
type libSearchMsg struct {
	from  *libSearch
	query string
	hits  []library.Hit
	err   error
}

func (m libSearchMsg) asker() layer       { return m.from }
func (m libSearchMsg) unclaimed() tea.Cmd { return nil }

// openHitMsg asks the root to open the article of a hit.
type openHitMsg struct{ hit library.Hit }

// libSearch is the library search dialog.
type libSearch struct {
	ctx           *Context
	width, height int
	input         textinput.Model
	typing_       bool // the prompt has the keys; else the list
	query         string
	searching     bool
	hits          []library.Hit
	err           error
	cursor        int
	// draft keeps the query typed when esc closes the dialog.
	draft draft
}

// libSearchReq is the library search as its draft's key: there is one.
type libSearchReq struct{}

// newLibSearch opens the library search on the query typed when it was
// last closed, if any.
func newLibSearch(ctx *Context) (*libSearch, tea.Cmd) {
	d, q := openDraft(ctx, libSearchReq{}, "", "the search")
	s := &libSearch{ctx: ctx, input: newInput(ctx, q, "words, \"a phrase\", prefix*"), typing_: true, draft: d}
	return s, s.input.Focus()
}

func (s *libSearch) typing() bool { return s.typing_ }

// SetSize sets the dialog's area.
func (s *libSearch) SetSize(w, h int) {
	s.width, s.height = w, h
	resizeInput(&s.input, inputWidth(w))
}

// Update types the query, runs it, moves in the hits and opens one.
func (s *libSearch) Update(msg tea.Msg) (layer, tea.Cmd) {
	k := s.ctx.Keys
	switch msg := msg.(type) {
	case libSearchMsg:
		if msg.query != s.query {
			return s, nil // an older search
		}
		s.searching, s.hits, s.err = false, msg.hits, msg.err
		s.cursor = 0
		if len(s.hits) > 0 {
			s.typing_ = false
			s.input.Blur()
		}
		return s, nil
	case tea.KeyMsg:
		if s.typing_ {
			switch {
			case key.Matches(msg, k.Back):
				s.draft.keep(s.input.Value())
				return nil, nil
			case key.Matches(msg, k.Confirm):
				return s, s.run()
			case key.Matches(msg, k.ItemDown) && len(s.hits) > 0:
				s.typing_ = false
				s.input.Blur()
				return s, nil
			}
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			return s, cmd
		}
		if c, ok := moveList(k, msg, s.cursor, len(s.hits), s.height/rowLines); ok {
			s.cursor = c
			return s, nil
		}
		switch {
		case key.Matches(msg, k.Back):
			s.draft.keep(s.input.Value())
			return nil, nil
		case key.Matches(msg, k.Search):
			s.typing_ = true
			return s, s.input.Focus()
		case key.Matches(msg, k.Confirm):
			if s.cursor < len(s.hits) {
				h := s.hits[s.cursor]
				s.draft.drop()
				return nil, func() tea.Msg { return openHitMsg{hit: h} }
			}
		}
	}
	return s, nil
}

// run starts the search of the typed query in the background.
func (s *libSearch) run() tea.Cmd {
	q := strings.TrimSpace(s.input.Value())
	if q == "" || s.ctx.lib == nil {
		return nil
	}
	s.query, s.searching, s.err = q, true, nil
	src := s.ctx.lib.src
	return func() tea.Msg {
		hits, err := src.Search(context.Background(), q, libSearchLimit)
		return libSearchMsg{from: s, query: q, hits: hits, err: err}
	}
}

// rowLines is the height of a hit in the list.
const rowLines = 2

// View draws the prompt, what the search found and the hits.
func (s *libSearch) View() string {
	st := s.ctx.Styles
	w := s.width
	k := s.ctx.Keys
	hint := keyHints(s.draft.keys(s.input.Value(), helpAs(k.Confirm, "search"), helpAs(k.Back, "close"))...)
	if !s.typing_ {
		hint = keyHints(s.draft.keys(s.input.Value(), helpAs(k.Confirm, "open"), helpAs(k.Search, "new search"), helpAs(k.Back, "close"))...)
	}
	title := "Search the library"
	if s.ctx.lib != nil {
		title += " (" + plural(s.ctx.lib.total, "article") + ")"
	}
	lines := dialogHead(st, title, "", hint, w, false, 0)
	lines = append(lines, s.input.View())
	switch {
	case s.searching:
		lines = append(lines, st.Muted.Render("searching…"))
	case s.err != nil:
		for _, l := range wrapText(s.err.Error(), max(w, 10)) {
			lines = append(lines, st.Error.Render(l))
		}
	case s.query != "" && len(s.hits) == 0:
		lines = append(lines, st.Muted.Render(ellipsize("nothing found for "+oneLine(s.query), w)))
	case s.query != "":
		n := plural(len(s.hits), "article")
		if len(s.hits) == libSearchLimit {
			n = fmt.Sprintf("the best %d articles", libSearchLimit)
		}
		lines = append(lines, st.Muted.Render(ellipsize(n+" for "+oneLine(s.query), w)))
	}
	room := (s.height - len(lines)) / rowLines
	if room > 0 && len(s.hits) > 0 {
		top := max(s.cursor-room+1, 0)
		for i := top; i < len(s.hits) && i < top+room; i++ {
			lines = append(lines, s.hitLines(s.hits[i], i == s.cursor && !s.typing_, w)...)
		}
	}
	return fitBlock(strings.Join(lines, "\n"), w, s.height)
}

// hitLines draws a hit: outlet, date and title; then the passage found,
// its words in the search highlight. Untrusted text is sanitised.
func (s *libSearch) hitLines(h library.Hit, cur bool, w int) []string {
	st := s.ctx.Styles
	date := "no date"
	if h.Published != nil {
		date = h.Published.UTC().Format("2006-01-02")
	}
	mark := "  "
	if cur {
		mark = "› "
	}
	edited := s.ctx.editedMark(s.ctx.All, s.ctx.All.artIndexOf(h.Article))
	if edited != "" {
		edited = " " + edited
	}
	// The title gives way; the ✎ mark after it stays.
	lead := mark + fit(ellipsize(oneLine(h.Outlet), 16), 16) + " " + fit(date, 10) + "  "
	room := max(w-ansi.StringWidth(lead)-ansi.StringWidth(edited), 1)
	head := fit(ellipsize(lead+ellipsize(oneLine(h.Title), room)+edited, w), w)
	if cur {
		head = st.RowSelected.Render(head)
	} else {
		head = st.Bold.Render(head)
	}
	var b strings.Builder
	b.WriteString("    ")
	rest := flatText(h.Snippet)
	for rest != "" {
		i := strings.Index(rest, "«")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		rest = rest[i+len("«"):]
		j := strings.Index(rest, "»")
		if j < 0 {
			j = len(rest)
		}
		b.WriteString(st.SearchHit.Render(rest[:j]))
		rest = strings.TrimPrefix(rest[j:], "»")
	}
	return []string{head, fit(ellipsize(b.String(), w), w)}
}

// ShortHelp is the dialog's footer help.
func (s *libSearch) ShortHelp() []key.Binding {
	k := s.ctx.Keys
	if s.typing_ {
		return s.draft.keys(s.input.Value(), helpAs(k.Confirm, "search"), helpAs(k.ItemDown, "to the hits"), helpAs(k.Back, "close"))
	}
	return s.draft.keys(s.input.Value(), k.Down, k.Up, helpAs(k.Confirm, "open"), helpAs(k.Search, "new search"), helpAs(k.Back, "close"))
}

// FullHelp is the dialog's full help.
func (s *libSearch) FullHelp() [][]key.Binding {
	k := s.ctx.Keys
	return [][]key.Binding{s.draft.keys(s.input.Value(), helpAs(k.Confirm, "search / open"), helpAs(k.ItemDown, "to the hits"), helpAs(k.Search, "new search"), helpAs(k.Back, "close")),
		{k.Up, k.Down, k.Top, k.Bottom}}
}

// The Stories view of a library's articles searches the library with /.

// filterKey is / in the Stories view: it searches the library when the
// articles are a library's.
func (s *storiesModel) filterKey() (key.Binding, bool) {
	return helpAs(s.ctx.Keys.Search, "search the library"), s.ctx.lib != nil
}

// openFilter opens the library search.
func (s *storiesModel) openFilter() tea.Cmd {
	d, init := newLibSearch(s.ctx)
	return openDialog(s.ctx, s.width, s.height, d, init)
}

// artIndexOf is the index of article id in d's corpus, -1 when it is not
// there.
func (d *Data) artIndexOf(id string) int {
	if d == nil {
		return -1
	}
	if i, ok := d.artIndex[id]; ok {
		return i
	}
	return -1
}

// openHit shows the article of a library search's hit in the read view:
// at once when it is open, else after opening its story; an article the
// reader does not hold (older than those it read) is named in the status
// line with the command that shows it.
func (m *Model) openHit(h library.Hit) tea.Cmd {
	all := m.ctx.All
	if all.artIndexOf(h.Article) < 0 {
		held := ""
		if m.ctx.lib != nil {
			held = fmt.Sprintf(" (the %d seen most recently)", len(all.Corpus.Articles))
		}
		return m.flash(fmt.Sprintf("%s is not among the articles the reader holds%s: 'parallax show %s' shows it",
			ellipsize(oneLine(h.Title), 40), held, oneLine(h.Article)))
	}
	if a := m.ctx.Data.artIndexOf(h.Article); a >= 0 {
		m.view = viewRead
		return m.deliver([]tea.Msg{hitJump(m.ctx.Data, a, h.Snippet)}, nil)
	}
	sc := scope{}
	if res := all.Findings.Comparison; res != nil {
		for _, st := range res.Stories {
			if slices.Contains(st.Articles, h.Article) {
				sc = storyScope(res, st)
				break
			}
		}
	}
	if sc.everything(all) {
		cmd := m.openScope(sc) // at once
		return tea.Batch(cmd, m.deliver([]tea.Msg{hitJump(m.ctx.Data, m.ctx.Data.artIndexOf(h.Article), h.Snippet)}, nil))
	}
	m.jumpTo, m.jumpSnippet = h.Article, h.Snippet
	return m.openScope(sc)
}

// hitJump goes to the sentence of article a that holds the words a
// library search found (the first «…» of its snippet), else to the
// article's start.
func hitJump(d *Data, a int, snippet string) jumpMsg {
	j := jumpMsg{article: a, match: true}
	_, rest, ok := strings.Cut(snippet, "«")
	words, _, ok2 := strings.Cut(rest, "»")
	if !ok || !ok2 || a < 0 {
		return j
	}
	words = strings.ToLower(strings.TrimSpace(words))
	for i, s := range d.article(a).Sentences {
		if words != "" && strings.Contains(strings.ToLower(s.Text), words) {
			j.sentence = i
			break
		}
	}
	return j
}
