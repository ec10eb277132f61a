package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The chooser dialog: pick a tag or create one (a filter box and a
// "create" row), or pick from a list. It answers chosenMsg (and, where
// the list's items can be removed, removeChosenMsg) to the page that
// opened it.

// chooseItem is one entry of the chooser.
type chooseItem struct {
	name, desc, colour string
	note               string // note id, for a sentence's tag list
	uses               int    // passages with the tag (chooser.counts)
}

// chooser is the open chooser.
type chooser struct {
	ctx           *Context
	width, height int
	to            viewID
	req           any
	title         string
	// hint is the keys the line under the title names.
	hint []key.Binding
	// quote is the passage the chooser is about, shown under the title.
	quote string

	counts bool // items are tags with their uses: most used first, counts shown
	items  []chooseItem
	shown  []int // indices of items matching the filter
	cursor int
	filter bool // a text filter is shown
	create bool // enter on a name no item has creates it
	// createAs names what the create row does ("" for "create and apply
	// new tag").
	createAs string
	// removable: d asks to remove the item under the cursor.
	removable bool

	input textinput.Model
	// draft keeps the text typed when esc cancels, where it can name a
	// new tag (create).
	draft draft
}

// newChooser returns a chooser over items that answers to page to about
// req; with filter, a filter box takes the keys and, with create, enter on
// a name no item has creates it.
func newChooser(ctx *Context, to viewID, req any, title string, items []chooseItem, filter, create bool) (*chooser, tea.Cmd) {
	k := ctx.Keys
	c := &chooser{ctx: ctx, to: to, req: req, title: title, items: items, filter: filter, create: create,
		hint: []key.Binding{helpAs(k.Confirm, "choose"), helpAs(k.Back, "cancel")}}
	var text string
	if filter && create {
		c.draft, text = openDraft(ctx, req, "", "the tag name")
	}
	c.input = newInput(ctx, text, "type to filter or name a new tag")
	c.refilter()
	if filter {
		return c, c.input.Focus()
	}
	return c, nil
}

// newTagChooser returns a chooser of the codebook's tags, most used
// first, to tag the passage quote with; a name typed that no tag has
// creates it.
func newTagChooser(ctx *Context, to viewID, req any, title, quote string) (*chooser, tea.Cmd) {
	c, cmd := newChooser(ctx, to, req, title, ctx.notes.tagItems(), true, true)
	k := ctx.Keys
	c.counts, c.quote = true, quote
	c.hint = []key.Binding{helpPair(k.ItemUp, k.ItemDown, "choose"), helpAs(k.Confirm, "apply, or create the new name"), helpAs(k.Back, "cancel")}
	c.refilter()
	return c, cmd
}

// newInput is a dialog's one-line input, holding value.
func newInput(ctx *Context, value, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "> "
	ti.Placeholder = placeholder
	ctx.Styles.styleInput(&ti)
	ti.SetValue(value)
	ti.CursorEnd()
	return ti
}

// inputWidth is the width of a dialog's one-line input in a w cells wide
// window.
func inputWidth(w int) int { return max(w-6, 10) }

// resizeInput sets an input's width and scrolls its text anew for it: the
// input only rescrolls when its cursor leaves the visible stretch, which
// would keep the old, narrower stretch on screen.
func resizeInput(ti *textinput.Model, w int) {
	if ti.Width == w {
		return
	}
	ti.Width = w
	pos := ti.Position()
	ti.SetCursor(0)
	ti.SetCursor(pos)
}

// SetSize sets the chooser's area.
func (d *chooser) SetSize(w, h int) {
	d.width, d.height = w, h
	resizeInput(&d.input, inputWidth(w))
}

func (d *chooser) typing() bool { return d.filter }

// refilter recomputes the chooser's matches.
func (d *chooser) refilter() {
	q := strings.TrimSpace(d.input.Value())
	type scored struct{ i, tier, uses, score int }
	var ss []scored
	for i, it := range d.items {
		if sc, ok := fuzzyScore(q, it.name); ok || !d.filter {
			ss = append(ss, scored{i, matchTier(q, it.name), it.uses, sc})
		}
	}
	if d.filter && (q != "" || d.counts) {
		// The name typed in full first, then how well the rest match (a
		// start before an inside before scattered letters), and among
		// equals the most used: "bl" offers blame/us, on 12 passages,
		// before the parent blame that tagging it created, on none.
		sort.SliceStable(ss, func(a, b int) bool {
			x, y := ss[a], ss[b]
			switch {
			case x.tier != y.tier:
				return x.tier < y.tier
			case x.uses != y.uses:
				return x.uses > y.uses
			}
			return x.score > y.score
		})
	}
	d.shown = d.shown[:0]
	for _, s := range ss {
		d.shown = append(d.shown, s.i)
	}
	d.cursor = max(0, min(d.cursor, d.rowCount()-1))
	if q != "" {
		d.cursor = 0 // the best match, else the create row
	}
}

// matchTier ranks how q matches a tag name: 0 the whole name (or no q),
// 1 the start of the name or of one of its parts ("us" in blame/us), 2
// somewhere inside, 3 only as scattered letters.
func matchTier(q, name string) int {
	q, name = strings.ToLower(q), strings.ToLower(name)
	switch {
	case q == "" || q == name:
		return 0
	case strings.HasPrefix(name, q):
		return 1
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, q) {
			return 1
		}
	}
	if strings.Contains(name, q) {
		return 2
	}
	return 3
}

// fuzzyScore matches q as a case-insensitive subsequence of s: consecutive
// letters and word starts score higher. ok is false when q is not in s.
func fuzzyScore(q, s string) (int, bool) {
	if q == "" {
		return 0, true
	}
	qr := []rune(strings.ToLower(q))
	sr := []rune(strings.ToLower(s))
	score, qi, prev := 0, 0, -2
	for i, r := range sr {
		if qi < len(qr) && r == qr[qi] {
			score++
			if i == prev+1 {
				score += 3
			}
			if i == 0 || !unicode.IsLetter(sr[i-1]) {
				score += 2
			}
			prev = i
			qi++
		}
	}
	if qi < len(qr) {
		return 0, false
	}
	if strings.EqualFold(q, s) {
		score += 100
	}
	return score - len(sr)/8, true
}

// Update handles a key in the chooser.
func (d *chooser) Update(msg tea.Msg) (layer, tea.Cmd) {
	km, isKey := msg.(tea.KeyMsg)
	k, nk := d.ctx.Keys, d.ctx.notes.keys
	if !isKey {
		if d.filter {
			var cmd tea.Cmd
			d.input, cmd = d.input.Update(msg) // the cursor's blink
			return d, cmd
		}
		return d, nil
	}
	switch {
	case key.Matches(km, k.Back):
		d.draft.keep(d.input.Value())
		return nil, nil
	case key.Matches(km, k.Confirm):
		q := strings.TrimSpace(d.input.Value())
		if d.createRow() && d.cursor >= len(d.shown) {
			if err := notes.ValidateName(q); err != nil {
				return d, say("not a tag name: " + err.Error())
			}
			d.draft.drop()
			return nil, answer(chosenMsg{to: d.to, req: d.req, item: chooseItem{name: q}, isNew: true})
		}
		if len(d.shown) == 0 {
			return d, nil
		}
		d.draft.drop()
		return nil, answer(chosenMsg{to: d.to, req: d.req, item: d.items[d.shown[d.cursor]]})
	case key.Matches(km, k.ItemDown), !d.filter && key.Matches(km, k.Down):
		d.cursor = max(min(d.cursor+1, d.rowCount()-1), 0)
		return d, nil
	case key.Matches(km, k.ItemUp), !d.filter && key.Matches(km, k.Up):
		d.cursor = max(d.cursor-1, 0)
		return d, nil
	case !d.filter && isMove(k, km), d.filter && (km.Type == tea.KeyPgDown || km.Type == tea.KeyPgUp):
		// g, G, home, end and half pages; with a filter box, whose
		// editing keys these are, only page up and down.
		d.cursor, _ = moveList(k, km, d.cursor, d.rowCount(), d.height-5)
		return d, nil
	case d.removable && !d.filter && key.Matches(km, nk.Delete):
		if len(d.shown) == 0 {
			return d, nil
		}
		return nil, answer(removeChosenMsg{to: d.to, req: d.req, item: d.items[d.shown[d.cursor]]})
	case key.Matches(km, k.Quit) && !d.filter:
		return nil, nil
	}
	var cmd tea.Cmd
	if d.filter {
		d.input, cmd = d.input.Update(msg)
		d.refilter()
	}
	return d, cmd
}

// createRow reports whether the chooser offers to create the typed name,
// as a last row after the matches.
func (d *chooser) createRow() bool {
	q := strings.TrimSpace(d.input.Value())
	return d.create && q != "" && !d.hasItem(q)
}

// rowCount is the number of chooser rows, the create row included.
func (d *chooser) rowCount() int {
	if d.createRow() {
		return len(d.shown) + 1
	}
	return len(d.shown)
}

func (d *chooser) hasItem(name string) bool {
	for _, it := range d.items {
		if it.name == name {
			return true
		}
	}
	return false
}

// View draws the chooser: the title, the passage, the hint, the filter
// and the rows on screen.
func (d *chooser) View() string {
	st := d.ctx.Styles
	w, h := d.width, d.height
	hint := keyHints(d.draft.keys(d.input.Value(), d.hint...)...)
	head := func(quoteLines int, spaced bool) []string {
		lines := dialogHead(st, d.title, d.quote, hint, w, false, quoteLines)
		if d.filter {
			lines = append(lines, d.input.View())
			if spaced {
				lines = append(lines, "")
			}
		}
		return lines
	}
	lines := head(3, true)
	// On a short screen the passage and the spacing give way to the list:
	// one line of the passage, so that three rows to choose from stay in
	// sight.
	if want := min(3, d.rowCount()); h-len(lines)-1 < want {
		lines = head(1, false)
	}
	rows := max(h-len(lines)-1, 1)
	top := max(0, d.cursor-rows+1)
	for i := top; i < len(d.shown) && i < top+rows; i++ {
		it := d.items[d.shown[i]]
		sw := tagStyle(st, it.colour).Render("▐")
		mark := " "
		if i == d.cursor {
			mark = "›"
		}
		line := fmt.Sprintf("%s%s %s", mark, sw, it.name)
		if d.counts {
			line += st.Muted.Render(" · " + plural(it.uses, "passage"))
		}
		if it.desc != "" {
			line += st.Muted.Render("  " + oneLine(it.desc))
		}
		line = fit(ellipsize(line, w), w)
		if i == d.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	if d.createRow() {
		mark := " "
		if d.cursor >= len(d.shown) {
			mark = "›"
		}
		what := d.createAs
		if what == "" {
			what = "create and apply new tag"
		}
		line := fit(ellipsize(mark+"+ "+what+" “"+strings.TrimSpace(d.input.Value())+"”", w), w)
		if d.cursor >= len(d.shown) {
			line = st.RowSelected.Render(line)
		} else {
			line = st.Accent.Render(line)
		}
		lines = append(lines, line)
	}
	if d.rowCount() == 0 {
		empty := "nothing here"
		if d.create {
			empty = "No tags yet: type a name and press " + d.ctx.Keys.Confirm.Help().Key + " to create it."
		}
		lines = append(lines, st.Muted.Render(ellipsize(empty, w)))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// dialogHead is the top of a dialog: its title (wrapped whole when it is a
// question to read before answering, else cut to a line), the passage it
// is about in up to quoteLines lines (its middle elided), and its hint
// line.
func dialogHead(st *Styles, title, quote, hint string, w int, wrap bool, quoteLines int) []string {
	lines := []string{st.PanelTitle.Render(ellipsize(title, w))}
	if wrap {
		lines = lines[:0]
		for _, l := range wrapText(title, w) {
			lines = append(lines, st.PanelTitle.Render(l))
		}
	}
	if quote != "" {
		ql := wrapText("“"+oneLine(quote)+"”", w)
		if n := max(quoteLines, 1); len(ql) > n {
			ql = append(ql[:n-1], ellipsizeMiddle(strings.Join(ql[n-1:], " "), w))
		}
		for _, l := range ql {
			lines = append(lines, st.Bold.Render(l))
		}
	}
	hl := hintLines(hint, w)
	for _, l := range hl {
		lines = append(lines, st.Muted.Render(l))
	}
	if len(hl) > 1 {
		return lines // the blank line gives way to the hint's second
	}
	return append(lines, "")
}

// hintLines lays a hint line ("enter: ok · esc: keep draft") out in w
// cells: one line when it fits, else two, broken between keys, the last
// key (what esc does) kept whole at the end.
func hintLines(hint string, w int) []string {
	if ansi.StringWidth(hint) <= w {
		return []string{hint}
	}
	parts := strings.Split(hint, " · ")
	if len(parts) < 2 {
		return []string{ellipsize(hint, w)}
	}
	first := parts[0]
	rest := parts[1:]
	for len(rest) > 1 && ansi.StringWidth(first+" · "+rest[0]) <= w {
		first += " · " + rest[0]
		rest = rest[1:]
	}
	last := rest[len(rest)-1]
	second := last
	if mid := strings.Join(rest[:len(rest)-1], " · "); mid != "" {
		second = ellipsize(mid, max(w-ansi.StringWidth(last)-3, 1)) + " · " + last
	}
	return []string{ellipsize(first, w), ellipsize(second, w)}
}

// ShortHelp is the chooser's keys.
func (d *chooser) ShortHelp() []key.Binding {
	k, nk := d.ctx.Keys, d.ctx.notes.keys
	if d.removable {
		return []key.Binding{k.Up, k.Down, k.Confirm, nk.Delete, k.Back}
	}
	return d.draft.keys(d.input.Value(), k.Confirm, k.Back)
}

// FullHelp is the chooser's keys: how to move (with a filter box, whose
// letters these are not), then what its hint line names.
func (d *chooser) FullHelp() [][]key.Binding {
	k := d.ctx.Keys
	move := []key.Binding{k.ItemUp, k.ItemDown}
	if !d.filter {
		move = []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp}
	}
	var acts []key.Binding
	for _, b := range d.draft.keys(d.input.Value(), d.hint...) {
		if !slices.ContainsFunc(move, func(m key.Binding) bool { return slices.Contains(m.Keys(), firstKey(b)) }) {
			acts = append(acts, b)
		}
	}
	return [][]key.Binding{move, acts}
}

// saveOnQuit keeps the name typed when ctrl+c quits.
func (d *chooser) saveOnQuit() tea.Cmd { return d.draft.quitSay(d.input.Value()) }

// codeItems lists the codebook for a chooser.
func codeItems(codes []notes.Code) []chooseItem {
	items := make([]chooseItem, len(codes))
	for i, c := range codes {
		items[i] = chooseItem{name: c.Name, desc: c.Description, colour: c.Colour}
	}
	return items
}
