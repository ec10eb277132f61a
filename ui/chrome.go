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

// tab is one entry of the view switcher.
type tab struct {
	id     viewID
	b      key.Binding
	label  string
	x0, x1 int // cells it covers on the tab line
}

// tabs lists the view switcher's entries and where they are drawn.
func (m Model) tabs() []tab {
	k := m.ctx.Keys
	ts := []tab{
		{id: viewStories, b: k.Stories.View, label: "Stories"},
		{id: viewRead, b: k.ViewRead, label: "Read"},
		{id: viewFacts, b: k.ViewFacts, label: "Facts"},
		{id: viewOutlets, b: k.ViewOutlets, label: "Outlets"},
		{id: viewNotes, b: k.ViewNotes, label: "Notes"},
		{id: viewProblems, b: k.ViewProblems, label: fmt.Sprintf("Problems (%d)", problemCount(m.ctx.Data))},
	}
	// Too narrow for every label: the active view keeps its name, the
	// others show their key only (" 1 Read  2  3  4  5"), rather than
	// the line being cut in the middle of a name.
	full := 1
	for _, t := range ts {
		full += ansi.StringWidth(t.b.Help().Key+" "+t.label) + 2
	}
	compact := full-2 > m.width
	x := 1
	for i := range ts {
		if compact && ts[i].id != m.view {
			ts[i].label = ts[i].b.Help().Key
		} else {
			ts[i].label = ts[i].b.Help().Key + " " + ts[i].label
		}
		ts[i].x0 = x
		x += ansi.StringWidth(ts[i].label)
		ts[i].x1 = x
		x += 2
	}
	return ts
}

// tabAt returns the enabled view whose tab covers cell x.
func (m Model) tabAt(x int) (viewID, bool) {
	for _, t := range m.tabs() {
		if x >= t.x0 && x < t.x1 && t.b.Enabled() {
			return t.id, true
		}
	}
	return 0, false
}

// tabsView is the view switcher line.
func (m Model) tabsView() string {
	st := m.ctx.Styles
	var parts []string
	for _, t := range m.tabs() {
		label := t.label
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
	// What is open (the corpus, or a story or thread of it) and its
	// counts, as much as fits.
	d := m.ctx.Data
	name := scopeTitle(m.ctx.All, m.scope)
	counts := " · " + plural(len(d.Corpus.Articles), "article") + " · " + plural(len(d.Facts), "fact") + " "
	room := m.width - ansi.StringWidth(left) - 1
	for _, right := range []string{name + counts, name + " "} {
		if ansi.StringWidth(right) <= room {
			return fit(left, m.width-ansi.StringWidth(right)) + st.Muted.Render(right)
		}
	}
	if room >= 12 {
		// The name is cut rather than left out: a story's or thread's
		// title says what the other views cover.
		right := ellipsize(name, room-1) + " "
		return fit(left, m.width-ansi.StringWidth(right)) + st.Muted.Render(right)
	}
	return fit(left, m.width)
}

// statusView is the status line: mode, counts, position, message, legend.
func (m Model) statusView() string {
	status, _ := m.statusAndFooter()
	return status
}

// footerView is the short help of the active view plus the global keys,
// the search prompt, or the rest of a message too long for the status
// line.
func (m Model) footerView() string {
	_, footer := m.statusAndFooter()
	return footer
}

// statusAndFooter draws the two bottom lines from one layout of the
// status line (View draws both every frame; the footer depends on how
// much of a message the status line took).
func (m Model) statusAndFooter() (status, footer string) {
	st := m.ctx.Styles
	sl := m.statusParts()
	info := sl.info
	rest := ""
	switch {
	case m.msg != "":
		var first string
		first, rest = m.msgLines(sl.room)
		info = st.StatusMsg.Render(first)
	case sl.passage != "":
		// A selection trimmed to words: its two ends, as they will be tagged.
		info = st.Status.Render("“" + ellipsizeMiddle(sl.passage, max(sl.room-2, 8)) + "”")
	default:
		info = st.Status.Render(dropSegments(info, sl.room))
	}
	if sl.room >= 16 {
		// The legend stays; the information gives way.
		status = fit(sl.left+ellipsize(info, sl.room), m.width-ansi.StringWidth(sl.legend)) + sl.legend
	} else {
		status = fit(ellipsize(sl.left+info, m.width), m.width)
	}
	switch {
	case m.search.active:
		footer = fit(m.search.View(), m.width)
	case rest != "":
		footer = fit(st.StatusMsg.Render(ellipsize(rest, m.width)), m.width)
	default:
		footer = fit(m.shortHelpView(m.ShortHelp()), m.width)
	}
	return status, footer
}

// statusLayout is the status line laid out: the mode, the legend that
// fits beside what the line has to say, the room left for it, the
// information (counts, position) to show when there is no message, and a
// trimmed selection's passage ("" when there is none).
type statusLayout struct {
	left, legend  string
	room          int
	info, passage string
}

func (m Model) statusParts() statusLayout {
	st := m.ctx.Styles
	d := m.ctx.Data
	var sl statusLayout
	mode := map[viewID]string{viewRead: "READ", viewFacts: "FACTS", viewOutlets: "OUTLETS", viewNotes: "NOTES", viewProblems: "PROBLEMS", viewStories: "STORIES"}[m.view]
	switch {
	case m.showHelp:
		mode = "HELP"
	case m.panelOpen && m.panel.req.article < 0:
		mode = "WORDINGS" // a fact's wordings, opened from the facts view
	case m.panelOpen:
		mode = "WHY"
	case m.resultsOpen:
		mode = "MATCHES"
	case m.search.active:
		mode = "SEARCH"
	case m.view == viewRead && m.read.picking:
		mode = "CHOOSE"
	case m.view == viewRead && !m.dialogOpen() && m.read.selecting():
		// A selection is a mode, as in vi: it shows however narrow the line.
		mode = "VISUAL"
	}
	sl.left = st.StatusMode.Render(mode) + " "
	sl.info = plural(len(d.Corpus.Articles), "article") + " · " + plural(len(d.Facts), "fact") + " · " + plural(d.markerCount(), "marker")
	if m.view == viewRead {
		sl.info = m.read.Status()
	}
	if pos := m.search.Status(); pos != "" {
		// The search position first: it is what n and N move.
		sl.info = pos + " · " + sl.info
	}
	if sc := scopeShort(m.ctx.All, m.scope); sc != "" {
		// What is open, in short: the header may not have room for it.
		sl.info = sc + " · " + sl.info
	}
	if t := m.taskStatus(); t != "" {
		sl.info = t + " · " + sl.info
	}
	// The legend gives way to what the line has to say (the help screen
	// has it too), so the reading position ("fact 1 in 5 outlets · cols
	// 1-2/5"), a message or a selection's ends show whole; other views'
	// counts are cut instead. The notes file keeps one name in every view
	// at a given width; only a message, for its few seconds, may take its
	// place too.
	notes := m.readSelectionNote() + m.ctx.notes.status(m.width)
	legends := []string{notes + m.legendShort()}
	want := ansi.StringWidth(sl.info)
	switch {
	case m.msg != "":
		legends = append(legends, notes, "")
		want = ansi.StringWidth(m.msg)
	case m.view == viewRead && m.read.trimmed(m.read.focusedArticle()):
		legends = append(legends, notes)
		a, start, end, _, _ := m.read.target()
		sl.passage = oneLine(d.article(a).Text[start:end])
		want = ansi.StringWidth(sl.passage) + 2
	case m.view == viewRead:
		legends = append(legends, notes)
	}
	for _, l := range legends {
		sl.legend = l
		sl.room = m.width - ansi.StringWidth(sl.left) - ansi.StringWidth(sl.legend) - 1
		if want <= sl.room {
			break
		}
	}
	return sl
}

// msgLines splits the status message for a status line with room cells:
// what the status line shows, and the rest, which takes the footer's
// place ("" when it all fits). A message is what the user must read
// ("code 'x' already exists; merge 'y' into it instead"), so its end is
// not cut off.
func (m Model) msgLines(room int) (first, rest string) {
	if ansi.StringWidth(m.msg) <= room || room < 16 {
		return m.msg, ""
	}
	lines := wrapText(m.msg, room)
	if len(lines) < 2 {
		return m.msg, ""
	}
	return lines[0], strings.Join(lines[1:], " ")
}

// dropSegments shortens a status text of " · "-separated parts to width
// by dropping whole parts from the end and keeping as many whole words of
// the first dropped part as fit (two at least: a number alone says
// nothing), so no word is cut in half; only a first
// part wider than width is cut.
func dropSegments(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	dropped := ""
	for ansi.StringWidth(s) > width {
		i := strings.LastIndex(s, " · ")
		if i < 0 {
			return s
		}
		s, dropped = s[:i], s[i+len(" · "):]
	}
	words := strings.Fields(dropped)
	for n := len(words) - 1; n > 1; n-- {
		t := s + " · " + strings.Join(words[:n], " ") + "…"
		if ansi.StringWidth(t) <= width {
			return t
		}
	}
	return s
}

// legendShort is the colour legend of the status line: the share levels
// with their outlet counts, outlet-only and discrepancy marks.
func (m Model) legendShort() string {
	st := m.ctx.Styles
	head := ""
	if len(m.ctx.Data.Outlets) >= 2 {
		head = st.Muted.Render("outlets ") + shareSwatches(m.ctx) + st.Muted.Render(" ")
	}
	return head + st.Unique.Render("*") + st.Muted.Render("only ") +
		st.FactNumDisc.Render("!") + st.Muted.Render("differ ")
}

// shortHelpView is the footer's key help, as bubbles' ShortHelpView draws
// it but cut cleanly: bubbles adds an item that overflows when its
// ellipsis would not fit either, and the cut left a separator dangling
// at the end of the line ("… / search all articles •").
func (m Model) shortHelpView(bindings []key.Binding) string {
	st := m.help.Styles
	sep := st.ShortSeparator.Inline(true).Render(m.help.ShortSeparator)
	tail := " " + st.Ellipsis.Inline(true).Render(m.help.Ellipsis)
	var b strings.Builder
	total := 0
	for _, kb := range bindings {
		if !kb.Enabled() {
			continue
		}
		item := st.ShortKey.Inline(true).Render(kb.Help().Key) + " " + st.ShortDesc.Inline(true).Render(kb.Help().Desc)
		if total > 0 {
			item = sep + item
		}
		w := ansi.StringWidth(item)
		if total+w > m.width {
			if total+ansi.StringWidth(tail) <= m.width {
				b.WriteString(tail)
			}
			break
		}
		total += w
		b.WriteString(item)
	}
	return b.String()
}

// readSelectionNote says, in the status line, how many sentences the
// read view's visual selection holds and, at width, what to do with it.
func (m Model) readSelectionNote() string {
	st := m.ctx.Styles
	a := m.read.focusedArticle()
	if m.view != viewRead || m.dialogOpen() {
		return ""
	}
	lo, hi, ok := m.read.selRange(a)
	if !ok || m.read.trimmed(a) {
		return ""
	}
	if m.width < 120 {
		return st.Accent.Render(plural(hi-lo+1, "sentence")) + " "
	}
	return st.Accent.Render(fmt.Sprintf("%s: %s tag · %s cancel", plural(hi-lo+1, "sentence"), m.ctx.Keys.Tag.Help().Key, m.ctx.Keys.Back.Help().Key)) + " "
}
