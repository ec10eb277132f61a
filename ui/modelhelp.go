package ui

import "github.com/charmbracelet/bubbles/key"

// The root's help: the keys the footer and the ? screen list, the active
// page's or open layer's joined with the global ones. Both are built from
// the key map, so they show only what works where the user is.

// ShortHelp joins the active component's keys with the global ones.
func (m Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	switch {
	case m.showHelp:
		return m.helpScr.ShortHelp()
	case m.search.active:
		return m.search.ShortHelp()
	case m.over != nil:
		// An overlay takes every key but help and quit.
		return append(m.over.ShortHelp(), k.Help, k.Quit)
	case m.ctx.dialog != nil:
		if _, ok := m.ctx.dialog.(*memoEditor); ok {
			// ctrl+c saves the memo typed before it quits (memo.go).
			return append(m.ctx.dialog.ShortHelp(), helpAs(k.ForceQuit, "save & quit"))
		}
		return append(m.ctx.dialog.ShortHelp(), k.ForceQuit)
	}
	global := []key.Binding{searchKey(m.page(), k), k.Help, k.Quit}
	if m.capturing() {
		// An input or chooser has the keys; only ctrl+c still quits.
		global = []key.Binding{k.ForceQuit}
	}
	return append(m.page().ShortHelp(), global...)
}

// FullHelp groups the active component's keys and the global ones.
func (m Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	var own [][]key.Binding
	switch {
	case m.over != nil:
		own = m.over.FullHelp()
	case m.ctx.dialog != nil:
		own = m.ctx.dialog.FullHelp()
		if _, ok := m.ctx.dialog.(helpOwner); ok {
			return own
		}
	default:
		own = m.page().FullHelp()
	}
	return append(own,
		[]key.Binding{searchKey(m.page(), k), k.SearchNext, k.SearchPrev, k.SearchList, k.Back},
		[]key.Binding{k.Stories.View, k.ViewRead, k.ViewFacts, k.ViewOutlets, k.ViewNotes, k.ViewProblems, k.Stories.Everything, k.Help, k.Quit},
	)
}

// helpOwner is a dialog whose FullHelp lists every key that works in it,
// the global ones it honours included (the Disagreements view): the
// pages' and global keys it does not honour are left out of its help.
type helpOwner interface{ ownsHelp() }

// searchKey is / as page p uses it: a list page filters its list.
func searchKey(p page, k *KeyMap) key.Binding {
	if l, ok := p.(listPage); ok {
		if b, filters := l.filterKey(); filters {
			return b
		}
	}
	return k.Search
}
