package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Routing keys and the mouse. A key goes to the first that has it, in
// this order (the house style's focus order): ctrl+c quits from anywhere;
// the open search prompt; the help screen; ? opens help unless a text
// input has the keys; an overlay, then a dialog; a page with an input or
// chooser of its own open; the notes keys every page shares; the global
// keys (search, view switching, esc); and last the active page.

// updateKey routes a key.
func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	k := m.ctx.Keys
	if key.Matches(msg, k.ForceQuit) {
		// A memo being written is saved first, a name typed printed:
		// ctrl+c quits, and loses nothing (drafts.go, docs/tagging.md).
		if q, ok := m.ctx.dialog.(quitSaver); ok {
			if save := q.saveOnQuit(); save != nil {
				return tea.Sequence(save, tea.Quit)
			}
		}
		return tea.Quit
	}
	// Keys typed faster than the terminal is read arrive as one message
	// ("jjj"); outside text inputs each is its own keypress.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.typing() {
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		}
		return tea.Batch(cmds...)
	}
	if !(m.loaded || m.stored) || tooSmall(m.width, m.height) {
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	m.msg = ""
	var cmd tea.Cmd
	switch {
	case m.search.active:
		return m.search.Update(msg)
	case m.showHelp:
		switch {
		case key.Matches(msg, k.Quit):
			return tea.Quit
		case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
			m.showHelp = false
			return nil
		}
		m.helpScr, cmd = m.helpScreen().Update(msg, m.FullHelp())
		return cmd
	case key.Matches(msg, k.Help) && (!m.typing() || msg.Type != tea.KeyRunes):
		// Every view, panel, chooser and dialog has help: ? unless it is
		// being typed into an input, f1 there too.
		m.showHelp = true
		m.helpScr.top = 0
		return nil
	case m.over != nil:
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		m.over, cmd = m.over.Update(msg)
		return cmd
	case m.ctx.dialog != nil:
		m.ctx.dialog, cmd = m.ctx.dialog.Update(msg)
		return cmd
	case m.capturing():
		return m.page().Update(msg)
	}
	if m.stored {
		if cmd, ok := storedKey(m.ctx, msg); ok {
			return cmd
		}
	}
	if cmd, ok := m.ctx.notes.key(msg, m.width, m.height-chromeTop-chromeBottom); ok {
		return cmd
	}
	if cmd, ok := m.globalKey(msg); ok {
		return cmd
	}
	if cmd, ok := versionsUnavailable(m.ctx.Keys, msg); ok {
		return cmd
	}
	return m.page().Update(msg)
}

// versionsUnavailable says why V does nothing on the built-in corpus or a
// folder: versions are kept only for a library's articles. ok is false
// when V is enabled or msg is another key.
func versionsUnavailable(k *KeyMap, msg tea.KeyMsg) (tea.Cmd, bool) {
	if k.Versions.Enabled() {
		return nil, false
	}
	for _, s := range k.Versions.Keys() {
		if msg.String() == s {
			return say("versions: only for articles from a library; see docs/library.md"), true
		}
	}
	return nil, false
}

// globalKey handles the keys that work on every page; ok is false for any
// other key.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.ctx.Keys
	p := m.page()
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit, true
	case key.Matches(msg, k.Search):
		// In a list, / filters the list (as in lazygit and k9s).
		if l, ok := p.(listPage); ok {
			if _, filters := l.filterKey(); filters {
				return l.openFilter(), true
			}
		}
		return m.search.Open(), true
	case key.Matches(msg, k.SearchNext):
		return m.deliver(m.search.step(1)), true
	case key.Matches(msg, k.SearchPrev):
		return m.deliver(m.search.step(-1)), true
	case key.Matches(msg, k.SearchList):
		o, cmd := m.search.results()
		if o != nil {
			m.over = o
			m.over.SetSize(m.width, m.height-chromeTop-chromeBottom)
		}
		return cmd, true
	case key.Matches(msg, k.Stories.Everything):
		return m.openScope(scope{}), true
	case key.Matches(msg, k.Back):
		if b, ok := p.(backPage); ok {
			if cmd, ok := b.back(); ok {
				return cmd, true
			}
		}
		if m.search.query != "" {
			return m.deliver(m.search.clear(), m.flash("search cleared")), true
		}
		return nil, false
	}
	for _, t := range tabOrder {
		if key.Matches(msg, t.key(k)) {
			return m.show(t.id), true
		}
	}
	return nil, false
}

// show makes page id the active page.
func (m *Model) show(id viewID) tea.Cmd {
	m.view = id
	if p, ok := m.page().(shownPage); ok {
		return p.shown()
	}
	return nil
}

// typing reports whether a text input has the keys: the search prompt, a
// dialog's input or filter, a page's filter. Elsewhere (lists, the
// article chooser, the export formats, a yes/no question) each rune of a
// message is a keypress of its own.
func (m Model) typing() bool {
	switch {
	case m.search.active:
		return true
	case m.ctx.dialog != nil:
		t, ok := m.ctx.dialog.(typingLayer)
		return ok && t.typing()
	}
	if p, ok := m.page().(inputPage); ok {
		return p.typing()
	}
	return false
}

// capturing reports whether a dialog, or an input or chooser of the
// active page, takes every key.
func (m Model) capturing() bool {
	if m.ctx.dialog != nil {
		return true
	}
	p, ok := m.page().(inputPage)
	return ok && p.capturing()
}

// updateMouse makes mouse coordinates relative to the page's area and
// routes the event: a click on a tab switches pages.
func (m *Model) updateMouse(msg tea.MouseMsg) tea.Cmd {
	if !(m.loaded || m.stored) || tooSmall(m.width, m.height) || m.search.active || m.ctx.dialog != nil {
		return nil
	}
	if m.showHelp {
		// The wheel scrolls the help as it scrolls everything else.
		var cmd tea.Cmd
		m.helpScr, cmd = m.helpScreen().Update(msg, m.FullHelp())
		return cmd
	}
	if msg.Y == 0 && msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress {
		if v, ok := m.chrome().tabAt(msg.X); ok {
			m.over = nil
			return m.show(v)
		}
		return nil
	}
	msg.Y -= chromeTop
	if msg.Y < 0 || msg.Y >= m.height-chromeTop-chromeBottom {
		return nil
	}
	if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress {
		m.msg = "" // a click, like a key, ends the last message
	}
	if m.over != nil {
		var cmd tea.Cmd
		m.over, cmd = m.over.Update(msg)
		return cmd
	}
	return m.page().Update(msg)
}
