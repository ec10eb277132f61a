package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// The root's help: the keys the footer and the ? screen list, the active
// page's joined with the global ones, or an open layer's with help and
// quit alone. Both are built from the key map, so they show only what
// works where the user is.

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
		return append(m.ctx.dialog.ShortHelp(), m.layerKeys()...)
	}
	global := []key.Binding{searchKey(m.page(), k), k.Help, k.Quit}
	if m.capturing() {
		// An input or chooser has the keys; only ctrl+c still quits.
		global = []key.Binding{k.ForceQuit}
	}
	return append(m.page().ShortHelp(), global...)
}

// FullHelp groups the active component's keys and the global ones. A
// layer takes every key but help and quit: its help is its own keys and
// those two.
func (m Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	switch {
	case m.over != nil:
		return append(m.over.FullHelp(), []key.Binding{k.Help, k.Quit})
	case m.ctx.dialog != nil:
		own := m.ctx.dialog.FullHelp()
		if _, ok := m.ctx.dialog.(helpOwner); ok {
			return own
		}
		return append(own, m.layerKeys())
	}
	return append(m.page().FullHelp(),
		[]key.Binding{searchKey(m.page(), k), k.SearchNext, k.SearchPrev, k.SearchList, k.Back},
		[]key.Binding{k.Stories.View, k.ViewRead, k.ViewFacts, k.ViewOutlets, k.ViewNotes, k.ViewProblems, k.Stories.Everything, k.Help, k.Quit},
	)
}

// layerKeys are the keys that still work in an open dialog: help (f1
// while a text input has the keys, where ? is a letter) and ctrl+c, which
// quits, saving a memo being written first (quitSaver).
func (m Model) layerKeys() []key.Binding {
	k := m.ctx.Keys
	help := helpAs(k.Help, "help")
	if m.typing() {
		help = helpAs(inputHelpKey(k), "help")
	}
	quit := k.ForceQuit
	if _, ok := m.ctx.dialog.(*memoEditor); ok {
		quit = helpAs(k.ForceQuit, "save & quit")
	}
	// ctrl+c first: a narrow footer cuts from the end.
	return []key.Binding{quit, help}
}

// inputHelpKey is the help binding as a text input takes it: its keys
// that are not letters (f1).
func inputHelpKey(k *KeyMap) key.Binding {
	var keys []string
	for _, s := range k.Help.Keys() {
		if len([]rune(s)) > 1 {
			keys = append(keys, s)
		}
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(keys, "/"), k.Help.Help().Desc))
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

// helpScreen is the help screen as the root draws it now: an overlay's
// or a dialog's keys, without the global ones, while one is open; a
// dialog's without the legend.
func (m Model) helpScreen() helpScreen {
	h := m.helpScr
	h.layer = m.over != nil || m.ctx.dialog != nil
	h.dialog = m.ctx.dialog != nil && m.over == nil
	return h
}
