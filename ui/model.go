package ui

import (
	"context"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
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

// viewID names a screen of the view switcher.
type viewID int

const (
	viewRead viewID = iota
	viewFacts
	viewOutlets
	viewNotes // reserved for the notes round
	viewProblems
	viewStories
)

// searchDoneMsg carries the hits of a search across all articles.
type searchDoneMsg struct {
	query string
	hits  []hit
	data  *Data // what was searched: hits index its articles
}

// hit is a sentence matching the search.
type hit struct{ article, sentence int }

// Model is the root of the reader (a tea.Model by pointer, so that a
// keypress does not copy it): it owns the window size and the chrome
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
	stories  storiesModel
	view     viewID

	scope   scope     // what is open: everything, a thread or a story
	task    taskState // opening a scope or regrouping, in the background
	taskSeq int

	panel     panelModel
	panelOpen bool
	showHelp  bool
	helpScr   helpScreen

	search      searchModel
	results     resultsModel // the list of the last search's matches
	resultsOpen bool

	notesView notesViewModel // view 4
	dlg       dialog         // an open tagging or export dialog
	exp       exportDialog

	help     help.Model
	msg      string
	msgID    int
	flashFor time.Duration // how long a status message stays
}

// newModel builds the root model with styles already decided.
func newModel(bg context.Context, opts Options, ctx *Context, profile termenv.Profile) Model {
	h := help.New()
	h.Styles = ctx.Styles.Help
	m := Model{ctx: ctx, bg: bg, opts: opts, profile: profile, search: newSearchModel(ctx), help: h, helpScr: newHelpScreen(ctx), flashFor: 4 * time.Second}
	m.loading = newLoadingModel(ctx, profile)
	if ctx.notes == nil {
		ctx.notes = newNotesService(ctx)
	}
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
	m.ctx.All = d
	m.loaded = true
	m.read = newReadModel(m.ctx)
	m.facts = newFactsModel(m.ctx)
	m.outlets = newOutletsModel(m.ctx)
	m.problems = newProblemsModel(m.ctx)
	m.notesView = newNotesViewModel(m.ctx)
	m.stories = newStoriesModel(m.ctx)
	m.ctx.Keys.Stories.View.SetEnabled(d.Findings.Comparison != nil)
	if res := d.Findings.Comparison; res != nil && len(res.Threads) > 1 {
		// Several threads: choose one first. One thread (or one story)
		// opens directly.
		m.view = viewStories
	}
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
	m.search.SetSize(w)
	m.sizeDialogs()
	if !m.loaded || m.tooSmall() {
		return nil
	}
	bw, bh := w, h-chromeTop-chromeBottom
	m.helpScr.SetSize(bw, bh)
	m.read.SetSize(bw, bh)
	m.facts.SetSize(bw, bh)
	m.problems.SetSize(bw, bh)
	m.notesView.SetSize(bw, bh)
	m.stories.SetSize(bw, bh)
	if m.panelOpen {
		m.panel.SetSize(bw, bh)
	}
	if m.resultsOpen {
		m.results.SetSize(bw, bh)
	}
	return m.outlets.SetSize(bw, bh)
}

func (m Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// Update routes a message: size and background results first, then keys to
// the open input or dialog, then global keys, then the active view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.ctx.notes.update(msg); ok {
		m.notesView.refresh(m.ctx.notes.snap)
		// The notes file's story corrections may have changed.
		return m, tea.Batch(cmd, m.regroupIfChanged())
	}
	switch msg := msg.(type) {
	case statusMsg:
		return m, m.flash(string(msg))
	case editorReadyMsg:
		return m, m.editorReady(msg)
	case editorDoneMsg:
		return m, m.editorDone(msg)
	case exportDoneMsg, exportPreviewMsg:
		return m, m.exportMsg(msg)
	case tea.WindowSizeMsg:
		return m, m.setSize(msg.Width, msg.Height)
	case loadedMsg:
		if msg.err != nil {
			m.loading.err = msg.err
			return m, nil
		}
		return m, tea.Batch(m.setData(msg.data), m.ctx.notes.open(msg.data.Corpus, notesPathFor(m.opts, msg.data.Corpus)))
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
	case openScopeMsg:
		return m, m.openScope(msg.sc)
	case saveCorrectionMsg:
		return m, m.ctx.notes.saveCorrection(msg.c)
	case scopeOpenedMsg:
		return m, m.scopeOpened(msg)
	case taskProgressMsg:
		return m, m.taskProgress(msg)
	case openWhyMsg:
		m.panel = newPanel(m.ctx, msg)
		if msg.article >= 0 {
			m.panel.notes = m.ctx.notes.at(msg.article, msg.sentence)
		}
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
	case m.search.active:
		m.search, cmd = m.search.Update(msg)
	case m.loaded && m.view == viewFacts:
		m.facts, cmd = m.facts.Update(msg)
	}
	return m, cmd
}

func (m *Model) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	// Keys typed faster than the terminal is read arrive as one message
	// ("jjj"); outside text inputs each is its own keypress.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.typing() {
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			_, cmd := m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	}
	if !m.loaded || m.tooSmall() {
		if key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	m.msg = ""
	// An open input or dialog gets the key first.
	if m.search.active {
		return m.updateSearch(msg)
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
			m.showHelp = false
			return m, nil
		}
		var cmd tea.Cmd
		m.helpScr, cmd = m.helpScr.Update(msg, m.FullHelp())
		return m, cmd
	}
	if key.Matches(msg, k.Help) && !m.typing() {
		// Every view, panel, chooser and dialog has help, unless ? is
		// being typed into an input.
		m.showHelp = true
		m.helpScr.top = 0
		return m, nil
	}
	if m.panelOpen {
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Back), key.Matches(msg, k.Why):
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
	if m.resultsOpen {
		return m.updateResults(msg)
	}
	if m.dialogOpen() {
		return m.updateDialog(msg)
	}
	if m.capturing() {
		return m.updateView(msg)
	}
	if cmd, ok := m.updateNotesKey(msg); ok {
		return m, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		m.helpScr.top = 0
		return m, nil
	case key.Matches(msg, k.Search):
		// In a list, / filters the list (as in lazygit and k9s).
		switch {
		case m.view == viewFacts:
			var cmd tea.Cmd
			m.facts, cmd = m.facts.openFilter()
			return m, cmd
		case m.view == viewNotes && m.ctx.notes.store != nil:
			return m, m.notesView.openFilter()
		}
		return m, m.search.Open()
	case key.Matches(msg, k.SearchNext):
		return m, m.nextHit(1)
	case key.Matches(msg, k.SearchPrev):
		return m, m.nextHit(-1)
	case key.Matches(msg, k.SearchList):
		return m, m.openResults()
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
	case key.Matches(msg, k.Stories.View):
		m.view = viewStories
		return m, nil
	case key.Matches(msg, k.Stories.Everything):
		return m, m.openScope(scope{})
	case key.Matches(msg, k.Back) && m.clearListFilter():
		return m, m.flash("filter cleared")
	case key.Matches(msg, k.Back) && m.search.query != "":
		m.clearSearch()
		return m, m.flash("search cleared")
	}
	return m.updateView(msg)
}

// capturing reports whether the active view has an input or dialog open.
// typing reports whether a text input has the keys: the search prompt, a
// dialog's input or filter, the export path, the facts filter. Elsewhere
// (lists, the article chooser, the export formats, a yes/no question)
// each rune of a message is a keypress of its own.
func (m Model) typing() bool {
	switch {
	case m.search.active:
		return true
	case m.dialogOpen():
		switch m.dlg.kind {
		case dlgInput, dlgMemo:
			return true
		case dlgChooser:
			return m.dlg.filter
		case dlgExport:
			return m.exp.step == expPath
		}
		return false
	case m.view == viewFacts:
		return m.facts.Capturing()
	case m.view == viewNotes:
		return m.notesView.filtering
	case m.view == viewRead && m.read.picking:
		return m.read.picker.filtering
	}
	return false
}

func (m Model) capturing() bool {
	if m.dialogOpen() {
		return true
	}
	switch m.view {
	case viewRead:
		return m.read.Capturing()
	case viewFacts:
		return m.facts.Capturing()
	case viewNotes:
		return m.notesView.filtering
	case viewStories:
		return m.stories.Capturing()
	}
	return false
}

// updateView sends a message to the active view.
func (m *Model) updateView(msg tea.Msg) (tea.Model, tea.Cmd) {
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
	case viewNotes:
		cmd = m.updateNotesView(msg)
	case viewStories:
		m.stories, cmd = m.stories.Update(msg)
		if m.stories.msg != "" {
			return m, tea.Batch(cmd, m.flash(m.stories.msg))
		}
	}
	return m, cmd
}

// updateMouse makes mouse coordinates relative to the view area.
func (m *Model) updateMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if !m.loaded || m.tooSmall() || m.search.active || m.dialogOpen() {
		return m, nil
	}
	if m.showHelp {
		// The wheel scrolls the help as it scrolls everything else.
		var cmd tea.Cmd
		m.helpScr, cmd = m.helpScr.Update(msg, m.FullHelp())
		return m, cmd
	}
	if msg.Y == 0 && msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress {
		if v, ok := m.tabAt(msg.X); ok {
			m.view, m.panelOpen, m.resultsOpen = v, false, false
			if v == viewOutlets {
				return m, m.outlets.load()
			}
		}
		return m, nil
	}
	msg.Y -= chromeTop
	if msg.Y < 0 || msg.Y >= m.height-chromeTop-chromeBottom {
		return m, nil
	}
	if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress {
		m.msg = "" // a click, like a key, ends the last message
	}
	if m.panelOpen {
		var cmd tea.Cmd
		m.panel, cmd = m.panel.Update(msg)
		return m, cmd
	}
	if m.resultsOpen {
		m.results = m.results.Update(msg)
		return m, nil
	}
	return m.updateView(msg)
}

// flash shows a transient message in the status line, cleared by the next
// key or after a few seconds.
func (m *Model) flash(s string) tea.Cmd {
	m.msg = s
	m.msgID++
	id := m.msgID
	return tea.Tick(m.flashFor, func(time.Time) tea.Msg { return clearMsg{id} })
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
		body = m.helpScr.View(m.FullHelp())
	case m.panelOpen:
		body = m.panel.View()
	case m.resultsOpen:
		body = m.results.View()
	case m.dialogOpen():
		body = m.dialogView(m.width, bh)
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
			body = m.notesViewView(m.width, bh)
		case viewStories:
			body = m.stories.View()
		}
	}
	status, footer := m.statusAndFooter()
	return m.tabsView() + "\n" + body + "\n" + status + "\n" + footer
}
