package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pickerModel chooses which articles the read view shows and which one is
// pinned as the reference column.
type pickerModel struct {
	ctx           *Context
	width, height int
	cursor, top   int
}

// SetSize sets the picker's area.
func (p *pickerModel) SetSize(w, h int) { p.width, p.height = w, h }

func (r *readModel) openPicker() {
	r.picking = true
	r.picker.ctx = r.ctx
	r.picker.SetSize(r.width, r.height)
	if a := r.focusedArticle(); a >= 0 {
		r.picker.cursor, _ = r.ctx.Data.real(a, r.cursor[a])
	}
}

// updatePicker handles keys while the picker is open.
func (r readModel) updatePicker(msg tea.Msg) (readModel, tea.Cmd) {
	k := r.ctx.Keys
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return r, nil
	}
	p := &r.picker
	n := len(r.shown)
	if n == 0 {
		r.picking = false
		return r, nil
	}
	switch {
	case key.Matches(km, k.Back), key.Matches(km, k.Choose), key.Matches(km, k.Confirm):
		r.picking = false
		r.rebuildOrder()
		r.setFocus(r.focus)
	case key.Matches(km, k.Down):
		p.cursor = min(p.cursor+1, n-1)
	case key.Matches(km, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(km, k.Top):
		p.cursor = 0
	case key.Matches(km, k.Bottom):
		p.cursor = n - 1
	case key.Matches(km, k.Toggle):
		count := 0
		for _, s := range r.shown {
			if s {
				count++
			}
		}
		if r.shown[p.cursor] && count == 1 {
			r.msg = "at least one article stays shown"
			break
		}
		r.shown[p.cursor] = !r.shown[p.cursor]
		if !r.shown[p.cursor] && r.ref == p.cursor {
			r.ref = -1
		}
	case key.Matches(km, k.Pin):
		if r.ref == p.cursor {
			r.ref = -1
		} else {
			r.ref = p.cursor
			r.shown[p.cursor] = true
		}
	case key.Matches(km, k.Quit):
		return r, tea.Quit
	}
	return r, nil
}

// viewWith lists the articles with their shown and reference marks.
func (p pickerModel) viewWith(r readModel) string {
	st := r.ctx.Styles
	lines := []string{
		st.PanelTitle.Render("Choose articles"),
		st.Muted.Render("Which articles get a column; the reference column stays leftmost (◆)."),
		"",
	}
	rows := p.height - len(lines)
	top := p.top
	if p.cursor < top {
		top = p.cursor
	}
	if p.cursor >= top+rows {
		top = p.cursor - rows + 1
	}
	for i := top; i < len(r.shown) && i < top+rows; i++ {
		art := r.ctx.Data.article(i)
		box := "[ ]"
		if r.shown[i] {
			box = "[x]"
		}
		ref := "  "
		if i == r.ref {
			ref = "◆ "
		}
		date := fit(art.DisplayDate(), 11)
		line := fmt.Sprintf("%s %s%s %s  %s", box, ref, fit(ellipsize(oneLine(art.DisplayOutlet()), 16), 16), date, oneLine(art.Title))
		line = fit(ellipsize(line, p.width), p.width)
		if i == p.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	return fitBlock(strings.Join(lines, "\n"), p.width, p.height)
}

// ShortHelp is the picker's footer help.
func (p pickerModel) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	return []key.Binding{k.Toggle, k.Pin, k.Confirm, k.Back}
}

// FullHelp is the picker's full help.
func (p pickerModel) FullHelp() [][]key.Binding {
	k := p.ctx.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Toggle, k.Pin, k.Confirm, k.Back}}
}
