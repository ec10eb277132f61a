package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
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

	sel selection // visual selection for tagging (selection.go)

	picker  pickerModel
	picking bool
	// said is what the update under way has to say in the status line;
	// Update sends it as a statusMsg.
	said string
}

// newReadModel returns the read view over ctx.Data.
func newReadModel(ctx *Context) *readModel {
	n := len(ctx.Data.Corpus.Articles)
	r := &readModel{
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
func (r *readModel) SetSize(w, h int) tea.Cmd {
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
	return nil
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

// SetQuery sets the search highlight.
func (r *readModel) SetQuery(q string) { r.query = q }

// capturing reports whether the article chooser is open: it takes every
// key; typing, whether its filter is.
func (r *readModel) capturing() bool { return r.picking }
func (r *readModel) typing() bool    { return r.picking && r.picker.filter.open }

// jumpMsg asks the read view to show sentence s of article a of the open
// data, and the root to show the read view.
type jumpMsg struct {
	article, sentence int
	// match: a search's match, whose article may have been hidden.
	match bool
	// note: a tagged passage; the selection ends.
	note bool
}

// highlightMsg sets the search's highlight in the read view ("" for
// none).
type highlightMsg struct{ query string }

func (jumpMsg) page() viewID      { return viewRead }
func (highlightMsg) page() viewID { return viewRead }
func (gotoFactMsg) page() viewID  { return viewRead }

// Update handles keys and mouse events for the read view, and the
// messages addressed to it; what it has to say goes to the status line.
func (r *readModel) Update(msg tea.Msg) tea.Cmd {
	r.said = ""
	cmd := r.update(msg)
	if r.said != "" {
		cmd = tea.Batch(cmd, say(r.said))
	}
	return cmd
}

func (r *readModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case jumpMsg:
		return r.jump(msg)
	case gotoFactMsg:
		r.GotoFact(msg.fact)
		return nil
	case highlightMsg:
		r.SetQuery(msg.query)
		return nil
	case chosenMsg, removeChosenMsg, textMsg:
		return r.answered(msg)
	}
	if r.picking {
		return r.updatePicker(msg)
	}
	k := r.ctx.Keys
	a := r.focusedArticle()
	switch msg := msg.(type) {
	case tea.MouseMsg:
		r.updateMouse(msg)
		return nil
	case tea.KeyMsg:
		if cmd, ok := r.updateTagKey(msg); ok {
			return cmd
		}
		if a < 0 {
			if key.Matches(msg, k.Choose) {
				r.openPicker()
			}
			return nil
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
		case key.Matches(msg, k.FactHere):
			r.nextFactHere()
		case key.Matches(msg, k.NextUnique):
			r.findPassage(1)
		case key.Matches(msg, k.PrevUnique):
			r.findPassage(-1)
		case key.Matches(msg, k.Why):
			ra, s := r.ctx.Data.real(a, r.cursor[a])
			return func() tea.Msg { return openWhyMsg{article: ra, sentence: s, fact: -1} }
		case key.Matches(msg, k.Versions):
			ra, _ := r.ctx.Data.real(a, r.cursor[a])
			art := r.ctx.Data.Corpus.Articles[ra]
			return func() tea.Msg { return openVersionsMsg{article: art.ID, outlet: art.DisplayOutlet(), title: art.Title} }
		case key.Matches(msg, k.Stories.Columns):
			r.toggleColumns()
		case key.Matches(msg, k.Stories.Order):
			r.cycleOrder()
		case key.Matches(msg, k.Choose):
			r.openPicker()
		case key.Matches(msg, k.Pin):
			if r.ref == a {
				r.ref = -1
				r.said = "reference unpinned"
			} else {
				r.ref = a
				r.said = oneLine(r.ctx.Data.article(a).DisplayOutlet()) + " pinned as the reference column"
			}
			r.rebuildOrder()
			r.setFocus(r.focus)
		case key.Matches(msg, k.Furniture):
			r.hideFurniture = !r.hideFurniture
			if r.hideFurniture {
				r.said = "page furniture hidden"
			} else {
				r.said = "page furniture shown (dimmed)"
			}
			r.ensureVisible(a)
			r.alignOthers()
		}
	}
	return nil
}

// jump shows a sentence: a search's match, a note's passage.
func (r *readModel) jump(msg jumpMsg) tea.Cmd {
	if msg.note {
		r.sel = selection{}
	}
	hidden := msg.article >= 0 && msg.article < len(r.shown) && !r.shown[msg.article]
	r.JumpTo(msg.article, msg.sentence)
	if msg.match && hidden {
		// The user hid it; say why it is back.
		return say(fmt.Sprintf("%s was hidden: shown again for this match (%s chooses the articles shown)",
			oneLine(r.ctx.Data.article(msg.article).DisplayOutlet()), r.ctx.Keys.Choose.Help().Key))
	}
	return nil
}

// ShortHelp is the read view's footer help, its tagging keys among them.
func (r readModel) ShortHelp() []key.Binding {
	k := r.ctx.Keys
	if r.picking {
		return r.picker.ShortHelp()
	}
	own := []key.Binding{k.Down, k.Right, k.NextFact, k.Why, k.NextUnique, k.Choose}
	if a := r.focusedArticle(); a >= 0 && k.Versions.Enabled() {
		// V is offered where there is something to see: an edited article.
		if ra, _ := r.ctx.Data.real(a, r.cursor[a]); r.ctx.versionsOf(r.ctx.Data.Corpus.Articles[ra].ID) > 1 {
			own = append(own[:1], append([]key.Binding{k.Versions}, own[1:]...)...)
		}
	}
	return r.tagKeys(own)
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
		{k.NextFact, k.PrevFact, k.FactHere, k.NextUnique, k.PrevUnique, k.Why},
		{k.Choose, k.Pin, k.Furniture, k.Stories.Columns, k.Stories.Order, k.Tag, k.Visual, k.Versions},
		r.tagHelp(),
	}
}

// selecting reports whether a visual selection is on in the focused column.
func (r readModel) selecting() bool {
	_, _, ok := r.selRange(r.focusedArticle())
	return ok
}
