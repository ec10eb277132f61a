package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Drafts: nothing the user wrote is lost. The text typed into a dialog
// that is cancelled (esc) is kept as a draft while the reader runs and
// comes back when the same dialog opens again for the same target;
// answering the dialog lets it go. A draft is keyed by what the dialog
// asks, its req (newCodeReq{}, renameReq{"blame"}, memoReq{note}, …), a
// comparable value naming the dialog and its target. ctrl+c, which quits,
// keeps what was typed too (quitSaver): the memo editor saves the memo in
// the notes file, the other dialogs print the text on standard error.

// drafts are the texts of cancelled dialogs, by req.
type drafts map[any]string

// quitSaver is a dialog that keeps what was typed when ctrl+c quits: the
// Cmd it returns runs before the program quits; nil when nothing was
// typed.
type quitSaver interface{ saveOnQuit() tea.Cmd }

// draft is one dialog's text as the drafts see it.
type draft struct {
	ctx *Context
	// req is the dialog's question, the draft's key; nil keeps no draft.
	req any
	// orig is the text the dialog held before any draft: a draft is text
	// that differs from it.
	orig string
	// what names the text in the farewell of ctrl+c ("the new tag name").
	what string
}

// openDraft returns the draft of the dialog asking req, whose text would
// be orig, and the text to open it with: the draft kept, else orig.
func openDraft(ctx *Context, req any, orig, what string) (draft, string) {
	d := draft{ctx: ctx, req: req, orig: orig, what: what}
	if text, ok := ctx.drafts[req]; ok && req != nil {
		return d, text
	}
	return d, orig
}

// changed reports whether text is worth keeping: not blank, and not the
// text the dialog opened with.
func (d draft) changed(text string) bool {
	t := strings.TrimSpace(text)
	return d.req != nil && t != "" && t != strings.TrimSpace(d.orig)
}

// keep keeps text as the draft when the dialog is cancelled; text left as
// it was, or emptied, lets the draft go.
func (d draft) keep(text string) {
	if d.req == nil {
		return
	}
	if !d.changed(text) {
		delete(d.ctx.drafts, d.req)
		return
	}
	if d.ctx.drafts == nil {
		d.ctx.drafts = drafts{}
	}
	d.ctx.drafts[d.req] = text
}

// drop lets the draft go: the dialog answered with its text.
func (d draft) drop() {
	if d.req != nil {
		delete(d.ctx.drafts, d.req)
	}
}

// keys are bindings as the dialog's hint and help name them: esc says it
// keeps a draft once there is text to keep.
func (d draft) keys(text string, bs ...key.Binding) []key.Binding {
	if !d.changed(text) {
		return bs
	}
	back := d.ctx.Keys.Back.Keys()
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		if slices.Equal(b.Keys(), back) {
			b = helpAs(b, "keep draft")
		}
		out[i] = b
	}
	return out
}

// quitSay is what ctrl+c keeps of text: a line on standard error once
// the screen is gone, so the text can still be copied; nil when nothing
// was typed.
func (d draft) quitSay(text string) tea.Cmd {
	if !d.changed(text) {
		return nil
	}
	msg := fmt.Sprintf("ctrl+c quit before %s you typed was used; it was:\n%s", d.what, strings.TrimSpace(text))
	return func() tea.Msg { return quitSavedMsg{say: msg} }
}
