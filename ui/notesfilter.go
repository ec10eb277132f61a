package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes view's filter (/): as in lazygit and k9s, / in a list narrows
// the list as you type; enter keeps the filter, esc clears it.

func newNotesViewModel(ctx *Context) *notesViewModel {
	v := &notesViewModel{ctx: ctx, filter: newListFilter(ctx, ctx.Keys.Search.Help().Key+" ", "words of the passage, its tags, memo, outlet or title")}
	v.refresh(ctx.notes.snap)
	return v
}

// filterKey is / as the notes view uses it once the store is open: it
// filters the passages.
func (v *notesViewModel) filterKey() (key.Binding, bool) {
	return helpAs(v.ctx.Keys.Search, "filter passages"), v.ctx.notes.store != nil
}

// capturing and typing report whether the filter input is open.
func (v *notesViewModel) capturing() bool { return v.filter.open }
func (v *notesViewModel) typing() bool    { return v.filter.open }

// back empties the filter, if there is one.
func (v *notesViewModel) back() (tea.Cmd, bool) {
	if !v.clearFilter() {
		return nil, false
	}
	return say("filter cleared"), true
}

// openFilter opens the filter input, keeping what it holds.
func (v *notesViewModel) openFilter() tea.Cmd {
	v.filter.SetWidth(max(v.width-4, 5))
	return v.filter.Open()
}

// clearFilter empties the filter; it reports whether there was one.
func (v *notesViewModel) clearFilter() bool {
	had := v.filter.Clear()
	if had {
		v.rebuild()
	}
	return had
}

// filtered keeps the notes (indices into snap.all) the filter matches:
// each word of it is in the quote, a tag, the memo, the outlet or the
// article's title.
func (v notesViewModel) filtered(idx []int) []int {
	q := v.filter.Query()
	if q == "" {
		return idx
	}
	d := v.ctx.Data
	var out []int
	for _, i := range idx {
		n := v.snap.all[i]
		hay := foldCase(strings.Join([]string{n.Anchor.Quote, strings.Join(n.Tags, " "), n.Memo,
			notes.OutletOf(d.Corpus, n), notes.TitleOf(d.Corpus, n)}, "\n"))
		ok := true
		for _, w := range strings.Fields(q) {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}
