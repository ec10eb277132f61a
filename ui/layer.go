package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Layers: what is drawn over the active page and takes the keys while it
// is open. Overlays (the Why? panel, the list of a search's matches) are
// opened by the root; dialogs (the choosers, the prompt, the yes/no
// question, the memo editor, the export dialog, the story corrections) by
// a page, with openDialog, into the shared context's dialog slot — at
// once, so that the keys typed right after the one that opened it go to
// it. A dialog answers with a message addressed to the page that opened it
// (chosenMsg, textMsg, confirmedMsg, …), never by calling back into the
// root or the page.

// layer is an overlay or a dialog.
type layer interface {
	// Update handles a message and returns the layer as it is now, or
	// nil when it closed.
	Update(msg tea.Msg) (layer, tea.Cmd)
	View() string
	SetSize(w, h int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// typingLayer is a dialog with a text input that has the keys.
type typingLayer interface{ typing() bool }

// modeLayer is an overlay with a mode of its own in the status line.
type modeLayer interface{ mode() string }

// openDialog opens d over the pages, in a w×h area (the page's), and
// returns init, its first Cmd (the cursor blink of an input it focused).
func openDialog(ctx *Context, w, h int, d layer, init tea.Cmd) tea.Cmd {
	d.SetSize(w, h)
	ctx.dialog = d
	return init
}

// dialogReply is the answer of background work a dialog started (the
// export written, the memo back from $EDITOR): the root gives it to the
// dialog that asked while it is open; unclaimed is what it does once that
// dialog has closed.
type dialogReply interface {
	tea.Msg
	asker() layer
	unclaimed() tea.Cmd
}

// The answers of the dialogs, addressed to the page that opened them. req
// is what the page asked, handed back as it was given, so the page knows
// which question the answer is to.
type (
	// chosenMsg is a chooser's choice: an item, or a name typed that no
	// item has (isNew).
	chosenMsg struct {
		to    viewID
		req   any
		item  chooseItem
		isNew bool
	}
	// removeChosenMsg asks to remove the item under a chooser's cursor.
	removeChosenMsg struct {
		to   viewID
		req  any
		item chooseItem
	}
	// textMsg is the text of a prompt or the memo editor.
	textMsg struct {
		to   viewID
		req  any
		text string
	}
	// confirmedMsg is a yes to a question.
	confirmedMsg struct {
		to  viewID
		req any
	}
)

func (m chosenMsg) page() viewID       { return m.to }
func (m removeChosenMsg) page() viewID { return m.to }
func (m textMsg) page() viewID         { return m.to }
func (m confirmedMsg) page() viewID    { return m.to }

// answer returns the Cmd that sends a dialog's answer.
func answer(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
