package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
)

// minColumnWidth is the narrowest readable article column.
const minColumnWidth = 30

// headerHeight is the height of a column header: outlet and date, title,
// rule.
const headerHeight = 3

// readModel is the read view: one column per shown article, a sentence
// cursor in the focused column, and the other columns moving in step.
type readModel struct {
	ctx           *Context
	width, height int

	shown  []bool // per article
	ref    int    // reference article, pinned leftmost; -1 for none
	order  []int  // shown articles, the reference first
	focus  int    // index into order
	colOff int    // first non-reference column on screen
	cursor []int  // per article: sentence under the cursor
	offset []int  // per article: first line on screen (may be negative)

	hideFurniture bool
	perArticle    bool     // a column per article, not per outlet (columns.go)
	colOrder      colOrder // the columns' order
	query         string   // search highlight, folded
	linkFact      int      // fact of the sentence under the cursor, -1 for none
	cache         *layoutCache

	sel selection // visual selection for tagging (tagging.go)

	picker  pickerModel
	picking bool
	msg     string // transient message for the status line
}

// newReadModel returns the read view over ctx.Data.
func newReadModel(ctx *Context) readModel {
	n := len(ctx.Data.Corpus.Articles)
	r := readModel{
		ctx:           ctx,
		shown:         make([]bool, n),
		ref:           -1,
		cursor:        make([]int, n),
		offset:        make([]int, n),
		hideFurniture: true,
		linkFact:      -1,
		cache:         newLayoutCache(),
	}
	for i := range r.shown {
		r.shown[i] = true
	}
	r.rebuildOrder()
	// No moving in step yet: the first screen shows every article from
	// its top.
	return r
}

// SetSize sets the area of the read view; columns re-flow.
func (r *readModel) SetSize(w, h int) {
	// Lines re-wrap at the new width, so a column's offset in lines means
	// nothing after it: each column keeps the sentence at its top instead.
	// Only the columns on screen: laying out every hidden one at both
	// widths would make a resize of a large corpus slow.
	tops := make(map[int]int, len(r.order))
	if r.width > 0 && r.height > 0 {
		for _, oi := range r.visible() {
			a := r.order[oi]
			l := r.layout(a, r.widthOf(a))
			for i := max(r.offset[a], 0); i < len(l.lines); i++ {
				if l.lines[i].sent >= 0 {
					tops[a] = l.lines[i].sent
					break
				}
			}
		}
	}
	r.width, r.height = w, h
	r.picker.SetSize(w, h)
	r.clampColumns()
	for _, oi := range r.visible() {
		a := r.order[oi]
		s, ok := tops[a]
		if !ok {
			continue
		}
		l := r.layout(a, r.widthOf(a))
		if s < len(l.first) && l.first[s] >= 0 {
			r.offset[a] = max(0, min(l.first[s], len(l.lines)-r.bodyHeight()))
		}
	}
	if r.focusedArticle() >= 0 {
		r.ensureVisible(r.focusedArticle())
		r.alignOthers()
	}
}

func (r *readModel) bodyHeight() int { return max(r.height-headerHeight, 1) }

func (r readModel) focusedArticle() int {
	if r.focus < 0 || r.focus >= len(r.order) {
		return -1
	}
	return r.order[r.focus]
}

// ncols is how many columns fit side by side.
func (r readModel) ncols() int {
	n := (r.width + 1) / (minColumnWidth + 1)
	n = max(n, 1)
	return min(n, max(len(r.order), 1))
}

func (r readModel) refSlots() int {
	if r.ref >= 0 && r.ncols() > 1 {
		return 1
	}
	return 0
}

// visible returns the indices into order of the columns on screen.
func (r readModel) visible() []int {
	n := r.ncols()
	if len(r.order) == 0 {
		return nil
	}
	if n == 1 {
		return []int{r.focus}
	}
	var vis []int
	start := 0
	if r.refSlots() == 1 {
		vis = append(vis, 0)
		start = 1
	}
	for i := start + r.colOff; i < len(r.order) && len(vis) < n; i++ {
		vis = append(vis, i)
	}
	return vis
}

// clampColumns keeps the column window inside the list and the focus on
// screen.
func (r *readModel) clampColumns() {
	if r.focus >= len(r.order) {
		r.focus = max(len(r.order)-1, 0)
	}
	slots := r.ncols() - r.refSlots()
	others := len(r.order) - r.refSlots()
	if pos := r.focus - r.refSlots(); pos >= 0 && slots > 0 {
		if pos < r.colOff {
			r.colOff = pos
		}
		if pos >= r.colOff+slots {
			r.colOff = pos - slots + 1
		}
	}
	r.colOff = min(r.colOff, max(others-slots, 0))
	r.colOff = max(r.colOff, 0)
}

// colWidths splits the width between n columns and their separators.
func (r readModel) colWidths(n int) []int {
	ws := make([]int, n)
	avail := r.width - (n - 1)
	for i := range ws {
		ws[i] = avail / n
		if i < avail%n {
			ws[i]++
		}
	}
	return ws
}

// columnWidth returns the width of the column showing article a, which
// depends only on how many columns are on screen.
func (r readModel) columnWidth() int {
	n := r.ncols()
	return (r.width - (n - 1)) / n
}

// layout returns article a wrapped for width w, from the cache when it is
// still valid.
func (r readModel) layout(a, w int) *layout {
	k := layoutKey{width: w, furniture: !r.hideFurniture, query: r.query}
	if l, ok := r.cache.byArticle[a]; ok && l.key == k {
		return l
	}
	l := buildLayout(r.ctx, r.cache.palette, a, k)
	r.cache.byArticle[a] = l
	return l
}

// widthOf returns the width of article a's column if it is on screen, else
// the common column width.
func (r readModel) widthOf(a int) int {
	vis := r.visible()
	ws := r.colWidths(len(vis))
	for i, oi := range vis {
		if r.order[oi] == a {
			return ws[i]
		}
	}
	return r.columnWidth()
}

// ensureVisible scrolls article a's column so its cursor sentence shows.
func (r *readModel) ensureVisible(a int) {
	l := r.layout(a, r.widthOf(a))
	s := r.cursor[a]
	if s < 0 || s >= len(l.first) || l.first[s] < 0 {
		return
	}
	h := r.bodyHeight()
	margin := r.margin()
	first, last := l.first[s], l.last[s]
	off := r.offset[a]
	if first < off+margin {
		off = first - margin
	}
	if last > off+h-1-margin {
		off = last - h + 1 + margin
	}
	if r.tall(l, s) {
		// Taller than the view: where it already shows part of the
		// sentence the view stays (paging through it), else it shows its
		// start.
		off = first - margin
		if cur := r.offset[a]; cur+h-1 >= first && cur <= last {
			off = cur
		}
	}
	r.offset[a] = r.clampOffset(l, off, r.offset[a])
}

// margin is how many lines ensureVisible keeps between the cursor and
// the top or bottom of the view.
func (r readModel) margin() int { return min(2, r.bodyHeight()/4) }

// tall reports whether sentence s (laid out, first[s] >= 0) is taller than
// the view less its margins: it is paged through, not shown whole.
func (r readModel) tall(l *layout, s int) bool {
	return l.last[s]-l.first[s]+1 > r.bodyHeight()-2*r.margin()
}

// moveUp moves the cursor to the sentence before; one taller than the
// view shows its end, where reading upwards meets it.
func (r *readModel) moveUp(a int) {
	s := r.cursor[a] - 1
	l := r.layout(a, r.widthOf(a))
	if s >= 0 && s < len(l.first) && l.first[s] >= 0 && r.tall(l, s) && l.last[s] < r.offset[a] {
		r.offset[a] = max(l.last[s]-r.bodyHeight()+1+r.margin(), 0)
	}
	r.moveCursor(s)
}

// tallStep scrolls the focused column a line through the cursor's
// sentence when it is taller than the view and has more of itself to show
// that way (dir 1 down, -1 up); it reports whether it did, so that j and k
// read a long sentence to its end before moving on.
func (r *readModel) tallStep(a, dir int) bool {
	l := r.layout(a, r.widthOf(a))
	s := r.cursor[a]
	if s < 0 || s >= len(l.first) || l.first[s] < 0 {
		return false
	}
	h := r.bodyHeight()
	off := r.offset[a]
	if l.last[s] < off || l.first[s] > off+h-1 {
		return false // not on screen: moving the cursor brings it back
	}
	switch {
	case dir > 0 && l.last[s] > off+h-1:
		r.offset[a] = off + 1
		return true
	case dir < 0 && l.first[s] < off:
		r.offset[a] = off - 1
		return true
	}
	return false
}

// clampOffset keeps a scroll offset in range: no blank space above the
// first line or below the last screenful, except where the column already
// was (moving in step may leave it there).
func (r readModel) clampOffset(l *layout, off, cur int) int {
	h := r.bodyHeight()
	lo, hi := min(0, cur), max(len(l.lines)-h, 0, cur)
	return max(lo, min(off, hi))
}

// clampAligned keeps an aligned column's offset so that at least one of its
// lines stays on screen.
func (r readModel) clampAligned(l *layout, off int) int {
	h := r.bodyHeight()
	return max(-(h - 1), min(off, max(len(l.lines)-1, 0)))
}

// sync updates the fact linked to the cursor and moves the other columns
// in step with it.
func (r *readModel) sync() {
	r.linkFact = r.factAtCursor(r.focusedArticle())
	if r.linkFact >= 0 {
		r.alignOthers()
	}
}

// alignOthers scrolls every other visible column so that its counterpart
// of the linked fact sits level with the cursor.
func (r *readModel) alignOthers() {
	a := r.focusedArticle()
	if r.linkFact < 0 || a < 0 {
		return
	}
	la := r.layout(a, r.widthOf(a))
	s := r.cursor[a]
	if s < 0 || s >= len(la.first) || la.first[s] < 0 {
		return
	}
	row := la.first[s] - r.offset[a]
	for _, oi := range r.visible() {
		b := r.order[oi]
		if b == a {
			continue
		}
		best := -1
		for _, fs := range r.factSentences(b, r.linkFact) {
			if best < 0 || abs(fs-r.cursor[b]) < abs(best-r.cursor[b]) {
				best = fs
			}
		}
		if best < 0 {
			continue
		}
		lb := r.layout(b, r.widthOf(b))
		if best >= len(lb.first) || lb.first[best] < 0 {
			continue
		}
		r.cursor[b] = best
		r.offset[b] = r.clampAligned(lb, lb.first[best]-row)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// moveCursor moves the focused column's cursor to sentence s.
func (r *readModel) moveCursor(s int) {
	a := r.focusedArticle()
	if a < 0 {
		return
	}
	n := len(r.ctx.Data.article(a).Sentences)
	if n == 0 {
		return
	}
	r.cursor[a] = max(0, min(s, n-1))
	r.ensureVisible(a)
	r.sync()
}

// setFocus focuses the column at index i of order.
func (r *readModel) setFocus(i int) {
	if len(r.order) == 0 {
		return
	}
	r.focus = max(0, min(i, len(r.order)-1))
	r.clampColumns()
	a := r.focusedArticle()
	r.ensureVisible(a)
	// Moving the focus reads on from where each column was: the others
	// are not scrolled to the new column's cursor (that would lose the
	// place reached in the column just left); they align again when the
	// cursor moves.
	r.linkFact = r.factAtCursor(a)
}

// factAtCursor is the first fact of article a's sentence under its
// cursor, or -1.
func (r *readModel) factAtCursor(a int) int {
	if a < 0 {
		return -1
	}
	if info := r.ctx.Data.info(a, r.cursor[a]); len(info.facts) > 0 {
		return info.facts[0]
	}
	return -1
}

// JumpTo focuses article a (showing it if hidden) with the cursor on
// sentence s.
func (r *readModel) JumpTo(a, s int) {
	if a < 0 || a >= len(r.shown) {
		return
	}
	if !r.shown[a] {
		r.shown[a] = true
		r.rebuildOrder()
	}
	a, s = r.ctx.Data.unit(a, s) // its column
	for i, o := range r.order {
		if o == a {
			r.focus = i
		}
	}
	r.clampColumns()
	r.cursor[a] = s
	r.moveCursor(s)
}

// GotoFact puts the cursor on the first shown member of fact fi.
func (r *readModel) GotoFact(fi int) {
	if fi < 0 || fi >= len(r.ctx.Data.Facts) {
		return
	}
	f := r.ctx.Data.Facts[fi]
	// Prefer the focused article, then any shown one.
	cur := r.focusedArticle()
	pick := func(pred func(a int) bool) bool {
		for _, m := range f.Members {
			a, ok := r.ctx.Data.artIndex[m.Article]
			if ok && pred(a) {
				r.JumpTo(a, m.Sentence)
				return true
			}
		}
		return false
	}
	if !pick(func(a int) bool { return r.unitOf(a) == cur }) && !pick(func(a int) bool { return r.shown[a] }) {
		pick(func(int) bool { return true })
	}
}

// SetQuery sets the search highlight.
func (r *readModel) SetQuery(q string) { r.query = q }

// Capturing reports whether the read view takes every key (a dialog is
// open).
func (r readModel) Capturing() bool { return r.picking }

// Update handles keys and mouse events for the read view.
func (r readModel) Update(msg tea.Msg) (readModel, tea.Cmd) {
	if r.picking {
		return r.updatePicker(msg)
	}
	r.msg = ""
	k := r.ctx.Keys
	a := r.focusedArticle()
	switch msg := msg.(type) {
	case tea.MouseMsg:
		return r.updateMouse(msg), nil
	case tea.KeyMsg:
		if a < 0 {
			if key.Matches(msg, k.Choose) {
				r.openPicker()
			}
			return r, nil
		}
		switch {
		case key.Matches(msg, k.Down):
			if !r.tallStep(a, 1) {
				r.moveCursor(r.cursor[a] + 1)
			}
		case key.Matches(msg, k.Up):
			if !r.tallStep(a, -1) {
				r.moveUp(a)
			}
		case key.Matches(msg, k.Top):
			r.moveCursor(0)
			r.offset[a] = 0 // the very top: furniture and title too
		case key.Matches(msg, k.Bottom):
			// The end of the article in view (trailing furniture too),
			// even when its last sentence is taller than the view.
			n := len(r.ctx.Data.article(a).Sentences)
			r.moveCursor(n - 1)
			l := r.layout(a, r.widthOf(a))
			end := max(len(l.lines)-r.bodyHeight(), 0)
			r.offset[a] = end // what follows the last sentence shows too
		case key.Matches(msg, k.HalfDown):
			r.halfPage(a, 1)
		case key.Matches(msg, k.HalfUp):
			r.halfPage(a, -1)
		case key.Matches(msg, k.Right):
			r.setFocus(r.focus + 1)
		case key.Matches(msg, k.Left):
			r.setFocus(r.focus - 1)
		case key.Matches(msg, k.NextCol):
			r.setFocus((r.focus + 1) % len(r.order))
		case key.Matches(msg, k.PrevCol):
			r.setFocus((r.focus - 1 + len(r.order)) % len(r.order))
		case key.Matches(msg, k.PageRight):
			r.pageColumns(1)
		case key.Matches(msg, k.PageLeft):
			r.pageColumns(-1)
		case key.Matches(msg, k.NextFact):
			r.findSentence(1, func(i sentInfo) bool { return len(i.facts) > 0 }, "no further shared fact in this column")
		case key.Matches(msg, k.PrevFact):
			r.findSentence(-1, func(i sentInfo) bool { return len(i.facts) > 0 }, "no earlier shared fact in this column")
		case key.Matches(msg, k.NextUnique):
			r.findPassage(1)
		case key.Matches(msg, k.PrevUnique):
			r.findPassage(-1)
		case key.Matches(msg, k.Why):
			ra, s := r.ctx.Data.real(a, r.cursor[a])
			return r, func() tea.Msg { return openWhyMsg{article: ra, sentence: s, fact: -1} }
		case key.Matches(msg, k.Stories.Columns):
			r.toggleColumns()
		case key.Matches(msg, k.Stories.Order):
			r.cycleOrder()
		case key.Matches(msg, k.Choose):
			r.openPicker()
		case key.Matches(msg, k.Pin):
			if r.ref == a {
				r.ref = -1
				r.msg = "reference unpinned"
			} else {
				r.ref = a
				r.msg = oneLine(r.ctx.Data.article(a).DisplayOutlet()) + " pinned as the reference column"
			}
			r.rebuildOrder()
			r.setFocus(r.focus)
		case key.Matches(msg, k.Furniture):
			r.hideFurniture = !r.hideFurniture
			if r.hideFurniture {
				r.msg = "page furniture hidden"
			} else {
				r.msg = "page furniture shown (dimmed)"
			}
			r.ensureVisible(a)
			r.alignOthers()
		}
	}
	return r, nil
}

// halfPage moves the cursor and the view by half a screen.
func (r *readModel) halfPage(a, dir int) {
	l := r.layout(a, r.widthOf(a))
	body := r.bodyHeight()
	h := max(body/2, 1)
	s := r.cursor[a]
	if s < 0 || s >= len(l.first) || l.first[s] < 0 {
		return
	}
	// The view moves half a page. A cursor sentence taller than the view
	// keeps the cursor while more of it lies that way (it is paged
	// through); otherwise the cursor goes to the first sentence that
	// starts in the moved view (down) or the last that starts above the
	// old one (up), so every press makes progress.
	off := r.clampOffset(l, r.offset[a]+dir*h, r.offset[a])
	margin := r.margin()
	tall := r.tall(l, s)
	if dir > 0 {
		if tall && l.last[s] > r.offset[a]+body-1 && off != r.offset[a] {
			r.offset[a] = off
			return
		}
		ns := -1
		for i := s + 1; i < len(l.first); i++ {
			if l.first[i] >= off {
				ns = i
				break
			}
		}
		if ns < 0 {
			// No sentence starts further down: the view goes on through
			// what follows the last one (related headlines, furniture);
			// at the end the cursor goes to the last sentence.
			if off == r.offset[a] {
				for i := len(l.first) - 1; i > s; i-- {
					if l.first[i] >= 0 {
						r.cursor[a] = i
						break
					}
				}
			}
			r.offset[a] = off
			r.sync()
			return
		}
		r.offset[a] = off
		r.cursor[a] = ns
	} else {
		if tall && l.first[s] < r.offset[a] && off != r.offset[a] {
			r.offset[a] = off
			return
		}
		ns := s
		for i := s - 1; i >= 0; i-- {
			if l.first[i] >= 0 {
				ns = i
				if l.first[i] <= off+body-1-margin {
					break
				}
			}
		}
		r.offset[a] = off
		r.cursor[a] = ns
	}
	r.ensureVisible(a)
	r.sync()
}

// pageColumns shows the next or previous screenful of columns.
func (r *readModel) pageColumns(dir int) {
	slots := max(r.ncols()-r.refSlots(), 1)
	others := len(r.order) - r.refSlots()
	off := max(0, min(r.colOff+dir*slots, max(others-slots, 0)))
	if off == r.colOff {
		r.msg = "no more columns that way"
		return
	}
	r.colOff = off
	r.focus = r.refSlots() + off
	a := r.focusedArticle()
	r.ensureVisible(a)
	r.sync()
}

// findSentence moves to the next (dir 1) or previous (dir -1) sentence
// matching pred in the focused column.
func (r *readModel) findSentence(dir int, pred func(sentInfo) bool, none string) {
	a := r.focusedArticle()
	n := len(r.ctx.Data.article(a).Sentences)
	cur := r.cursor[a]
	curFacts := r.ctx.Data.info(a, cur).facts
	for s := cur + dir; s >= 0 && s < n; s += dir {
		info := r.ctx.Data.info(a, s)
		if !pred(info) {
			continue
		}
		// Skip further sentences of the same fact as the cursor's.
		if len(curFacts) > 0 && len(info.facts) > 0 && info.facts[0] == curFacts[0] {
			continue
		}
		r.moveCursor(s)
		return
	}
	r.msg = none
}

// findPassage moves to the start of the next or previous run of
// outlet-only sentences.
func (r *readModel) findPassage(dir int) {
	a := r.focusedArticle()
	d := r.ctx.Data
	if !d.Analysis.HasFacts {
		r.msg = "no shared-fact analysis: outlet-only passages unknown"
		return
	}
	n := len(d.article(a).Sentences)
	s := r.cursor[a]
	// Leave the current run first.
	for s >= 0 && s < n && d.info(a, s).unique {
		s += dir
	}
	for ; s >= 0 && s < n; s += dir {
		if d.info(a, s).unique {
			if dir < 0 { // go to the start of that run
				for s > 0 && d.info(a, s-1).unique {
					s--
				}
			}
			r.moveCursor(s)
			return
		}
	}
	r.msg = "no further outlet-only passage in this column"
}

// updateMouse scrolls the column under the pointer with the wheel and moves
// the cursor on a click. Coordinates are relative to the view.
func (r readModel) updateMouse(msg tea.MouseMsg) readModel {
	vis := r.visible()
	ws := r.colWidths(len(vis))
	x := 0
	for i, oi := range vis {
		if msg.X >= x && msg.X < x+ws[i] {
			a := r.order[oi]
			l := r.layout(a, ws[i])
			switch msg.Button {
			case tea.MouseButtonWheelDown:
				r.offset[a] = r.clampOffset(l, r.offset[a]+3, r.offset[a])
			case tea.MouseButtonWheelUp:
				r.offset[a] = r.clampOffset(l, r.offset[a]-3, r.offset[a])
			case tea.MouseButtonLeft:
				if msg.Action != tea.MouseActionPress {
					break
				}
				if r.sel.on && r.sel.article != a {
					r.sel = selection{} // a click in another column ends the selection
				}
				r.focus = oi
				li := r.offset[a] + msg.Y - headerHeight
				if msg.Y >= headerHeight && li >= 0 && li < len(l.lines) && l.lines[li].sent >= 0 {
					r.cursor[a] = l.lines[li].sent
				}
				r.ensureVisible(a)
				r.sync()
			}
			return r
		}
		x += ws[i] + 1
	}
	return r
}

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
		head = r.header(art, w, focused, a == r.ref)
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
	mark := st.Cursor.Render("▌")
	outline := st.Outline.Render("┃")
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
			left, right = outline, outline
		}
		left, right = r.noteGutter(a, ln, focused, left, right)
		out = append(out, left+ln.text+right)
	}
	for len(out) < r.height {
		out = append(out, blank)
	}
	return out
}

// headKey selects a cached column header.
type headKey struct{ focused, ref bool }

// header renders the first two header lines of a column: outlet and date,
// then the title.
func (r readModel) header(art *corpus.Article, w int, focused, ref bool) [2]string {
	st := r.ctx.Styles
	outlet := oneLine(art.DisplayOutlet())
	os := st.ColOutlet
	if focused {
		os = st.ColOutletFocus
	}
	head := os.Render(" " + ellipsize(outlet, max(w-2, 1)) + " ")
	if ref {
		head += st.RefBadge.Render(" ◆ref")
	}
	date := art.DisplayDate()
	if ansi.StringWidth(head)+len(date)+1 <= w {
		head = fit(head, w-len(date)) + st.ColDate.Render(date)
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

// ShortHelp is the read view's footer help.
func (r readModel) ShortHelp() []key.Binding {
	k := r.ctx.Keys
	if r.picking {
		return r.picker.ShortHelp()
	}
	return []key.Binding{k.Down, k.Right, k.NextFact, k.Why, k.NextUnique, k.Choose}
}

// FullHelp is the read view's full help.
func (r readModel) FullHelp() [][]key.Binding {
	k := r.ctx.Keys
	if r.picking {
		return r.picker.FullHelp()
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp},
		{k.Left, k.Right, k.NextCol, k.PrevCol, k.PageLeft, k.PageRight},
		{k.NextFact, k.PrevFact, k.NextUnique, k.PrevUnique, k.Why},
		{k.Choose, k.Pin, k.Furniture, k.Stories.Columns, k.Stories.Order, k.Tag, k.Visual},
	}
}

// selecting reports whether a visual selection is on in the focused column.
func (r readModel) selecting() bool {
	_, _, ok := r.selRange(r.focusedArticle())
	return ok
}
