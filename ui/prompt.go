package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// The one-line prompt (a new or renamed tag), answering textMsg, and the
// yes/no question, answering confirmedMsg, to the page that opened them.

// prompt asks for one line of text.
type prompt struct {
	ctx           *Context
	width, height int
	to            viewID
	req           any
	title         string
	input         textinput.Model
	draft         draft
}

// newPrompt returns a prompt holding value, or the draft left when it
// was last cancelled, that answers to page to about req.
func newPrompt(ctx *Context, to viewID, req any, title, value string) (*prompt, tea.Cmd) {
	d, value := openDraft(ctx, req, value, "the tag name")
	p := &prompt{ctx: ctx, to: to, req: req, title: title, input: newInput(ctx, value, ""), draft: d}
	return p, p.input.Focus()
}

// SetSize sets the prompt's area.
func (p *prompt) SetSize(w, h int) {
	p.width, p.height = w, h
	resizeInput(&p.input, inputWidth(w))
}

func (p *prompt) typing() bool { return true }

// Update types into the prompt; enter answers with the text, esc cancels
// and keeps the text typed as a draft.
func (p *prompt) Update(msg tea.Msg) (layer, tea.Cmd) {
	k := p.ctx.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Back):
			p.draft.keep(p.input.Value())
			return nil, nil
		case key.Matches(km, k.Confirm):
			v := strings.TrimSpace(p.input.Value())
			if v == "" {
				// Say why nothing happens; the prompt stays open for a name.
				return p, say("a tag name cannot be blank: type a name, or " + k.Back.Help().Key + " to cancel (nothing was changed)")
			}
			p.draft.drop()
			return nil, answer(textMsg{to: p.to, req: p.req, text: v})
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

// saveOnQuit keeps the name typed when ctrl+c quits.
func (p *prompt) saveOnQuit() tea.Cmd { return p.draft.quitSay(p.input.Value()) }

// View draws the title, the hint and the input.
func (p *prompt) View() string {
	k := p.ctx.Keys
	hint := keyHints(p.draft.keys(p.input.Value(), helpAs(k.Confirm, "ok"), helpAs(k.Back, "cancel"))...)
	lines := dialogHead(p.ctx.Styles, p.title, "", hint, p.width, false, 0)
	lines = append(lines, p.input.View())
	return fitBlock(strings.Join(lines, "\n"), p.width, p.height)
}

// ShortHelp is the prompt's keys.
func (p *prompt) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	return p.draft.keys(p.input.Value(), k.Confirm, k.Back)
}

// FullHelp is the prompt's keys.
func (p *prompt) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// confirm asks a yes or no question.
type confirm struct {
	ctx           *Context
	width, height int
	to            viewID
	req           any
	question      string
}

// newConfirm returns the question q, answering to page to about req.
func newConfirm(ctx *Context, to viewID, req any, q string) *confirm {
	return &confirm{ctx: ctx, to: to, req: req, question: q}
}

// SetSize sets the question's area.
func (c *confirm) SetSize(w, h int) { c.width, c.height = w, h }

// Update answers on y; n, esc or q is no.
func (c *confirm) Update(msg tea.Msg) (layer, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return c, nil
	}
	nk := c.ctx.notes.keys
	switch {
	case key.Matches(km, nk.Yes):
		return nil, answer(confirmedMsg{to: c.to, req: c.req})
	case key.Matches(km, nk.No):
		return nil, nil
	}
	return c, nil
}

// View draws the question, wrapped: it must be read whole before y.
func (c *confirm) View() string {
	lines := dialogHead(c.ctx.Styles, c.question, "", keyHints(c.ShortHelp()...), c.width, true, 0)
	return fitBlock(strings.Join(lines, "\n"), c.width, c.height)
}

// ShortHelp is the question's keys.
func (c *confirm) ShortHelp() []key.Binding {
	nk := c.ctx.notes.keys
	return []key.Binding{nk.Yes, nk.No}
}

// FullHelp is the question's keys.
func (c *confirm) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }
