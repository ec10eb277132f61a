package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The list of every match of the last search ("who says X?"): how many
// matches each outlet has, then each match under its article, enter to
// read it.

// resultRow is one row of the list: an article's heading or a match.
type resultRow struct {
	header string
	hit    int // index into hits; -1 for a heading
}

// resultsModel is the list of matches of the last search.
type resultsModel struct {
	ctx           *Context
	width, height int
	query         string
	hits          []hit
	rows          []resultRow
	cursor, top   int // cursor indexes rows (always a match)
}

// newResults lists hits of the folded query q, the cursor on match cur.
func newResults(ctx *Context, q string, hits []hit, cur int) *resultsModel {
	r := &resultsModel{ctx: ctx, query: q, hits: hits}
	d := ctx.Data
	last := -1
	for i, h := range hits {
		if h.article != last {
			last = h.article
			art := d.article(h.article)
			n := 0
			for _, o := range hits[i:] {
				if o.article == h.article {
					n++
				}
			}
			r.rows = append(r.rows, resultRow{header: fmt.Sprintf("%s — %s (%d)", oneLine(art.DisplayOutlet()), oneLine(art.Title), n), hit: -1})
		}
		if i == cur {
			r.cursor = len(r.rows)
		}
		r.rows = append(r.rows, resultRow{hit: i})
	}
	r.move(0)
	return r
}

// mode is the status line's mode while the list is open.
func (r *resultsModel) mode() string { return "MATCHES" }

// SetSize sets the list's area.
func (r *resultsModel) SetSize(w, h int) {
	if r.height <= 0 {
		// Placed before its first size the list had a page of one row:
		// opened on the third match it began there, the matches and
		// the article's heading above it hidden.
		r.top = 0
	}
	r.width, r.height = w, h
	r.scroll()
}

// byOutlet is "who says it": the outlets with matches, most first, and
// those without.
func (r resultsModel) byOutlet() (says []string, silent []string) {
	d := r.ctx.Data
	count := map[string]int{}
	for _, h := range r.hits {
		count[d.article(h.article).DisplayOutlet()]++
	}
	for _, o := range d.Outlets {
		if count[o] == 0 {
			silent = append(silent, oneLine(o))
		}
	}
	// Most matches first, else in the outlets' order: a sort, not a
	// pass over the outlets for every count (8,874 matches of "the" in
	// ECB+'s 635 outlets took 200-500 ms a key).
	var with []string
	seen := map[string]bool{}
	for _, o := range d.Outlets {
		if count[o] > 0 && !seen[o] {
			seen[o] = true
			with = append(with, o)
		}
	}
	slices.SortStableFunc(with, func(a, b string) int { return count[b] - count[a] })
	for _, o := range with {
		says = append(says, fmt.Sprintf("%s %d", oneLine(o), count[o]))
	}
	return says, silent
}

// headLines are the lines above the list: the title and who says it.
func (r resultsModel) headLines() []string {
	st := r.ctx.Styles
	says, silent := r.byOutlet()
	w := r.width
	lines := []string{st.PanelTitle.Render(ellipsize(fmt.Sprintf("Matches for “%s”: %s in %d of %s",
		oneLine(r.query), plural(len(r.hits), "sentence"), len(says), plural(len(r.ctx.Data.Outlets), "outlet")), w))}
	who := "said by: " + strings.Join(says, " · ")
	if len(silent) > 0 {
		who += " — not by: " + strings.Join(silent, ", ")
	}
	wl := wrapText(who, w)
	if len(wl) > 2 {
		wl = []string{wl[0], ellipsize(strings.Join(wl[1:], " "), w)}
	}
	for _, l := range wl {
		lines = append(lines, st.Muted.Render(l))
	}
	return append(lines, "")
}

// listHeight is the rows left for the list.
func (r resultsModel) listHeight() int { return max(r.height-len(r.headLines())-1, 1) }

// move moves the cursor by dir matches (0: onto the nearest one).
func (r *resultsModel) move(dir int) {
	step := dir
	if step == 0 {
		step = 1
	}
	c := max(0, min(r.cursor+dir, len(r.rows)-1))
	for c >= 0 && c < len(r.rows) && r.rows[c].hit < 0 {
		c += step
	}
	if c >= 0 && c < len(r.rows) {
		r.cursor = c
	}
	r.scroll()
}

func (r *resultsModel) scroll() {
	h := r.listHeight()
	if r.cursor < r.top {
		r.top = r.cursor
	}
	if r.cursor >= r.top+h {
		r.top = r.cursor - h + 1
	}
	// The article's heading above its first match when there is room.
	if r.top > 0 && r.top == r.cursor && r.rows[r.top-1].hit < 0 && h > 1 {
		r.top--
	}
	r.top = max(0, min(r.top, max(len(r.rows)-h, 0)))
}

// current is the index into hits of the match under the cursor.
func (r resultsModel) current() (int, bool) {
	if r.cursor < 0 || r.cursor >= len(r.rows) || r.rows[r.cursor].hit < 0 {
		return 0, false
	}
	return r.rows[r.cursor].hit, true
}

// Update moves through the list; enter answers with the match to read,
// esc or F closes the list.
func (r *resultsModel) Update(msg tea.Msg) (layer, tea.Cmd) {
	k := r.ctx.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Back), key.Matches(msg, k.SearchList):
			return nil, nil
		case key.Matches(msg, k.Confirm):
			i, ok := r.current()
			if !ok {
				return r, nil
			}
			return nil, answer(hitChosenMsg{i})
		case key.Matches(msg, k.Down):
			r.move(1)
		case key.Matches(msg, k.Up):
			r.move(-1)
		case key.Matches(msg, k.Top):
			r.cursor = 0
			r.move(0)
		case key.Matches(msg, k.Bottom):
			r.cursor = len(r.rows) - 1
			r.move(0)
		case key.Matches(msg, k.HalfDown), key.Matches(msg, k.HalfUp):
			dir := 1
			if key.Matches(msg, k.HalfUp) {
				dir = -1
			}
			for range max(r.listHeight()/2, 1) {
				r.move(dir)
			}
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelDown:
			r.move(3)
		case tea.MouseButtonWheelUp:
			r.move(-3)
		}
	}
	return r, nil
}

// View draws who says it and the matches on screen.
func (r *resultsModel) View() string {
	st := r.ctx.Styles
	d := r.ctx.Data
	w := r.width
	lines := r.headLines()
	h := r.listHeight()
	for i := r.top; i < len(r.rows) && i < r.top+h; i++ {
		row := r.rows[i]
		if row.hit < 0 {
			lines = append(lines, st.Accent.Render(ellipsize(row.header, w)))
			continue
		}
		ht := r.hits[row.hit]
		num := fmt.Sprintf("  %4d  ", ht.sentence+1)
		text := snippet(st, oneLine(d.article(ht.article).Sentences[ht.sentence].Text), r.query, max(w-ansi.StringWidth(num)-1, 8))
		line := fit(st.Muted.Render(num)+text, w)
		if i == r.cursor {
			line = st.RowSelected.Render(fit("›"+ansi.Strip(line)[1:], w))
		}
		lines = append(lines, line)
	}
	for len(lines) < r.height-1 {
		lines = append(lines, "")
	}
	pos := ""
	if hi, ok := r.current(); ok {
		pos = fmt.Sprintf("match %d of %d", hi+1, len(r.hits))
	}
	k := r.ctx.Keys
	lines = append(lines, st.Muted.Render(ellipsize(pos+" · "+keyHints(helpAs(k.Confirm, "read it"), helpAs(k.Back, "close")), w)))
	return fitBlock(strings.Join(lines, "\n"), w, r.height)
}

// snippet is the part of text around its first match of the folded query
// q, width cells at most, the match highlighted and the cuts marked "…".
func snippet(st *Styles, text, q string, width int) string {
	folded, at := foldMap(text, true)
	i := strings.Index(folded, q)
	if i < 0 || q == "" {
		return ellipsize(text, width)
	}
	a, b := at[i], at[i+len(q)]
	// Cut the start only as far as the match and a little of what follows
	// it need.
	lead := ""
	if ansi.StringWidth(text[:b]) > width-1 {
		after := min(width/4, ansi.StringWidth(text[b:]))
		skip := min(ansi.StringWidth(text[:b])+after-(width-1), ansi.StringWidth(text[:a]))
		if skip > 0 {
			cut := ansi.TruncateLeft(text, skip+1, "")
			a -= len(text) - len(cut)
			b -= len(text) - len(cut)
			text, lead = cut, "…"
		}
	}
	a, b = max(a, 0), max(b, 0)
	out := lead + text[:a] + st.SearchHit.Render(text[a:b]) + text[b:]
	return ellipsize(out, width)
}

// ShortHelp is the list's footer help.
func (r resultsModel) ShortHelp() []key.Binding {
	k := r.ctx.Keys
	return []key.Binding{k.Down, k.Up, helpAs(k.Confirm, "read this match"), k.Back}
}

// FullHelp is the list's full help.
func (r resultsModel) FullHelp() [][]key.Binding {
	k := r.ctx.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.HalfDown, k.HalfUp}, {helpAs(k.Confirm, "read this match"), helpAs(k.SearchList, "close the list"), k.Back}}
}
