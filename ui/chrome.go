package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// The root's chrome: the view tabs above the active view, the status line
// and the footer help below it.

// tooSmallView explains the minimum size, wrapped to whatever fits.
func (m Model) tooSmallView() string {
	msg := fmt.Sprintf("Terminal too small: %dx%d. parallax needs at least %dx%d. Enlarge the window, or press q to quit.", m.width, m.height, minWidth, minHeight)
	return fitBlock(strings.Join(wrapText(msg, m.width), "\n"), m.width, m.height)
}

// tabsView is the view switcher line.
func (m Model) tabsView() string {
	st := m.ctx.Styles
	k := m.ctx.Keys
	tabs := []struct {
		id   viewID
		b    key.Binding
		name string
	}{
		{viewRead, k.ViewRead, "Read"},
		{viewFacts, k.ViewFacts, "Facts"},
		{viewOutlets, k.ViewOutlets, "Outlets"},
		{viewNotes, k.ViewNotes, "Notes"},
		{viewProblems, k.ViewProblems, fmt.Sprintf("Problems (%d)", problemCount(m.ctx.Data))},
	}
	var parts []string
	for _, t := range tabs {
		label := t.b.Help().Key + " " + t.name
		switch {
		case !t.b.Enabled():
			parts = append(parts, st.TabDisabled.Render(label))
		case t.id == m.view:
			parts = append(parts, st.TabActive.Render(label))
		default:
			parts = append(parts, st.Tab.Render(label))
		}
	}
	left := " " + strings.Join(parts, "  ")
	// The corpus and its counts, as much as fits.
	d := m.ctx.Data
	name := oneLine(d.Corpus.Name)
	for _, right := range []string{
		fmt.Sprintf("%s · %d articles · %d facts ", name, len(d.Corpus.Articles), len(d.Facts)),
		name + " ",
	} {
		right = st.Muted.Render(right)
		if ansi.StringWidth(left)+ansi.StringWidth(right)+1 <= m.width {
			return fit(left, m.width-ansi.StringWidth(right)) + right
		}
	}
	return fit(left, m.width)
}

// statusView is the status line: mode, counts, position, message, legend.
func (m Model) statusView() string {
	st := m.ctx.Styles
	d := m.ctx.Data
	mode := map[viewID]string{viewRead: "READ", viewFacts: "FACTS", viewOutlets: "OUTLETS", viewNotes: "NOTES", viewProblems: "PROBLEMS"}[m.view]
	switch {
	case m.showHelp:
		mode = "HELP"
	case m.panelOpen:
		mode = "WHY"
	case m.search.active:
		mode = "SEARCH"
	case m.view == viewRead && m.read.picking:
		mode = "CHOOSE"
	}
	left := st.StatusMode.Render(mode) + " "
	info := fmt.Sprintf("%d articles · %d facts · %d markers", len(d.Corpus.Articles), len(d.Facts), d.markerCount())
	if m.view == viewRead {
		info = m.read.Status()
	}
	if m.search.query != "" {
		info += " · " + m.search.Status()
	}
	if m.msg != "" {
		info = st.StatusMsg.Render(m.msg)
	} else {
		info = st.Status.Render(info)
	}
	legend := m.legendShort()
	room := m.width - ansi.StringWidth(left) - ansi.StringWidth(legend) - 1
	if room >= 16 {
		// The legend stays; the information gives way.
		return fit(left+ellipsize(info, room), m.width-ansi.StringWidth(legend)) + legend
	}
	return fit(ellipsize(left+info, m.width), m.width)
}

// legendShort is the colour legend of the status line.
func (m Model) legendShort() string {
	st := m.ctx.Styles
	return st.Muted.Render("outlets") +
		st.ShareSwatch[0].Render(" 2 ") + st.ShareSwatch[1].Render(" 3 ") + st.ShareSwatch[2].Render(" 4+") +
		st.Muted.Render(" ") + st.Unique.Render("*") + st.Muted.Render("only ") +
		st.FactNumDisc.Render("!") + st.Muted.Render("differ ")
}

// footerView is the short help of the active view plus the global keys, or
// the search prompt.
func (m Model) footerView() string {
	if m.search.active {
		return fit(m.search.View(), m.width)
	}
	return fit(m.help.ShortHelpView(m.ShortHelp()), m.width)
}
