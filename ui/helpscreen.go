package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
)

// helpScreen is the full help on "?": the keys of the active view and the
// global ones, generated from the key map, then the colour legend; over a
// dialog, the dialog's keys alone.
type helpScreen struct {
	ctx           *Context
	width, height int
	top           int // first line shown
	help          help.Model
	// layer: the help is an overlay's or a dialog's, which take every key
	// but help and quit; dialog: a dialog's, without the legend of the
	// page under it. The root sets both as it draws (Model.helpScreen).
	layer, dialog bool
}

func newHelpScreen(ctx *Context) helpScreen {
	h := help.New()
	h.Styles = ctx.Styles.Help
	return helpScreen{ctx: ctx, help: h}
}

// SetSize sets the help screen's area.
func (m *helpScreen) SetSize(w, h int) { m.width, m.height = w, h }

// Update scrolls the help; the root closes it.
func (m helpScreen) Update(msg tea.Msg, groups [][]key.Binding) (helpScreen, tea.Cmd) {
	h := m.height
	last := max(len(m.lines(groups))-h, 0)
	if mm, ok := msg.(tea.MouseMsg); ok {
		switch mm.Button {
		case tea.MouseButtonWheelDown:
			m.top = min(m.top+3, last)
		case tea.MouseButtonWheelUp:
			m.top = max(m.top-3, 0)
		}
		return m, nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	// The first line shown moves like a list cursor over the lines that
	// can be first.
	m.top, _ = moveList(m.ctx.Keys, km, m.top, last+1, h)
	return m, nil
}

// View renders the help for groups, scrolled to top.
func (m helpScreen) View(groups [][]key.Binding) string {
	w, h := m.width, m.height
	all := m.lines(groups)
	top := max(0, min(m.top, len(all)-h))
	lines := all[top:]
	if top+h < len(all) && h > 1 && len(lines) >= h {
		lines[h-1] = m.ctx.Styles.Muted.Render(fmt.Sprintf(" ↓ more: %s", m.ctx.Keys.Down.Help().Key))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// ShortHelp is the help screen's footer help.
func (m helpScreen) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	return []key.Binding{k.Down, k.Up, k.Back, k.Quit}
}

// FullHelp is the help screen's own keys.
func (m helpScreen) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// lines is the full help: the key groups, then what the colours and marks
// mean.
func (m helpScreen) lines(groups [][]key.Binding) []string {
	w := m.width
	st := m.ctx.Styles
	k := m.ctx.Keys
	hm := m.help
	hm.Width = w - 2
	var lines []string
	// The title wraps rather than being cut: how to close it must show.
	of := "for this view and everywhere"
	if m.layer {
		of = "that work here"
	}
	for i, l := range wrapText(fmt.Sprintf("Help — keys %s; %s or %s closes", of, k.Back.Help().Key, k.Help.Help().Key), max(w, 10)) {
		if rest, ok := strings.CutPrefix(l, "Help"); ok && i == 0 {
			l = st.PanelTitle.Render("Help") + st.Muted.Render(rest)
		} else {
			l = st.Muted.Render(l)
		}
		lines = append(lines, l)
	}
	lines = append(lines, "")
	// help.Model drops the groups that overflow the width: lay the groups
	// out in as many rows as they need instead.
	var row [][]key.Binding
	wide := hm
	wide.Width = 0 // unlimited: to measure
	flush := func() {
		if len(row) == 0 {
			return
		}
		for _, l := range strings.Split(hm.FullHelpView(row), "\n") {
			lines = append(lines, " "+l)
		}
		lines = append(lines, "")
		row = nil
	}
	for _, g := range groups {
		if len(row) > 0 && ansi.StringWidth(strings.Split(wide.FullHelpView(append(row, g)), "\n")[0]) > w-2 {
			flush()
		}
		row = append(row, g)
	}
	flush()
	if m.dialog {
		return lines
	}
	lines = append(lines, st.PanelTitle.Render("What the colours and marks mean"))
	return append(lines, m.legendLines(w)...)
}

// shareSwatches are the share levels of the corpus as the status line's
// legend draws them: the glyph and the outlet counts of each level, on its
// tint ("░2 ▒3 ▓4–5" for five outlets).
func (m helpScreen) shareSwatches() string { return shareSwatches(m.ctx) }

func shareSwatches(ctx *Context) string {
	st := ctx.Styles
	total := 0
	if ctx.Data != nil {
		total = len(ctx.Data.Outlets)
	}
	var parts []string
	for l := 1; l <= corpus.ShareLevels; l++ {
		r := corpus.ShareRange(l, total)
		if r == "" {
			continue
		}
		parts = append(parts, st.ShareSwatch[l-1].Render(shareGlyphs[l]+r))
	}
	if len(parts) == 0 {
		return st.ShareSwatch[corpus.ShareLevels-1].Render(shareGlyphs[corpus.ShareLevels])
	}
	return strings.Join(parts, " ")
}

// legendLines explains every highlight of the read view.
func (m helpScreen) legendLines(w int) []string {
	st := m.ctx.Styles
	k := m.ctx.Keys
	// Without colour (NO_COLOR, --no-color) there is no tint and no
	// colour by kind or tag: the legend says what is drawn instead.
	share := "the sentence states a fact other outlets share; the tint, and the glyph after its number, say how widely, by the part of the corpus's outlets that carry it: ░ under half, ▒ under three quarters, ▓ more (the counts are the status line's legend)"
	tagged := "right of a line: a tagged passage in its tag's colour (" + markTags + " several; " + markMemo + " where one with a memo starts: the why panel shows the memo); " + k.ViewNotes.Help().Key + " lists them"
	kinds := "Framing markers are underlined and coloured by kind; the why panel gives each one's reason:"
	if st.Mono {
		share = "the sentence states a fact other outlets share: its number is in the gutter, and the glyph after it says how widely, by the part of the corpus's outlets that carry it: ░ under half, ▒ under three quarters, ▓ more"
		tagged = "right of a line: a tagged passage (" + markTags + " several; " + markMemo + " where one with a memo starts: the why panel shows the memo); " + k.ViewNotes.Help().Key + " lists them with their tags"
		kinds = "Framing markers are underlined; the why panel gives each one's kind and reason:"
	}
	entries := []struct{ mark, desc string }{
		{m.shareSwatches(), share},
		{st.FactNum.Render("12"), "its fact number, in the gutter: the same number marks the fact in every column and in the facts view"},
		{st.FactNumDisc.Render("!"), "outlets disagree on a number or date in the numbered fact"},
		{st.FactNum.Render("+"), "the sentence is in several facts; the number is the one the columns align on (" + k.FactHere.Help().Key + " aligns on the next)"},
		{st.Unique.Render("*"), "outlet-only: no other outlet carries this sentence"},
		{st.Cursor.Render(markCursor), "the cursor"},
		{st.Accent.Render(markSelection), "the visual selection (" + k.Visual.Help().Key + "), left of the cursor's column"},
		{st.Outline.Render(markCounterpart), "the cursor's counterparts, level with it in the other columns"},
		{st.Bold.Render(markTag + " " + markTags + " " + markMemo), tagged},
		{st.Muted.Render(markOther), "right of a line: another coder's passage (--compare-notes), where you have none; read-only"},
		{st.ColRule.Render("── 2/3 ·"), "an outlet's column holds its articles in date order, each under a rule with its place and publication time (" + k.Stories.Columns.Help().Key + ": a column per article)"},
		{st.Furniture.Render("dim"), "page furniture (menus, credits); " + k.Furniture.Help().Key + " shows or hides it"},
		{st.SearchHit.Render("abc"), "a search match"},
	}
	const markW = 12
	var out []string
	for _, e := range entries {
		mark := " " + e.mark
		if ansi.StringWidth(mark) >= markW {
			// A mark wider than its column (the share levels of many
			// outlets: "░2–317 ▒318–476 ▓477–635") takes a line of its
			// own, rather than running into its description.
			out = append(out, mark)
			mark = ""
		}
		for i, l := range wrapText(e.desc, max(w-markW, 10)) {
			if i > 0 {
				mark = ""
			}
			out = append(out, fit(mark, markW)+l)
		}
	}
	for _, l := range wrapText(kinds, max(w-2, 10)) {
		out = append(out, " "+l)
	}
	line := "  "
	for _, kd := range markerKinds() {
		item := st.Kind[kd].Render(kd)
		if ansi.StringWidth(line)+ansi.StringWidth(item)+1 > w && strings.TrimSpace(line) != "" {
			out = append(out, line)
			line = "  "
		}
		line += item + " "
	}
	out = append(out, line)
	for i := range out {
		out[i] = ellipsize(out[i], w)
	}
	return out
}
