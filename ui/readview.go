package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
)

// View renders the visible columns: only the lines on screen.
func (r readModel) View() string {
	if r.width <= 0 || r.height <= 0 {
		return ""
	}
	if r.picking {
		return r.picker.viewWith(r)
	}
	if len(r.order) == 0 {
		msg := "No article is shown. Press " + r.ctx.Keys.Choose.Help().Key + " to choose articles."
		return fitBlock(strings.Join(wrapText(msg, r.width), "\n"), r.width, r.height)
	}
	vis := r.visible()
	ws := r.colWidths(len(vis))
	cols := make([][]string, len(vis))
	for i, oi := range vis {
		cols[i] = r.columnView(oi, ws[i])
	}
	sep := r.ctx.Styles.ColSep.Render("│")
	size := 0
	for _, c := range cols {
		for _, l := range c {
			size += len(l)
		}
	}
	var b strings.Builder
	b.Grow(size + r.height*(len(cols)*len(sep)+1))
	for row := 0; row < r.height; row++ {
		if row > 0 {
			b.WriteByte('\n')
		}
		for i := range cols {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(cols[i][row])
		}
	}
	return b.String()
}

// columnView renders the column at index oi of order, w cells wide and
// r.height lines high.
func (r readModel) columnView(oi, w int) []string {
	st := r.ctx.Styles
	a := r.order[oi]
	art := r.ctx.Data.article(a)
	focused := oi == r.focus
	out := make([]string, 0, r.height)

	// Header: outlet and date, title (cached per width, focus and pin);
	// then the rule with the cursor position.
	l := r.layout(a, w)
	hk := headKey{focused: focused, ref: a == r.ref}
	head, ok := l.heads[hk]
	if !ok {
		head = r.header(a, art, w, focused, a == r.ref)
		if l.heads == nil {
			l.heads = map[headKey][2]string{}
		}
		l.heads[hk] = head
	}
	out = append(out, head[0], head[1])
	pos := fmt.Sprintf(" %d/%d ", r.cursor[a]+1, len(art.Sentences))
	if r.linkFact >= 0 && !focused && !r.articleHasFact(a, r.linkFact) {
		pos = fmt.Sprintf(" fact %d: not here ", factNumber(r.linkFact))
	}
	rule := strings.Repeat("─", max(w-ansi.StringWidth(pos)-1, 0)) + pos + "─"
	out = append(out, fit(st.ColRule.Render(ellipsize(rule, w)), w))

	blank := strings.Repeat(" ", w)
	cur := r.cursor[a]
	mark := st.Cursor.Render(markCursor)
	counterpart := st.Outline.Render(markCounterpart)
	for row := 0; row < r.bodyHeight() && len(out) < r.height; row++ {
		li := r.offset[a] + row
		if li < 0 || li >= len(l.lines) {
			out = append(out, blank)
			continue
		}
		ln := l.lines[li]
		left, right := " ", " "
		switch {
		case ln.sent < 0:
		case focused && ln.sent == cur:
			left = mark
		case !focused && r.linkFact >= 0 && containsInt(r.ctx.Data.info(a, ln.sent).facts, r.linkFact):
			left = counterpart
		}
		left, right = r.noteGutter(a, ln, focused, left, right)
		text := ln.text
		if ln.gut > 0 && r.linkFact >= 0 {
			// A sentence in several facts numbers the one the columns
			// align on.
			if info := r.ctx.Data.info(a, ln.sent); len(info.facts) > 1 && info.facts[0] != r.linkFact && containsInt(info.facts, r.linkFact) {
				text = gutter(st, r.ctx.Data, info, gutterWidth(len(r.ctx.Data.Facts)), r.linkFact) + text[ln.gut:]
			}
		}
		out = append(out, left+text+right)
	}
	for len(out) < r.height {
		out = append(out, blank)
	}
	return out
}

// headKey selects a cached column header.
type headKey struct{ focused, ref bool }

// header renders the first two header lines of a column: outlet and date,
// then the title; an edited library article carries ✎ and its number of
// versions. The date matters more than the end of a long outlet
// name: the name is cut to leave it room.
func (r readModel) header(a int, art *corpus.Article, w int, focused, ref bool) [2]string {
	st := r.ctx.Styles
	outlet := oneLine(art.DisplayOutlet())
	os := st.ColOutlet
	if focused {
		os = st.ColOutletFocus
	}
	badge := ""
	if ref {
		badge = st.RefBadge.Render(" ◆ref") + " "
	}
	if m := r.ctx.editedMark(r.ctx.Data, a); m != "" {
		// Edited since first seen: V shows the versions.
		badge += st.Warn.Render(m) + " "
	}
	date := oneLine(art.DisplayDate())
	room := w - 2 - ansi.StringWidth(badge) - ansi.StringWidth(date)
	if room < 4 {
		// Too narrow for both: the name, as much as fits.
		date, room = "", w-2-ansi.StringWidth(badge)
	}
	head := os.Render(" "+ellipsize(outlet, max(room, 1))+" ") + badge
	if date != "" {
		head = fit(head, w-ansi.StringWidth(date)) + st.ColDate.Render(date)
	}
	return [2]string{fit(head, w), fit(st.ColTitle.Render(ellipsize(oneLine(art.Title), w)), w)}
}

// articleHasFact reports whether article (or column) a carries fact fi.
func (r readModel) articleHasFact(a, fi int) bool { return len(r.factSentences(a, fi)) > 0 }

// Status describes the read view for the status line.
func (r readModel) Status() string {
	a := r.focusedArticle()
	if a < 0 {
		return "no article shown"
	}
	art := r.ctx.Data.article(a)
	parts := []string{fmt.Sprintf("%s %d/%d", oneLine(art.DisplayOutlet()), r.cursor[a]+1, len(art.Sentences))}
	if r.linkFact >= 0 {
		f := r.ctx.Data.Facts[r.linkFact]
		p := fmt.Sprintf("fact %d in %d outlets", factNumber(r.linkFact), len(f.Outlets))
		if len(f.Discrepancies) > 0 {
			p += " ! differ"
		}
		// The sentence's other facts: c aligns on them.
		var also []string
		for _, fi := range r.ctx.Data.info(a, r.cursor[a]).facts {
			if fi != r.linkFact {
				also = append(also, fmt.Sprint(factNumber(fi)))
			}
		}
		if len(also) > 0 {
			p += " (also " + strings.Join(also, ", ") + ")"
		}
		parts = append(parts, p)
	} else if r.ctx.Data.info(a, r.cursor[a]).unique {
		parts = append(parts, "only in this outlet")
	}
	if len(r.order) > r.ncols() {
		// The columns on screen, by their place in the order: a pinned
		// reference (always first) and a run of the others ("cols 1, 3-4/5").
		vis := r.visible()
		run := vis
		lead := ""
		if r.refSlots() > 0 && len(vis) > 1 && vis[1] != vis[0]+1 {
			lead = fmt.Sprintf("%d, ", vis[0]+1)
			run = vis[1:]
		}
		span := fmt.Sprint(run[0] + 1)
		if len(run) > 1 {
			span = fmt.Sprintf("%d-%d", run[0]+1, run[len(run)-1]+1)
		}
		parts = append(parts, fmt.Sprintf("cols %s%s/%d", lead, span, len(r.order)))
	}
	return strings.Join(parts, " · ")
}

// status is what the read view tells the status line: its mode while the
// article chooser or a selection is open, the reading position, and a
// selection's passage or note. A dialog open over it hides the
// selection.
func (r *readModel) status(dialogOpen bool, width int) pageStatus {
	ps := pageStatus{info: r.Status(), position: true}
	a := r.focusedArticle()
	switch {
	case r.picking:
		ps.mode = "CHOOSE"
	case !dialogOpen && r.selecting():
		// A selection is a mode, as in vi: it shows however narrow the line.
		ps.mode = "VISUAL"
	}
	if r.trimmed(a) {
		ra, start, end, _, _ := r.target()
		ps.passage = oneLine(r.ctx.Data.article(ra).Text[start:end])
	}
	if dialogOpen {
		return ps
	}
	// The mode says VISUAL; this says how much, and at width what to do.
	if lo, hi, ok := r.selRange(a); ok && !r.trimmed(a) {
		st, k := r.ctx.Styles, r.ctx.Keys
		ps.selected = st.Accent.Render(plural(hi-lo+1, "sentence")) + " "
		if width >= 120 {
			ps.selected = st.Accent.Render(fmt.Sprintf("%s: %s tag · %s cancel", plural(hi-lo+1, "sentence"), k.Tag.Help().Key, k.Back.Help().Key)) + " "
		}
	}
	return ps
}
