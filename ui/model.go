package ui

import (
	"context"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

// Smallest usable terminal; below it the reader says so instead of drawing.
const (
	minWidth  = 40
	minHeight = 10
)

// chrome heights: the view tabs above; status line and footer below.
const (
	chromeTop    = 1
	chromeBottom = 2
)

// Model is the root of the reader (a tea.Model by pointer, so that a
// keypress does not copy it). It routes: messages to the page, layer or
// component they are for (modelkeys.go for keys and the mouse), sizes
// down to all of them, and composes their views with the chrome around
// them. The pages (page.go), the layers over them (layer.go; an open
// dialog is in the Context), the search, the background tasks and the
// notes store (in the Context) do the rest.
type Model struct {
	ctx     *Context
	opts    Options
	profile termenv.Profile
	bg      context.Context // cancelled by Run when the program ends

	// farewell is what Run writes to standard error once the screen is
	// gone: a memo ctrl+c saved as it quit.
	farewell []string

	width, height int
	ready         bool // a size is known
	loaded        bool
	// stored is set while the Stories view shows a library's stored
	// stories and the analysis runs (storedstories.go).
	stored bool

	loading loadingModel
	pages          // the pages, and the table the root routes through
	view    viewID // the active page

	tasks  tasks       // opening a story or thread, regrouping, in the background
	search searchModel // the "/" prompt and the last search's hits

	over     layer // an overlay: the Why? panel, the list of matches
	showHelp bool
	helpScr  helpScreen

	help  help.Model
	msg   string
	msgID int
	// jumpTo is the id of the article to show once the story opening
	// for it is open (a library search's hit); "" for none.
	jumpTo string
	// jumpSnippet is the library search's snippet of that article: the
	// sentence holding its words is shown.
	jumpSnippet string
	flashFor    time.Duration // how long a status message stays
}

// newModel builds the root model with styles already decided.
func newModel(bg context.Context, opts Options, ctx *Context, profile termenv.Profile) Model {
	h := help.New()
	h.Styles = ctx.Styles.Help
	if ctx.notes == nil {
		ctx.notes = newNotesService(ctx)
	}
	ctx.notes.coder = opts.Coder
	ctx.notes.bg = bg
	ctx.notes.comparePaths = opts.CompareNotes
	if opts.ConsensusPath != "" {
		ctx.notes.consensus = &consensusState{path: opts.ConsensusPath}
	}
	m := Model{ctx: ctx, bg: bg, opts: opts, profile: profile, search: newSearchModel(ctx), help: h, helpScr: newHelpScreen(ctx), flashFor: 4 * time.Second}
	m.tasks = tasks{bg: bg, opts: opts}
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

// setData installs the loaded data and builds the pages.
func (m *Model) setData(d *Data) tea.Cmd {
	if m.ctx.lib != nil {
		d = inLibraryOrder(d)
	}
	m.ctx.Data = d
	m.ctx.All = d
	m.loaded = true
	var stored *storiesModel
	if m.stored {
		stored = m.stories
		m.stored = false
		waitingViews(m.ctx.Keys, true)
	}
	m.pages = newPages(m.ctx, nil)
	if stored != nil {
		m.stories.follow(stored)
	}
	m.view = viewRead
	m.ctx.Keys.Stories.View.SetEnabled(d.Findings.Comparison != nil)
	m.ctx.Keys.Versions.SetEnabled(m.ctx.lib != nil)
	if res := d.Findings.Comparison; res != nil && len(res.Threads) > 1 {
		// Several threads: choose one first. One thread (or one story)
		// opens directly.
		m.view = viewStories
	}
	if m.ctx.lib != nil && d.Findings.Comparison != nil {
		// A library: today's stories first.
		m.view = viewStories
	}
	if len(d.Corpus.Articles) == 0 {
		m.view = viewProblems
	}
	cmd := m.setSize(m.width, m.height)
	if n := problemCount(m.ctx, d); n > 0 && m.view != viewProblems {
		cmd = tea.Batch(cmd, m.flash(fmt.Sprintf("%d loading problem(s): %s lists them", n, m.ctx.Keys.ViewProblems.Help().Key)))
	}
	return cmd
}

// installData makes d, of scope sc, what the pages show: they are built
// again over it (the read page keeping its column settings).
func (m *Model) installData(d *Data, sc scope) tea.Cmd {
	m.ctx.Data = d
	m.ctx.open = sc
	m.pages = newPages(m.ctx, &m.pages)
	m.ctx.notes.remark()
	m.search.clear() // the read page built again has no highlight to take off
	// The list of matches and the Why? panel were of the data replaced.
	m.over = nil
	m.ctx.Keys.Stories.Everything.SetEnabled(sc.kind != scopeAll)
	cmd := m.setSize(m.width, m.height)
	if p, ok := m.page().(shownPage); ok {
		cmd = tea.Batch(cmd, p.shown())
	}
	return cmd
}

// setSize pushes the size, minus the chrome, down to every component.
func (m *Model) setSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.ready = w > 0 && h > 0
	m.loading.SetSize(w, max(h-1, 1))
	m.help.Width = w
	m.search.SetSize(w)
	bw, bh := w, h-chromeTop-chromeBottom
	if m.ctx.dialog != nil {
		// A dialog opened in a small window grows with it.
		m.ctx.dialog.SetSize(bw, bh)
	}
	if !(m.loaded || m.stored) || tooSmall(m.width, m.height) {
		return nil
	}
	m.helpScr.SetSize(bw, bh)
	if m.over != nil {
		m.over.SetSize(bw, bh)
	}
	var cmds []tea.Cmd
	for _, p := range m.byID {
		if p != nil { // the stored stories are the only page
			cmds = append(cmds, p.SetSize(bw, bh))
		}
	}
	return tea.Batch(cmds...)
}

// tooSmall reports whether a w×h terminal is too small to draw in.
func tooSmall(w, h int) bool { return w < minWidth || h < minHeight }

// page is the active page.
func (m Model) page() page { return m.byID[m.view] }

// Update routes a message: sizes, the start-up work and the background
// tasks' results; the notes store's; a dialog's answer to the page that
// asked; keys and the mouse (modelkeys.go); anything else (an input's
// blink) to the focused input.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.ctx.notes.update(msg); ok {
		if !m.loaded {
			return m, cmd
		}
		for _, p := range m.byID {
			if w, ok := p.(notesPage); ok {
				w.notesChanged()
			}
		}
		if m.ctx.notes.store != nil {
			// The notes file's story corrections may have changed.
			cmd = tea.Batch(cmd, m.tasks.regroup(m.ctx.All, m.ctx.notes.snap.corrections, m.ctx.open, m.ctx.Keys.ViewProblems.Help().Key))
		}
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.setSize(msg.Width, msg.Height)
	case storedMsg:
		return m, tea.Batch(m.showStored(msg.s), m.loading.wait())
	case loadedMsg:
		if msg.err != nil {
			m.loading.err = msg.err
			m.stored = false // the start-up screen says why
			return m, nil
		}
		m.ctx.lib = msg.lib
		return m, tea.Batch(m.setData(msg.data), m.ctx.notes.open(msg.data.Corpus, notesPathFor(m.opts, msg.data.Corpus)))
	case progressMsg, spinner.TickMsg, progress.FrameMsg:
		if m.loaded {
			return m, nil
		}
		var cmd tea.Cmd
		m.loading, cmd = m.loading.Update(msg)
		return m, cmd
	case quitSavedMsg:
		m.farewell = append(m.farewell, msg.say)
		return m, nil
	case statusMsg:
		return m, m.flash(string(msg))
	case clearMsg:
		if msg.id == m.msgID {
			m.msg = ""
		}
		return m, nil
	case pageMsg:
		// A dialog's answer, a rendered profile, a jump: to its page,
		// which jumps and facts to read bring to the front.
		p := m.byID[msg.page()]
		if p == nil {
			return m, nil // the stored stories are the only page
		}
		switch msg.(type) {
		case jumpMsg, gotoFactMsg:
			m.view = viewRead
		}
		return m, p.Update(msg)
	case dialogReply:
		if m.ctx.dialog == nil || m.ctx.dialog != msg.asker() {
			return m, msg.unclaimed()
		}
		var cmd tea.Cmd
		m.ctx.dialog, cmd = m.ctx.dialog.Update(msg)
		return m, cmd
	case openWhyMsg:
		p := newPanel(m.ctx, msg)
		if msg.article >= 0 {
			p.notes = m.ctx.notes.at(msg.article, msg.sentence)
		}
		m.over = p
		m.over.SetSize(m.width, m.height-chromeTop-chromeBottom)
		return m, nil
	case openVersionsMsg:
		v, cmd := newVersionsLayer(m.ctx, m.bg, msg)
		m.over = v
		m.over.SetSize(m.width, m.height-chromeTop-chromeBottom)
		return m, cmd
	case openHitMsg:
		if m.stored {
			return m, m.flash(ellipsize(oneLine(msg.hit.Title), 40) + " opens when the analysis is done")
		}
		return m, m.openHit(msg.hit)
	case overlayMsg:
		if m.over == nil {
			return m, nil // closed meanwhile: nobody waits for it
		}
		var cmd tea.Cmd
		m.over, cmd = m.over.Update(msg)
		return m, cmd
	case saveCorrectionMsg:
		return m, m.ctx.notes.saveCorrection(msg.c)
	case searchDoneMsg:
		return m, m.deliver(m.search.done(msg, m.read))
	case hitChosenMsg:
		return m, m.deliver(m.search.jumpTo(msg.hit), nil)
	case openScopeMsg:
		return m, m.openScope(msg.sc)
	case scopeOpenedMsg:
		return m, m.scopeOpened(msg)
	case taskProgressMsg:
		return m, m.tasks.progress(msg)
	case tea.MouseMsg:
		return m, m.updateMouse(msg)
	case tea.KeyMsg:
		return m, m.updateKey(msg)
	}
	// Anything else (a text input's blink) goes to the focused input.
	var cmd tea.Cmd
	switch {
	case m.search.active:
		cmd = m.search.Update(msg)
	case m.ctx.dialog != nil:
		m.ctx.dialog, cmd = m.ctx.dialog.Update(msg)
	case (m.loaded || m.stored) && m.typing():
		cmd = m.page().Update(msg)
	}
	return m, cmd
}

// deliver gives msgs to whom they are addressed at once, before any key
// that follows, and returns what they and cmd ask for.
func (m *Model) deliver(msgs []tea.Msg, cmd tea.Cmd) tea.Cmd {
	cmds := []tea.Cmd{cmd}
	for _, msg := range msgs {
		_, c := m.Update(msg)
		cmds = append(cmds, c)
	}
	return tea.Batch(cmds...)
}

// openScope opens what the Stories view asked for: everything at once, a
// story or thread in the background.
func (m *Model) openScope(sc scope) tea.Cmd {
	all := m.ctx.All
	if all == nil || m.stored {
		return nil
	}
	if sc.everything(all) {
		m.tasks.cancel()
		m.view = viewRead
		return m.installData(all, scope{})
	}
	return m.tasks.open(all, sc)
}

// scopeOpened installs the data of an opened scope, or of the stories
// grouped again.
func (m *Model) scopeOpened(msg scopeOpenedMsg) tea.Cmd {
	if !m.tasks.finished(msg) {
		return nil // superseded by a later task
	}
	if msg.err != nil {
		if m.bg.Err() != nil {
			return nil
		}
		return m.flash(msg.err.Error())
	}
	if msg.all != nil {
		if m.ctx.lib != nil {
			msg.all = inLibraryOrder(msg.all)
		}
		m.ctx.All = msg.all
	}
	d := msg.data
	if d == nil {
		d = m.ctx.All
	}
	if msg.all == nil {
		m.view = viewRead
	}
	cmd := m.installData(d, msg.sc)
	if id := m.jumpTo; id != "" {
		m.jumpTo = ""
		if a := d.artIndexOf(id); a >= 0 {
			cmd = tea.Batch(cmd, m.deliver([]tea.Msg{hitJump(d, a, m.jumpSnippet)}, nil))
		}
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

// flash shows a transient message in the status line, cleared by the next
// key or after a few seconds.
func (m *Model) flash(s string) tea.Cmd {
	m.msg = s
	m.msgID++
	id := m.msgID
	return tea.Tick(m.flashFor, func(time.Time) tea.Msg { return clearMsg{id} })
}

// View composes the chrome and the active page, or the layer over it;
// every line is exactly the terminal width.
func (m Model) View() string {
	if !m.ready {
		return ""
	}
	c := m.chrome()
	if tooSmall(m.width, m.height) {
		return c.tooSmallView()
	}
	if !(m.loaded || m.stored) {
		return m.loading.View() + "\n" + fit(m.help.ShortHelpView(m.loading.ShortHelp()), m.width)
	}
	var body string
	switch {
	case m.showHelp:
		body = m.helpScreen().View(m.FullHelp())
	case m.over != nil:
		body = m.over.View()
	case m.ctx.dialog != nil:
		body = m.ctx.dialog.View()
	default:
		body = m.page().View()
	}
	status, footer := c.statusAndFooter()
	return c.tabsView() + "\n" + body + "\n" + status + "\n" + footer
}

// chrome is the chrome as it is now: the tabs, and what the status line
// and the footer say.
func (m Model) chrome() chrome {
	c := chrome{ctx: m.ctx, width: m.width, height: m.height, help: m.help, view: m.view, msg: m.msg, analysing: m.stored}
	if !(m.loaded || m.stored) || tooSmall(m.width, m.height) {
		return c
	}
	d := m.ctx.Data
	c.title = scopeTitle(m.ctx.All, m.ctx.open)
	c.mode = tabOf(m.view).mode
	c.info = plural(len(d.Corpus.Articles), "article") + " · " + plural(len(d.Facts), "fact") + " · " + plural(d.markerCount(), "marker")
	selected := ""
	if p, ok := m.page().(statusPage); ok {
		ps := p.status(m.ctx.dialog != nil, m.width)
		if ps.mode != "" {
			c.mode = ps.mode
		}
		c.info, c.position, c.passage, selected = ps.info, ps.position, ps.passage, ps.selected
	}
	switch {
	case m.showHelp:
		c.mode = "HELP"
	case m.over != nil:
		if o, ok := m.over.(modeLayer); ok {
			c.mode = o.mode()
		}
	case m.ctx.dialog != nil:
		if o, ok := m.ctx.dialog.(modeLayer); ok {
			c.mode = o.mode()
		}
	case m.search.active:
		c.mode = "SEARCH"
	}
	if m.search.active {
		c.prompt = m.search.View()
	}
	if pos := m.search.Status(); pos != "" {
		// The search position first: it is what n and N move.
		c.info = pos + " · " + c.info
	}
	if sc := scopeShort(m.ctx.All, m.ctx.open); sc != "" {
		// What is open, in short: the header may not have room for it.
		c.info = sc + " · " + c.info
	}
	if t := m.tasks.status(); t != "" {
		c.info = t + " · " + c.info
	}
	if m.stored {
		// The analysis under way, shown whole: the legend gives way.
		c.info, c.position = m.loading.storedStatus(), true
	}
	c.notes = selected + m.ctx.notes.status(m.width)
	c.keys = m.ShortHelp()
	return c
}
