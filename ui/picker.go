package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pickerModel chooses which articles the read view shows and which one is
// pinned as the reference column. It scales to many articles: a filter
// (/), choosing all, none or the opposite of what the filter shows,
// grouping by outlet or date, and the count of what is chosen.
type pickerModel struct {
	ctx           *Context
	width, height int
	cursor, top   int // cursor indexes rows (always an article)
	group         int // index into pickGroupings
	filter        listFilter
	rows          []pickRow
}

// pickGroupings are the groupings s cycles through.
var pickGroupings = [...]string{"none", "outlet", "date"}

// pickRow is one row of the chooser: a group heading or an article.
type pickRow struct {
	header  string
	article int // -1 for a heading
}

// SetSize sets the picker's area.
func (p *pickerModel) SetSize(w, h int) {
	p.width, p.height = w, h
	p.filter.SetWidth(max(w-4, 5))
	p.scroll()
}

func (r *readModel) openPicker() {
	r.picking = true
	if r.picker.ctx == nil {
		r.picker = pickerModel{ctx: r.ctx, filter: newListFilter(r.ctx, r.ctx.Keys.Search.Help().Key+" ", "outlet, title, date or id")}
	}
	r.picker.SetSize(r.width, r.height)
	r.picker.rebuild()
	if a := r.focusedArticle(); a >= 0 {
		// The article under the cursor, not the column: a column may
		// hold several of an outlet's articles (columns.go).
		ra, _ := r.ctx.Data.real(a, r.cursor[a])
		r.picker.moveTo(ra)
	}
}

// matches reports whether article a matches every word of the filter.
func (p pickerModel) matches(a int) bool {
	q := p.filter.Query()
	if q == "" {
		return true
	}
	art := p.ctx.Data.article(a)
	hay := foldCase(strings.Join([]string{art.DisplayOutlet(), art.Title, art.DisplayDate(), art.ID}, "\n"))
	for _, w := range strings.Fields(q) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// rebuild lists the articles the filter matches, grouped.
func (p *pickerModel) rebuild() {
	d := p.ctx.Data
	keep := p.current()
	var arts []int
	for a := range d.Corpus.Articles {
		if p.matches(a) {
			arts = append(arts, a)
		}
	}
	p.rows = p.rows[:0]
	keyOf := func(a int) string { return "" }
	switch pickGroupings[p.group] {
	case "outlet":
		keyOf = func(a int) string { return oneLine(d.article(a).DisplayOutlet()) }
	case "date":
		keyOf = func(a int) string { return d.article(a).DisplayDate() }
	}
	groups := map[string][]int{}
	var order []string
	for _, a := range arts {
		k := keyOf(a)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], a)
	}
	if pickGroupings[p.group] == "date" {
		// Oldest first, undated last; "~" (approximate) sorts with its day.
		sort.SliceStable(order, func(i, j int) bool {
			a, b := strings.TrimPrefix(order[i], "~"), strings.TrimPrefix(order[j], "~")
			if (a == "undated") != (b == "undated") {
				return b == "undated"
			}
			return a < b
		})
	}
	for _, g := range order {
		if g != "" {
			p.rows = append(p.rows, pickRow{header: g, article: -1})
		}
		for _, a := range groups[g] {
			p.rows = append(p.rows, pickRow{article: a})
		}
	}
	p.cursor = 0
	if keep >= 0 {
		p.moveTo(keep)
	}
	p.move(0)
}

// current is the article under the cursor, or -1.
func (p pickerModel) current() int {
	if p.cursor < 0 || p.cursor >= len(p.rows) {
		return -1
	}
	return p.rows[p.cursor].article
}

// moveTo puts the cursor on article a when it is listed.
func (p *pickerModel) moveTo(a int) {
	for i, r := range p.rows {
		if r.article == a {
			p.cursor = i
		}
	}
	p.scroll()
}

// move moves the cursor by dir articles (0: onto the nearest one).
func (p *pickerModel) move(dir int) {
	step := dir
	if step == 0 {
		step = 1
	}
	c := max(0, min(p.cursor+dir, len(p.rows)-1))
	for c >= 0 && c < len(p.rows) && p.rows[c].article < 0 {
		c += step
	}
	if c < 0 || c >= len(p.rows) {
		// No article that way: the nearest one the other way.
		c = max(0, min(p.cursor, len(p.rows)-1))
		for c >= 0 && c < len(p.rows) && p.rows[c].article < 0 {
			c -= step
		}
	}
	if c >= 0 && c < len(p.rows) {
		p.cursor = c
	}
	p.scroll()
}

// headHeight is the lines above the list: title, hint, and the filter
// input while it is open.
func (p pickerModel) headHeight() int {
	if p.filter.open {
		return 3
	}
	return 2
}

// listHeight is the rows of the list: the area less the head and the
// position line.
func (p pickerModel) listHeight() int { return max(p.height-p.headHeight()-1, 1) }

func (p *pickerModel) scroll() {
	h := p.listHeight()
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+h {
		p.top = p.cursor - h + 1
	}
	if p.top > 0 && p.top == p.cursor && p.rows[p.top-1].article < 0 && h > 1 {
		p.top-- // the group's heading above its first article
	}
	p.top = max(0, min(p.top, max(len(p.rows)-h, 0)))
}

// listed are the articles the filter shows.
func (p pickerModel) listed() []int {
	var out []int
	for _, r := range p.rows {
		if r.article >= 0 {
			out = append(out, r.article)
		}
	}
	return out
}

// chosen counts the articles shown in the read view.
func (r readModel) chosen() int {
	n := 0
	for _, s := range r.shown {
		if s {
			n++
		}
	}
	return n
}

// updatePicker handles keys while the picker is open.
func (r *readModel) updatePicker(msg tea.Msg) tea.Cmd {
	k := r.ctx.Keys
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		if r.picker.filter.open {
			cmd, _ := r.picker.filter.Update(msg) // the cursor's blink
			return cmd
		}
		return nil
	}
	p := &r.picker
	if len(r.shown) == 0 {
		r.picking = false
		return nil
	}
	if p.filter.open {
		cmd, changed := p.filter.Update(km)
		if changed {
			p.rebuild()
		}
		p.scroll()
		return cmd
	}
	if c, ok := moveList(k, km, p.cursor, len(p.rows), p.listHeight()); ok {
		dir := 1
		if c < p.cursor {
			dir = -1
		}
		p.cursor = c
		if p.current() < 0 {
			p.move(dir) // off a group's heading
		}
		p.scroll()
		return nil
	}
	a := p.current()
	switch {
	case key.Matches(km, k.Back) && p.filter.Value() != "":
		// esc clears the filter first, as in lazygit; then closes.
		p.filter.Clear()
		p.rebuild()
	case key.Matches(km, k.Back), key.Matches(km, k.Choose), key.Matches(km, k.Confirm):
		if r.chosen() == 0 {
			r.said = fmt.Sprintf("no article chosen: %s chooses the one under the cursor, %s all", k.Toggle.Help().Key, k.SelectAll.Help().Key)
			break
		}
		r.picking = false
		r.rebuildOrder()
		r.setFocus(r.focus)
	case key.Matches(km, k.Search):
		cmd := p.filter.Open()
		p.scroll()
		return cmd
	case key.Matches(km, k.Sort):
		p.group = (p.group + 1) % len(pickGroupings)
		p.rebuild()
	case key.Matches(km, k.SelectAll), key.Matches(km, k.SelectNone), key.Matches(km, k.SelectInvert):
		for _, i := range p.listed() {
			switch {
			case key.Matches(km, k.SelectAll):
				r.shown[i] = true
			case key.Matches(km, k.SelectNone):
				r.shown[i] = false
			default:
				r.shown[i] = !r.shown[i]
			}
		}
	case a < 0:
	case key.Matches(km, k.Toggle):
		// A pin left without a shown article ends when the chooser
		// closes (rebuildOrder).
		r.shown[a] = !r.shown[a]
	case key.Matches(km, k.Pin):
		if r.pinned(a) && r.shown[a] {
			r.ref = -1
		} else {
			r.ref = r.unitOf(a) // its column
			r.shown[a] = true
		}
	case key.Matches(km, k.Quit):
		return tea.Quit
	}
	return nil
}

// viewWith lists the articles with their chosen and reference marks.
func (p pickerModel) viewWith(r readModel) string {
	st := r.ctx.Styles
	k := r.ctx.Keys
	w := p.width
	title := fmt.Sprintf("Choose articles · %d of %d chosen", r.chosen(), len(r.shown))
	if q := strings.TrimSpace(p.filter.Value()); q != "" {
		title += fmt.Sprintf(" · %d match “%s”", len(p.listed()), oneLine(q))
	}
	if g := pickGroupings[p.group]; g != "none" {
		title += " · by " + g
	}
	lines := []string{
		st.PanelTitle.Render(ellipsize(title, w)),
		st.Muted.Render(ellipsize(fmt.Sprintf("Chosen articles get a column; the pinned one (◆, %s) stays leftmost.", k.Pin.Help().Key), w)),
	}
	if p.filter.open {
		lines = append(lines, fit(p.filter.View(), w))
	}
	h := p.listHeight()
	for i := p.top; i < len(p.rows) && i < p.top+h; i++ {
		row := p.rows[i]
		if row.header != "" {
			n, c := 0, 0
			for _, o := range p.rows[i+1:] {
				if o.article < 0 {
					break
				}
				n++
				if r.shown[o.article] {
					c++
				}
			}
			lines = append(lines, st.Accent.Render(ellipsize(fmt.Sprintf("%s (%d of %d chosen)", oneLine(row.header), c, n), w)))
			continue
		}
		art := r.ctx.Data.article(row.article)
		box := "[ ]"
		if r.shown[row.article] {
			box = "[x]"
		}
		ref := "  "
		if r.shown[row.article] && r.pinned(row.article) {
			ref = "◆ "
		}
		date := fit(art.DisplayDate(), 11)
		mark := "  "
		if i == p.cursor {
			mark = "› "
		}
		edited := r.ctx.editedMark(r.ctx.Data, row.article)
		if edited != "" {
			edited += " "
		}
		line := fmt.Sprintf("%s%s %s%s %s  %s%s", mark, box, ref, fit(ellipsize(oneLine(art.DisplayOutlet()), 16), 16), date, edited, oneLine(art.Title))
		line = fit(ellipsize(line, w), w)
		if i == p.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	if len(p.rows) == 0 {
		lines = append(lines, st.Muted.Render(ellipsize("No article matches the filter.", w)))
	}
	for len(lines) < p.height-1 {
		lines = append(lines, "")
	}
	// Where the list is: the articles on screen, of how many listed.
	pos := ""
	if len(p.rows) > h {
		end := min(p.top+h, len(p.rows))
		first, last, n := 0, 0, 0
		for i, row := range p.rows {
			if row.article < 0 {
				continue
			}
			n++
			if i >= p.top && i < end {
				if first == 0 {
					first = n
				}
				last = n
			}
		}
		pos = fmt.Sprintf("articles %d–%d of %d listed", first, last, n)
		switch {
		case p.top > 0 && end < len(p.rows):
			pos += " ↑↓"
		case p.top > 0:
			pos += " ↑"
		default:
			pos += " ↓"
		}
	}
	lines = append(lines, st.Muted.Render(ellipsize(pos, w)))
	return fitBlock(strings.Join(lines, "\n"), w, p.height)
}

// ShortHelp is the picker's footer help.
func (p pickerModel) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	if p.filter.open {
		return p.filter.help()
	}
	return []key.Binding{helpAs(k.Toggle, "choose"), helpAs(k.Search, "filter"), helpAs(k.SelectAll, "all"), helpAs(k.SelectNone, "none"), helpAs(k.SelectInvert, "invert"), helpAs(k.Sort, "group"), k.Pin, helpAs(k.Confirm, "done"), k.Help}
}

// FullHelp is the picker's full help.
func (p pickerModel) FullHelp() [][]key.Binding {
	k := p.ctx.Keys
	if p.filter.open {
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp},
		{helpAs(k.Toggle, "choose / leave out"), k.SelectAll, k.SelectNone, k.SelectInvert, k.Pin},
		{helpAs(k.Search, "filter the list"), helpAs(k.Sort, "group by outlet / date / none"), helpAs(k.Confirm, "done"), helpAs(k.Back, "done")},
	}
}
