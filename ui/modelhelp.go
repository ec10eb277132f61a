package ui

import "github.com/charmbracelet/bubbles/key"

// The root's help: the keys the footer and the ? screen list, the active
// view's or open component's joined with the global ones. Both are built
// from the key map, so they show only what works where the user is.

// ShortHelp joins the active component's keys with the global ones.
func (m Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	global := []key.Binding{m.searchKey(), k.Help, k.Quit}
	var own []key.Binding
	switch {
	case m.showHelp:
		return m.helpScr.ShortHelp()
	case m.search.active:
		return m.search.ShortHelp()
	case m.panelOpen:
		// The panel takes every key but help and quit.
		return append(m.panel.ShortHelp(), k.Help, k.Quit)
	case m.resultsOpen:
		return append(m.results.ShortHelp(), k.Help, k.Quit)
	case m.dialogOpen():
		return append(m.dialogHelp(), k.ForceQuit)
	case m.capturing():
		// A dialog or input has the keys; only ctrl+c still quits.
		global = []key.Binding{k.ForceQuit}
	}
	switch m.view {
	case viewRead:
		own = m.read.ShortHelp()
		if !m.capturing() {
			own = m.withTagKeys(own)
		}
	case viewFacts:
		own = m.facts.ShortHelp()
	case viewOutlets:
		own = m.outlets.ShortHelp()
	case viewProblems:
		own = m.problems.ShortHelp()
	case viewNotes:
		if g := m.notesViewHelp(); len(g) > 1 {
			own = g[1]
		}
	case viewStories:
		own = m.stories.ShortHelp()
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
	case m.resultsOpen:
		own = m.results.FullHelp()
	case m.dialogOpen():
		own = [][]key.Binding{m.dialogHelp()}
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
		case viewNotes:
			own = m.notesViewHelp()
		case viewStories:
			own = m.stories.FullHelp()
		}
		if m.view == viewRead && !m.read.picking {
			own = append(own, m.notesReadHelp())
		}
		if m.view == viewFacts || m.view == viewOutlets || m.view == viewProblems || m.view == viewStories {
			// Export, undo and redo work from every view.
			own = append(own, []key.Binding{k.Export, m.ctx.notes.keys.Undo, m.ctx.notes.keys.Redo})
		}
	}
	return append(own,
		[]key.Binding{m.searchKey(), k.SearchNext, k.SearchPrev, k.SearchList, k.Back},
		[]key.Binding{k.Stories.View, k.ViewRead, k.ViewFacts, k.ViewOutlets, k.ViewNotes, k.ViewProblems, k.Stories.Everything, k.Help, k.Quit},
	)
}
