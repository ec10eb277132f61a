package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The pages of the view switcher and the table the root routes through:
// the root holds one of each page, sends keys, mouse events and the
// messages addressed to a page to it, pushes sizes down and joins its help
// with the global keys. It owns nothing else of a page.

// viewID names a page of the view switcher.
type viewID int

const (
	viewRead viewID = iota
	viewFacts
	viewOutlets
	viewNotes
	viewProblems
	viewStories
	numViews
)

// page is one screen of the view switcher.
type page interface {
	// Update handles a key, a mouse event (relative to the page's area)
	// or a message addressed to the page.
	Update(msg tea.Msg) tea.Cmd
	View() string
	// SetSize sets the page's area; a page that renders in the
	// background (the outlet profiles) returns the Cmd that does it.
	SetSize(w, h int) tea.Cmd
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// What some pages do besides; the root asks with a type assertion.
type (
	// inputPage is a page that can have an input or a chooser of its own
	// open (the facts filter, the article chooser): it then takes every
	// key (capturing), and while typing into a text input each rune of a
	// message is a keystroke of the text.
	inputPage interface {
		capturing() bool
		typing() bool
	}
	// listPage is a page whose / filters its list instead of searching the
	// articles (as in lazygit and k9s); filterKey says so in the help, and
	// ok is false when the page does not filter now.
	listPage interface {
		filterKey() (b key.Binding, ok bool)
		openFilter() tea.Cmd
	}
	// backPage is a page with something esc closes before esc clears the
	// search: a filter, a selection. ok is false when there was nothing.
	backPage interface {
		back() (cmd tea.Cmd, ok bool)
	}
	// shownPage is a page with work to start when it is shown (the outlet
	// profile to render).
	shownPage interface {
		shown() tea.Cmd
	}
	// notesPage is a page that lists the notes: it is told when the notes
	// store's content changed.
	notesPage interface {
		notesChanged()
	}
)

// pageMsg is a message addressed to one page — a dialog's answer, a
// rendered profile: the root gives it to that page whichever page is
// active by then.
type pageMsg interface {
	tea.Msg
	page() viewID
}

// tabEntry is a page's entry in the view switcher: its key, its name on
// the tab line and its mode in the status line.
type tabEntry struct {
	id          viewID
	key         func(k *KeyMap) key.Binding
	label, mode string
}

// tabOrder lists the pages as the tab line shows them.
var tabOrder = []tabEntry{
	{viewStories, func(k *KeyMap) key.Binding { return k.Stories.View }, "Stories", "STORIES"},
	{viewRead, func(k *KeyMap) key.Binding { return k.ViewRead }, "Read", "READ"},
	{viewFacts, func(k *KeyMap) key.Binding { return k.ViewFacts }, "Facts", "FACTS"},
	{viewOutlets, func(k *KeyMap) key.Binding { return k.ViewOutlets }, "Outlets", "OUTLETS"},
	{viewNotes, func(k *KeyMap) key.Binding { return k.ViewNotes }, "Notes", "NOTES"},
	{viewProblems, func(k *KeyMap) key.Binding { return k.ViewProblems }, "Problems", "PROBLEMS"},
}

// tabOf is the view switcher's entry of page id.
func tabOf(id viewID) tabEntry {
	for _, t := range tabOrder {
		if t.id == id {
			return t
		}
	}
	return tabEntry{}
}

// pages are the root's pages, by name for the few messages the root
// itself sends one (a jump to the read page), and by id in byID, the
// table it routes through.
type pages struct {
	read      *readModel
	facts     *factsModel
	outlets   *outletsModel
	notesView *notesViewModel
	problems  *problemsModel
	stories   *storiesModel
	byID      [numViews]page
}

// newPages builds the pages over ctx.Data. With prev (another story or
// everything opened), the Stories page and the read page's column
// settings are kept.
func newPages(ctx *Context, prev *pages) pages {
	p := pages{
		read:      newReadModel(ctx),
		facts:     newFactsModel(ctx),
		outlets:   newOutletsModel(ctx),
		notesView: newNotesViewModel(ctx),
		problems:  newProblemsModel(ctx),
	}
	if prev != nil && prev.stories != nil {
		p.stories = prev.stories
		p.stories.refresh() // the stories may have been grouped again
		p.read.keepColumns(*prev.read)
	} else {
		p.stories = newStoriesModel(ctx)
	}
	p.byID = [numViews]page{
		viewRead:     p.read,
		viewFacts:    p.facts,
		viewOutlets:  p.outlets,
		viewNotes:    p.notesView,
		viewProblems: p.problems,
		viewStories:  p.stories,
	}
	return p
}
