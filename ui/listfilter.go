package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// listFilter is the filter box of a list — the facts, the notes, the
// article chooser: as in lazygit and k9s, typing narrows the list, enter
// keeps the filter, esc clears it. The list narrows itself again when
// Update says the filter changed.
type listFilter struct {
	ctx   *Context
	input textinput.Model
	open  bool // the box has the keys
}

func newListFilter(ctx *Context, prompt, placeholder string) listFilter {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	ctx.Styles.styleInput(&ti)
	return listFilter{ctx: ctx, input: ti}
}

// Open gives the box the keys, keeping what it holds.
func (f *listFilter) Open() tea.Cmd {
	f.open = true
	return f.input.Focus()
}

// Clear closes the box and empties it; it reports whether it held a
// filter.
func (f *listFilter) Clear() bool {
	had := f.input.Value() != ""
	f.open = false
	f.input.Blur()
	f.input.SetValue("")
	return had
}

// Update types into the open box: esc clears it, enter keeps it, both
// close it. changed reports whether the filter changed.
func (f *listFilter) Update(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	k := f.ctx.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Back):
			return nil, f.Clear()
		case key.Matches(km, k.Confirm):
			f.open = false
			f.input.Blur()
			return nil, false
		}
	}
	before := f.input.Value()
	f.input, cmd = f.input.Update(msg)
	return cmd, f.input.Value() != before
}

// Value is what the box holds; Query, its words folded for matching ("" for
// none).
func (f listFilter) Value() string { return f.input.Value() }
func (f listFilter) Query() string { return foldCase(strings.TrimSpace(f.input.Value())) }

// SetWidth sets the box's width.
func (f *listFilter) SetWidth(w int) { f.input.Width = w }

// View is the box.
func (f listFilter) View() string { return f.input.View() }

// help is the open box's keys.
func (f listFilter) help() []key.Binding {
	k := f.ctx.Keys
	return []key.Binding{helpAs(k.Confirm, "keep the filter"), helpAs(k.Back, "clear the filter")}
}
