package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// The root's chrome: the view tabs above the active page, the status line
// and the footer help below it. The root fills a chrome in with what it
// knows (Model.chrome) and the chrome only draws.

// chrome is what the root draws around the active page.
type chrome struct {
	ctx           *Context
	width, height int
	help          help.Model
	view          viewID // the active page
	title         string // what is open, for the tab line
	mode          string
	info          string // where the reader is, or the counts
	// position says info is the reading position, which the legend gives
	// way to.
	position bool
	passage  string // a selection trimmed to words, as it will be tagged
	notes    string // the notes indicator, after a selection's note
	msg      string // the status message
	prompt   string // the open search prompt ("" when closed)
	keys     []key.Binding
	// analysing is set while the stored stories are shown: the tab line
	// counts the articles only.
	analysing bool
}

// pageStatus is what a page tells the status line: a mode of its own ("" for
// the page's), where the reader is (info; "" for the counts, and whether
// it is a reading position), a selection trimmed to words (its passage)
// or its note ("2 sentences: t tag").
type pageStatus struct {
	mode, info        string
	position          bool
	passage, selected string
}

// statusPage is a page with something to say in the status line.
type statusPage interface {
	status(dialogOpen bool, width int) pageStatus
}

// tooSmallView explains the minimum size, wrapped to whatever fits.
func (c chrome) tooSmallView() string {
	msg := fmt.Sprintf("Terminal too small: %dx%d. parallax needs at least %dx%d. Enlarge the window, or press %s to quit.",
		c.width, c.height, minWidth, minHeight, c.ctx.Keys.Quit.Help().Key)
	return fitBlock(strings.Join(wrapText(msg, c.width), "\n"), c.width, c.height)
}

// tab is one entry of the view switcher as drawn.
type tab struct {
	id     viewID
	b      key.Binding
	label  string
	x0, x1 int // cells it covers on the tab line
}

// tabs lists the view switcher's entries and where they are drawn.
func (c chrome) tabs() []tab {
	k := c.ctx.Keys
	var ts []tab
	for _, e := range tabOrder {
		label := e.label
		if e.id == viewProblems && !c.analysing {
			label = fmt.Sprintf("%s (%d)", label, problemCount(c.ctx, c.ctx.Data))
		}
		ts = append(ts, tab{id: e.id, b: e.key(k), label: label})
	}
	// Too narrow for every label: the active view keeps its name, the
	// others show their key only (" 1 Read  2  3  4  5"), rather than
	// the line being cut in the middle of a name.
	full := 1
	for _, t := range ts {
		full += ansi.StringWidth(t.b.Help().Key+" "+t.label) + 2
	}
	compact := full-2 > c.width
	x := 1
	for i := range ts {
		if compact && ts[i].id != c.view {
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
func (c chrome) tabAt(x int) (viewID, bool) {
	for _, t := range c.tabs() {
		if x >= t.x0 && x < t.x1 && t.b.Enabled() {
			return t.id, true
		}
	}
	return 0, false
}

// tabsView is the view switcher line.
func (c chrome) tabsView() string {
	st := c.ctx.Styles
	var parts []string
	for _, t := range c.tabs() {
		label := t.label
		switch {
		case !t.b.Enabled():
			parts = append(parts, st.TabDisabled.Render(label))
		case t.id == c.view:
			parts = append(parts, st.TabActive.Render(label))
		default:
			parts = append(parts, st.Tab.Render(label))
		}
	}
	left := " " + strings.Join(parts, "  ")
	// What is open (the corpus, or a story or thread of it) and its
	// counts, as much as fits.
	d := c.ctx.Data
	counts := " · " + plural(len(d.Corpus.Articles), "article") + " · " + plural(len(d.Facts), "fact") + " "
	if c.analysing {
		counts = " · " + plural(len(d.Corpus.Articles), "article") + " "
	}
	room := c.width - ansi.StringWidth(left) - 1
	for _, right := range []string{c.title + counts, c.title + " "} {
		if ansi.StringWidth(right) <= room {
			return fit(left, c.width-ansi.StringWidth(right)) + st.Muted.Render(right)
		}
	}
	if room >= 12 {
		// The name is cut rather than left out: a story's or thread's
		// title says what the other views cover.
		right := ellipsize(c.title, room-1) + " "
		return fit(left, c.width-ansi.StringWidth(right)) + st.Muted.Render(right)
	}
	return fit(left, c.width)
}

// statusView is the status line: mode, counts, position, message, legend.
func (c chrome) statusView() string {
	status, _ := c.statusAndFooter()
	return status
}

// footerView is the short help of the active page plus the global keys,
// the search prompt, or the rest of a message too long for the status
// line.
func (c chrome) footerView() string {
	_, footer := c.statusAndFooter()
	return footer
}

// statusAndFooter draws the two bottom lines from one layout of the
// status line (View draws both every frame; the footer depends on how
// much of a message the status line took).
func (c chrome) statusAndFooter() (status, footer string) {
	st := c.ctx.Styles
	sl := c.statusParts()
	info := sl.info
	rest := ""
	switch {
	case c.msg != "":
		var first string
		first, rest = c.msgLines(sl.room)
		info = st.StatusMsg.Render(first)
	case c.passage != "":
		// A selection trimmed to words: its two ends, as they will be tagged.
		info = st.Status.Render("“" + ellipsizeMiddle(c.passage, max(sl.room-2, 8)) + "”")
	default:
		info = st.Status.Render(dropSegments(info, sl.room))
	}
	if sl.room >= 16 {
		// The legend stays; the information gives way.
		status = fit(sl.left+ellipsize(info, sl.room), c.width-ansi.StringWidth(sl.legend)) + sl.legend
	} else {
		status = fit(ellipsize(sl.left+info, c.width), c.width)
	}
	switch {
	case c.prompt != "":
		footer = fit(c.prompt, c.width)
	case rest != "":
		footer = fit(st.StatusMsg.Render(ellipsize(rest, c.width)), c.width)
	default:
		footer = fit(c.shortHelpView(c.keys), c.width)
	}
	return status, footer
}

// statusLayout is the status line laid out: the mode, the legend that
// fits beside what the line has to say, the room left for it and the
// information (counts, position) to show when there is no message.
type statusLayout struct {
	left, legend string
	room         int
	info         string
}

func (c chrome) statusParts() statusLayout {
	st := c.ctx.Styles
	var sl statusLayout
	sl.left = st.StatusMode.Render(c.mode) + " "
	sl.info = c.info
	// The legend gives way to what the line has to say (the help screen
	// has it too), so the reading position ("fact 1 in 5 outlets · cols
	// 1-2/5"), a message or a selection's ends show whole; other views'
	// counts are cut instead. The notes file keeps one name in every view
	// at a given width; only a message, for its few seconds, may take its
	// place too.
	legends := []string{c.notes + c.legendShort()}
	want := ansi.StringWidth(sl.info)
	switch {
	case c.msg != "":
		legends = append(legends, c.notes, "")
		want = ansi.StringWidth(c.msg)
	case c.passage != "":
		legends = append(legends, c.notes)
		want = ansi.StringWidth(c.passage) + 2
	case c.position:
		legends = append(legends, c.notes)
	}
	for _, l := range legends {
		sl.legend = l
		sl.room = c.width - ansi.StringWidth(sl.left) - ansi.StringWidth(sl.legend) - 1
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
func (c chrome) msgLines(room int) (first, rest string) {
	if ansi.StringWidth(c.msg) <= room || room < 16 {
		return c.msg, ""
	}
	lines := wrapText(c.msg, room)
	if len(lines) < 2 {
		return c.msg, ""
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
func (c chrome) legendShort() string {
	st := c.ctx.Styles
	head := ""
	if len(c.ctx.Data.Outlets) >= 2 {
		head = st.Muted.Render("outlets ") + shareSwatches(c.ctx) + st.Muted.Render(" ")
	}
	return head + st.Unique.Render("*") + st.Muted.Render("only ") +
		st.FactNumDisc.Render("!") + st.Muted.Render("differ ")
}

// shortHelpView is the footer's key help, as bubbles' ShortHelpView draws
// it but cut cleanly: bubbles adds an item that overflows when its
// ellipsis would not fit either, and the cut left a separator dangling
// at the end of the line ("… / search all articles •").
func (c chrome) shortHelpView(bindings []key.Binding) string {
	st := c.help.Styles
	sep := st.ShortSeparator.Inline(true).Render(c.help.ShortSeparator)
	tail := " " + st.Ellipsis.Inline(true).Render(c.help.Ellipsis)
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
		if total+w > c.width {
			if total+ansi.StringWidth(tail) <= c.width {
				b.WriteString(tail)
			}
			break
		}
		total += w
		b.WriteString(item)
	}
	return b.String()
}
