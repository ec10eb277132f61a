package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Smallest usable terminal; below it the reader says so instead of drawing.
const (
	minWidth  = 40
	minHeight = 10
)

// viewID names a screen of the view switcher.
type viewID int

const (
	viewRead viewID = iota
	viewFacts
	viewOutlets
	viewNotes // reserved for the notes round
	viewProblems
)

// searchDoneMsg carries the hits of a search across all articles.
type searchDoneMsg struct {
	query string
	hits  []hit
}

// hit is a sentence matching the search.
type hit struct{ article, sentence int }

// clearMsg clears the transient status message it was issued for.
type clearMsg struct{ id int }

// Model is the root of the reader: it owns the window size and the chrome
// (view tabs, status line, footer help, search prompt), routes messages to
// the active view or the open dialog, and composes their views.
type Model struct {
	ctx     *Context
	opts    Options
	profile termenv.Profile
	bg      context.Context // cancelled by Run when the program ends

	width, height int
	ready         bool // a size is known
	loaded        bool

	loading  loadingModel
	read     readModel
	facts    factsModel
	outlets  outletsModel
	problems problemsModel
	view     viewID

	panel     panelModel
	panelOpen bool
	showHelp  bool
	helpTop   int // first line of the help screen shown

	searching bool
	search    textinput.Model
	query     string
	hits      []hit
	hitIdx    int

	help  help.Model
	msg   string
	msgID int
}

// newModel builds the root model with styles already decided.
func newModel(bg context.Context, opts Options, ctx *Context, profile termenv.Profile) Model {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "search all articles"
	ctx.Styles.styleInput(&ti)
	h := help.New()
	h.Styles = ctx.Styles.Help
	m := Model{ctx: ctx, bg: bg, opts: opts, profile: profile, search: ti, help: h}
	m.loading = newLoadingModel(ctx, profile)
	if opts.Width > 0 && opts.Height > 0 {
		m.setSize(opts.Width, opts.Height)
	}
	return m
}

// Init starts loading and analysing in the background.
func (m Model) Init() tea.Cmd {
	return m.loading.start(m.bg, m.opts)
}

// setData installs the loaded data and builds the views.
func (m *Model) setData(d *Data) tea.Cmd {
	m.ctx.Data = d
	m.loaded = true
	m.read = newReadModel(m.ctx)
	m.facts = newFactsModel(m.ctx)
	m.outlets = newOutletsModel(m.ctx)
	m.problems = newProblemsModel(m.ctx)
	if len(d.Corpus.Articles) == 0 {
		m.view = viewProblems
	}
	cmd := m.setSize(m.width, m.height)
	if n := problemCount(d); n > 0 && m.view != viewProblems {
		cmd = tea.Batch(cmd, m.flash(fmt.Sprintf("%d loading problem(s): %s lists them", n, m.ctx.Keys.ViewProblems.Help().Key)))
	}
	return cmd
}

// chrome heights: the view tabs above; status line and footer below.
const (
	chromeTop    = 1
	chromeBottom = 2
)

// setSize pushes the size, minus the chrome, down to every component.
func (m *Model) setSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.ready = w > 0 && h > 0
	m.loading.SetSize(w, max(h-1, 1))
	m.help.Width = w
	m.search.Width = max(w-4, 1)
	if !m.loaded || m.tooSmall() {
		return nil
	}
	bw, bh := w, h-chromeTop-chromeBottom
	m.read.SetSize(bw, bh)
	m.facts.SetSize(bw, bh)
	m.problems.SetSize(bw, bh)
	if m.panelOpen {
		m.panel.SetSize(bw, bh)
	}
	return m.outlets.SetSize(bw, bh)
}

func (m Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// Update routes a message: size and background results first, then keys to
// the open input or dialog, then global keys, then the active view.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.setSize(msg.Width, msg.Height)
	case loadedMsg:
		if msg.err != nil {
			m.loading.err = msg.err
			return m, nil
		}
		return m, m.setData(msg.data)
	case progressMsg, spinner.TickMsg, progress.FrameMsg:
		if m.loaded {
			return m, nil
		}
		var cmd tea.Cmd
		m.loading, cmd = m.loading.Update(msg)
		return m, cmd
	case profileRenderedMsg:
		var cmd tea.Cmd
		m.outlets, cmd = m.outlets.Update(msg)
		return m, cmd
	case searchDoneMsg:
		return m, m.searchDone(msg)
	case openWhyMsg:
		m.panel = newPanel(m.ctx, msg)
		m.panelOpen = true
		m.panel.SetSize(m.width, m.height-chromeTop-chromeBottom)
		return m, nil
	case gotoFactMsg:
		m.view = viewRead
		m.read.GotoFact(msg.fact)
		return m, nil
	case clearMsg:
		if msg.id == m.msgID {
			m.msg = ""
		}
		return m, nil
	case tea.MouseMsg:
		return m.updateMouse(msg)
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	// Anything else (textinput blink and the like) goes to the focused
	// input.
	var cmd tea.Cmd
	switch {
	case m.searching:
		m.search, cmd = m.search.Update(msg)
	case m.loaded && m.view == viewFacts:
		m.facts, cmd = m.facts.Update(msg)
	}
	return m, cmd
}

func (m Model) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	// Keys typed faster than the terminal is read arrive as one message
	// ("jjj"); outside text inputs each is its own keypress.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.searching && !m.capturing() {
		var cmds []tea.Cmd
		var model tea.Model = m
		for _, r := range msg.Runes {
			var cmd tea.Cmd
			model, cmd = model.(Model).updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, cmd)
		}
		return model, tea.Batch(cmds...)
	}
	if !m.loaded || m.tooSmall() {
		if key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	m.msg = ""
	// An open input or dialog gets the key first.
	if m.searching {
		switch {
		case key.Matches(msg, k.Back):
			m.searching = false
			m.search.Blur()
			return m, nil
		case key.Matches(msg, k.Confirm):
			m.searching = false
			m.search.Blur()
			q := strings.TrimSpace(m.search.Value())
			if q == "" {
				m.query, m.hits = "", nil
				m.read.SetQuery("")
				return m, nil
			}
			return m, searchCmd(m.ctx.Data, q)
		}
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return m, cmd
	}
	if m.showHelp {
		bh := m.height - chromeTop - chromeBottom
		last := max(len(m.helpLines(m.width))-bh, 0)
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
			m.showHelp = false
		case key.Matches(msg, k.Down):
			m.helpTop = min(m.helpTop+1, last)
		case key.Matches(msg, k.Up):
			m.helpTop = max(m.helpTop-1, 0)
		case key.Matches(msg, k.HalfDown):
			m.helpTop = min(m.helpTop+bh/2, last)
		case key.Matches(msg, k.HalfUp):
			m.helpTop = max(m.helpTop-bh/2, 0)
		case key.Matches(msg, k.Top):
			m.helpTop = 0
		case key.Matches(msg, k.Bottom):
			m.helpTop = last
		}
		return m, nil
	}
	if m.panelOpen {
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Back), key.Matches(msg, k.Why), key.Matches(msg, k.Help):
			m.panelOpen = false
			return m, nil
		case key.Matches(msg, k.ReadFact) && m.panel.req.fact >= 0:
			m.panelOpen = false
			m.view = viewRead
			m.read.GotoFact(m.panel.req.fact)
			return m, nil
		}
		var cmd tea.Cmd
		m.panel, cmd = m.panel.Update(msg)
		return m, cmd
	}
	if m.capturing() {
		return m.updateView(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		m.helpTop = 0
		return m, nil
	case key.Matches(msg, k.Search):
		m.searching = true
		m.search.SetValue("")
		return m, m.search.Focus()
	case key.Matches(msg, k.SearchNext):
		return m, m.nextHit(1)
	case key.Matches(msg, k.SearchPrev):
		return m, m.nextHit(-1)
	case key.Matches(msg, k.ViewRead):
		m.view = viewRead
		return m, nil
	case key.Matches(msg, k.ViewFacts):
		m.view = viewFacts
		return m, nil
	case key.Matches(msg, k.ViewOutlets):
		m.view = viewOutlets
		return m, m.outlets.load()
	case key.Matches(msg, k.ViewNotes):
		m.view = viewNotes
		return m, nil
	case key.Matches(msg, k.ViewProblems):
		m.view = viewProblems
		return m, nil
	case key.Matches(msg, k.Back) && m.query != "":
		m.query, m.hits = "", nil
		m.read.SetQuery("")
		return m, m.flash("search cleared")
	}
	return m.updateView(msg)
}

// capturing reports whether the active view has an input or dialog open.
func (m Model) capturing() bool {
	switch m.view {
	case viewRead:
		return m.read.Capturing()
	case viewFacts:
		return m.facts.Capturing()
	}
	return false
}

// updateView sends a message to the active view.
func (m Model) updateView(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.view {
	case viewRead:
		m.read, cmd = m.read.Update(msg)
		if m.read.msg != "" {
			return m, tea.Batch(cmd, m.flash(m.read.msg))
		}
	case viewFacts:
		m.facts, cmd = m.facts.Update(msg)
	case viewOutlets:
		m.outlets, cmd = m.outlets.Update(msg)
	case viewProblems:
		m.problems, cmd = m.problems.Update(msg)
	}
	return m, cmd
}

// updateMouse makes mouse coordinates relative to the view area.
func (m Model) updateMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if !m.loaded || m.tooSmall() || m.showHelp || m.searching {
		return m, nil
	}
	msg.Y -= chromeTop
	if msg.Y < 0 || msg.Y >= m.height-chromeTop-chromeBottom {
		return m, nil
	}
	if m.panelOpen {
		var cmd tea.Cmd
		m.panel, cmd = m.panel.Update(msg)
		return m, cmd
	}
	return m.updateView(msg)
}

// flash shows a transient message in the status line, cleared by the next
// key or after a few seconds.
func (m *Model) flash(s string) tea.Cmd {
	m.msg = s
	m.msgID++
	id := m.msgID
	return tea.Tick(4*time.Second, func(time.Time) tea.Msg { return clearMsg{id} })
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
		return searchDoneMsg{query: fq, hits: hits}
	}
}

// searchDone stores the hits and jumps to the first one at or after the
// cursor.
func (m *Model) searchDone(msg searchDoneMsg) tea.Cmd {
	m.query, m.hits = msg.query, msg.hits
	m.read.SetQuery(msg.query)
	if len(m.hits) == 0 {
		return m.flash(fmt.Sprintf("no match for %q", msg.query))
	}
	m.hitIdx = -1
	a := m.read.focusedArticle()
	cur := 0
	if a >= 0 {
		cur = m.read.cursor[a]
	}
	for i, h := range m.hits {
		if h.article == a && h.sentence >= cur {
			m.hitIdx = i - 1
			break
		}
	}
	return m.nextHit(1)
}

// nextHit moves to the next (dir 1) or previous (-1) search hit.
func (m *Model) nextHit(dir int) tea.Cmd {
	if m.query == "" {
		return m.flash("no search yet: press / to search all articles")
	}
	if len(m.hits) == 0 {
		return m.flash(fmt.Sprintf("no match for %q", m.query))
	}
	m.hitIdx = (m.hitIdx + dir + len(m.hits)) % len(m.hits)
	h := m.hits[m.hitIdx]
	m.view = viewRead
	m.read.JumpTo(h.article, h.sentence)
	return nil
}

// View composes the chrome and the active view; every line is exactly the
// terminal width.
func (m Model) View() string {
	if !m.ready {
		return ""
	}
	if m.tooSmall() {
		return m.tooSmallView()
	}
	if !m.loaded {
		return m.loading.View() + "\n" + fit(m.help.ShortHelpView(m.loading.ShortHelp()), m.width)
	}
	bh := m.height - chromeTop - chromeBottom
	var body string
	switch {
	case m.showHelp:
		body = m.helpView(m.width, bh)
	case m.panelOpen:
		body = m.panel.View()
	default:
		switch m.view {
		case viewRead:
			body = m.read.View()
		case viewFacts:
			body = m.facts.View()
		case viewOutlets:
			body = m.outlets.View()
		case viewProblems:
			body = m.problems.View()
		case viewNotes:
			body = fitBlock("Notes arrive with the tagging round.", m.width, bh)
		}
	}
	return m.tabsView() + "\n" + body + "\n" + m.statusView() + "\n" + m.footerView()
}

// tooSmallView explains the minimum size, wrapped to whatever fits.
func (m Model) tooSmallView() string {
	msg := fmt.Sprintf("Terminal too small: %dx%d. parallax needs at least %dx%d. Enlarge the window, or press q to quit.", m.width, m.height, minWidth, minHeight)
	return fitBlock(strings.Join(wrapText(msg, m.width), "\n"), m.width, m.height)
}

// tabsView is the view switcher line.
func (m Model) tabsView() string {
	st := m.ctx.Styles
	k := m.ctx.Keys
	tabs := []struct {
		id   viewID
		b    key.Binding
		name string
	}{
		{viewRead, k.ViewRead, "Read"},
		{viewFacts, k.ViewFacts, "Facts"},
		{viewOutlets, k.ViewOutlets, "Outlets"},
		{viewNotes, k.ViewNotes, "Notes"},
		{viewProblems, k.ViewProblems, fmt.Sprintf("Problems (%d)", problemCount(m.ctx.Data))},
	}
	var parts []string
	for _, t := range tabs {
		label := t.b.Help().Key + " " + t.name
		switch {
		case !t.b.Enabled():
			parts = append(parts, st.TabDisabled.Render(label))
		case t.id == m.view:
			parts = append(parts, st.TabActive.Render(label))
		default:
			parts = append(parts, st.Tab.Render(label))
		}
	}
	left := " " + strings.Join(parts, "  ")
	right := st.Muted.Render(oneLine(m.ctx.Data.Corpus.Name) + " ")
	if ansi.StringWidth(left)+ansi.StringWidth(right)+1 <= m.width {
		return fit(left, m.width-ansi.StringWidth(right)) + right
	}
	return fit(left, m.width)
}

// statusView is the status line: mode, counts, position, message, legend.
func (m Model) statusView() string {
	st := m.ctx.Styles
	d := m.ctx.Data
	mode := map[viewID]string{viewRead: "READ", viewFacts: "FACTS", viewOutlets: "OUTLETS", viewNotes: "NOTES", viewProblems: "PROBLEMS"}[m.view]
	switch {
	case m.showHelp:
		mode = "HELP"
	case m.panelOpen:
		mode = "WHY"
	case m.searching:
		mode = "SEARCH"
	case m.view == viewRead && m.read.picking:
		mode = "CHOOSE"
	}
	left := st.StatusMode.Render(mode) + " "
	info := fmt.Sprintf("%d articles · %d facts · %d markers", len(d.Corpus.Articles), len(d.Facts), d.markerCount())
	if m.view == viewRead {
		info = m.read.Status()
	}
	if m.query != "" {
		info += fmt.Sprintf(" · /%s %d/%d", m.query, m.hitIdx+1, len(m.hits))
	}
	if m.msg != "" {
		info = st.StatusMsg.Render(m.msg)
	} else {
		info = st.Status.Render(info)
	}
	legend := m.legendShort()
	room := m.width - ansi.StringWidth(left) - ansi.StringWidth(legend) - 1
	if room >= 16 {
		// The legend stays; the information gives way.
		return fit(left+ellipsize(info, room), m.width-ansi.StringWidth(legend)) + legend
	}
	return fit(ellipsize(left+info, m.width), m.width)
}

// legendShort is the colour legend of the status line.
func (m Model) legendShort() string {
	st := m.ctx.Styles
	return st.Muted.Render("outlets") +
		st.ShareSwatch[0].Render(" 2 ") + st.ShareSwatch[1].Render(" 3 ") + st.ShareSwatch[2].Render(" 4+") +
		st.Muted.Render(" ") + st.Unique.Render("*") + st.Muted.Render("only ") +
		st.FactNumDisc.Render("!") + st.Muted.Render("differ ")
}

// footerView is the short help of the active view plus the global keys, or
// the search prompt.
func (m Model) footerView() string {
	if m.searching {
		return fit(m.search.View(), m.width)
	}
	return fit(m.help.ShortHelpView(m.ShortHelp()), m.width)
}

// ShortHelp joins the active component's keys with the global ones.
func (m Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	global := []key.Binding{k.Search, k.Help, k.Quit}
	var own []key.Binding
	switch {
	case m.showHelp:
		return []key.Binding{k.Down, k.Up, k.Back, k.Quit}
	case m.panelOpen:
		own = m.panel.ShortHelp()
	default:
		switch m.view {
		case viewRead:
			own = m.read.ShortHelp()
		case viewFacts:
			own = m.facts.ShortHelp()
		case viewOutlets:
			own = m.outlets.ShortHelp()
		case viewProblems:
			own = m.problems.ShortHelp()
		}
	}
	return append(own, global...)
}

// FullHelp groups the active component's keys and the global ones.
func (m Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	var own [][]key.Binding
	switch {
	case m.panelOpen:
		own = m.panel.FullHelp()
	default:
		switch m.view {
		case viewRead:
			own = m.read.FullHelp()
		case viewFacts:
			own = m.facts.FullHelp()
		case viewOutlets:
			own = m.outlets.FullHelp()
		case viewProblems:
			own = m.problems.FullHelp()
		}
	}
	return append(own,
		[]key.Binding{k.Search, k.SearchNext, k.SearchPrev, k.Back},
		[]key.Binding{k.ViewRead, k.ViewFacts, k.ViewOutlets, k.ViewNotes, k.ViewProblems, k.Help, k.Quit},
	)
}

// helpView is the full help, scrolled to helpTop.
func (m Model) helpView(w, h int) string {
	lines := m.helpLines(w)
	top := max(0, min(m.helpTop, len(lines)-h))
	lines = lines[top:]
	if top+h < len(m.helpLines(w)) && h > 1 && len(lines) >= h {
		lines[h-1] = m.ctx.Styles.Muted.Render(fmt.Sprintf(" ↓ more: %s", m.ctx.Keys.Down.Help().Key))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// helpLines is the full help: the key map of the active view and the
// global keys, then what the colours and marks mean.
func (m Model) helpLines(w int) []string {
	st := m.ctx.Styles
	k := m.ctx.Keys
	hm := m.help
	hm.Width = w - 2
	var lines []string
	lines = append(lines, st.PanelTitle.Render("Help")+st.Muted.Render(fmt.Sprintf(" — keys for this view and everywhere; %s or %s closes", k.Back.Help().Key, k.Help.Help().Key)), "")
	// help.Model drops the groups that overflow the width: lay the groups
	// out in as many rows as they need instead.
	var row [][]key.Binding
	wide := hm
	wide.Width = 0 // unlimited: to measure
	flush := func() {
		if len(row) == 0 {
			return
		}
		for _, l := range strings.Split(hm.FullHelpView(row), "\n") {
			lines = append(lines, " "+l)
		}
		lines = append(lines, "")
		row = nil
	}
	for _, g := range m.FullHelp() {
		if len(row) > 0 && ansi.StringWidth(strings.Split(wide.FullHelpView(append(row, g)), "\n")[0]) > w-2 {
			flush()
		}
		row = append(row, g)
	}
	flush()
	lines = append(lines, st.PanelTitle.Render("What the colours and marks mean"))
	return append(lines, m.legendLines(w)...)
}

// legendLines explains every highlight of the read view.
func (m Model) legendLines(w int) []string {
	st := m.ctx.Styles
	out := []string{
		" " + st.ShareSwatch[0].Render(" 2 ") + st.ShareSwatch[1].Render(" 3 ") + st.ShareSwatch[2].Render(" 4+") +
			"  sentence states a fact other outlets share, tinted by how many outlets carry it",
		" " + st.FactNum.Render("12") + "   its fact number, in the gutter; the same number marks the fact in every column",
		" " + st.FactNumDisc.Render("!") + "    outlets disagree on a number or date in a fact of this sentence",
		" " + st.Unique.Render("*") + "    outlet-only: no other outlet carries this sentence",
		" " + st.Cursor.Render("▌") + "    the cursor;  " + st.Outline.Render("┃…┃") + " its counterparts, level with it in the other columns",
		" " + st.Furniture.Render("dim") + "  page furniture (menus, credits) — f shows or hides it",
	}
	var kinds []string
	for _, kd := range markerKinds() {
		kinds = append(kinds, st.Kind[kd].Render(kd))
	}
	out = append(out, " framing markers, underlined by kind: "+strings.Join(kinds, " "))
	for i := range out {
		out[i] = ellipsize(out[i], w)
	}
	return out
}
