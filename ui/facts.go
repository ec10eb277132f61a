package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// gotoFactMsg asks the root to show fact fi in the read view.
type gotoFactMsg struct{ fact int }

// factSort is an order of the facts view.
type factSort int

const (
	sortByNumber factSort = iota
	sortByOutlets
	sortByDiscrepancy
	sortByLabel
	numFactSorts
)

func (s factSort) String() string {
	return [...]string{"number", "most outlets", "discrepancies first", "label"}[s]
}

// factsModel is the coverage matrix: facts as rows, outlets as columns.
type factsModel struct {
	ctx           *Context
	width, height int

	sort     factSort
	onlyDisc bool
	filter   listFilter

	rows   []int // fact indices after filter and sort
	cursor int   // index into rows
	top    int
	colOff int // first outlet column shown
}

func newFactsModel(ctx *Context) *factsModel {
	f := &factsModel{ctx: ctx, filter: newListFilter(ctx, "filter: ", "words in the label or wording")}
	f.refresh()
	return f
}

// SetSize sets the facts view's area.
func (f *factsModel) SetSize(w, h int) tea.Cmd {
	f.width, f.height = w, h
	f.filter.SetWidth(max(w-12, 5))
	f.scroll()
	f.clampCols()
	return nil
}

// factCellW is the width of an outlet's column in the facts view.
const factCellW = 5

// outletCells is how many outlet columns the width has room for.
func (f factsModel) outletCells() int { return max((f.width/2)/factCellW, 1) }

// clampCols keeps the outlet columns' window full: paged (l) or widened
// past the last outlet, it showed one outlet where all had room.
func (f *factsModel) clampCols() {
	if f.ctx == nil || f.ctx.Data == nil {
		return
	}
	f.colOff = max(0, min(f.colOff, len(f.ctx.Data.Outlets)-f.outletCells()))
}

// columns is the outlets in the columns' order when nOut of them are
// shown: the corpus's order when all fit, else those carrying the most
// facts first — on a corpus of hundreds of outlets the first page in
// name order was outlets of one fact each, rows of dots.
func (f factsModel) columns(nOut int) []string {
	d := f.ctx.Data
	if f.colOff > 0 || nOut < len(d.Outlets) {
		return d.byFacts
	}
	return d.Outlets
}

// filterKey is / as the facts view uses it: it filters the facts.
func (f *factsModel) filterKey() (key.Binding, bool) {
	return helpAs(f.ctx.Keys.Search, "filter facts"), true
}

// openFilter opens the filter input, keeping what it holds.
func (f *factsModel) openFilter() tea.Cmd { return f.filter.Open() }

// back empties the filter, if there is one.
func (f *factsModel) back() (tea.Cmd, bool) {
	if !f.filter.Clear() {
		return nil, false
	}
	f.refresh()
	return say("filter cleared"), true
}

// capturing and typing report whether the filter input is open.
func (f *factsModel) capturing() bool { return f.filter.open }
func (f *factsModel) typing() bool    { return f.filter.open }

// refresh recomputes the visible rows from filter and sort.
func (f *factsModel) refresh() {
	d := f.ctx.Data
	q := f.filter.Query()
	f.rows = f.rows[:0]
	for i, fact := range d.Facts {
		if f.onlyDisc && len(fact.Discrepancies) == 0 {
			continue
		}
		if q != "" && !factMatches(fact.Label, fact.Members, q) {
			continue
		}
		f.rows = append(f.rows, i)
	}
	sort.SliceStable(f.rows, func(i, j int) bool {
		a, b := d.Facts[f.rows[i]], d.Facts[f.rows[j]]
		switch f.sort {
		case sortByOutlets:
			return len(a.Outlets) > len(b.Outlets)
		case sortByDiscrepancy:
			return len(a.Discrepancies) > len(b.Discrepancies)
		case sortByLabel:
			return foldCase(a.Label) < foldCase(b.Label)
		}
		return f.rows[i] < f.rows[j]
	})
	f.cursor = max(0, min(f.cursor, len(f.rows)-1))
	f.scroll()
}

func factMatches(label string, members []compare.Member, q string) bool {
	if strings.Contains(foldCase(label), q) {
		return true
	}
	for _, m := range members {
		if strings.Contains(foldCase(m.Text), q) {
			return true
		}
	}
	return false
}

// listHeight is the rows left for facts: the view minus the title, the
// column heads, the preview and the legend.
func (f *factsModel) listHeight() int { return max(f.height-4, 1) }

func (f *factsModel) scroll() {
	h := f.listHeight()
	if f.cursor < f.top {
		f.top = f.cursor
	}
	if f.cursor >= f.top+h {
		f.top = f.cursor - h + 1
	}
	f.top = max(0, min(f.top, max(len(f.rows)-h, 0)))
}

// Update handles the facts view's keys.
func (f *factsModel) Update(msg tea.Msg) tea.Cmd {
	k := f.ctx.Keys
	if f.filter.open {
		cmd, changed := f.filter.Update(msg)
		if changed {
			f.refresh()
		}
		return cmd
	}
	switch msg := msg.(type) {
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelDown:
			f.cursor = min(f.cursor+3, len(f.rows)-1)
		case tea.MouseButtonWheelUp:
			f.cursor = max(f.cursor-3, 0)
		case tea.MouseButtonLeft:
			if msg.Action == tea.MouseActionPress && msg.Y >= 2 && f.top+msg.Y-2 < len(f.rows) {
				f.cursor = f.top + msg.Y - 2
			}
		}
		f.scroll()
	case tea.KeyMsg:
		if c, ok := moveList(k, msg, f.cursor, len(f.rows), f.listHeight()); ok {
			f.cursor = c
			f.scroll()
			return nil
		}
		switch {
		case key.Matches(msg, k.Right), key.Matches(msg, k.NextCol):
			f.colOff++
			f.clampCols()
		case key.Matches(msg, k.Left), key.Matches(msg, k.PrevCol):
			f.colOff = max(f.colOff-1, 0)
		case key.Matches(msg, k.Sort):
			f.sort = (f.sort + 1) % numFactSorts
			f.refresh()
		case key.Matches(msg, k.OnlyDisc):
			f.onlyDisc = !f.onlyDisc
			f.refresh()
		case key.Matches(msg, k.Filter):
			return f.openFilter()
		case key.Matches(msg, k.Open):
			if fi, ok := f.current(); ok {
				return func() tea.Msg { return openWhyMsg{article: -1, sentence: -1, fact: fi} }
			}
		case key.Matches(msg, k.ReadFact):
			if fi, ok := f.current(); ok {
				return func() tea.Msg { return gotoFactMsg{fact: fi} }
			}
		}
		f.cursor = max(f.cursor, 0)
		f.scroll()
	}
	return nil
}

// current returns the fact under the cursor.
func (f factsModel) current() (int, bool) {
	if f.cursor < 0 || f.cursor >= len(f.rows) {
		return 0, false
	}
	return f.rows[f.cursor], true
}

// View renders the coverage matrix: only the rows on screen.
func (f factsModel) View() string {
	if f.width <= 0 || f.height <= 0 {
		return ""
	}
	st := f.ctx.Styles
	d := f.ctx.Data
	var lines []string
	// Title line: counts, sort, filter.
	title := fmt.Sprintf("%d of %d facts · sort: %s", len(f.rows), len(d.Facts), f.sort)
	if f.onlyDisc {
		title += " · only discrepancies"
	}
	if q := f.filter.Value(); q != "" && !f.filter.open {
		title += " · filter: " + oneLine(q)
	}
	lines = append(lines, st.Muted.Render(ellipsize(title, f.width)))

	// Columns: number, outlets count, flag, outlet marks, label.
	numW := max(gutterWidth(len(d.Facts)), 1) + 1
	const cellW = factCellW
	nOut := len(d.Outlets) - f.colOff
	nOut = max(0, min(nOut, (f.width/2)/cellW))
	outlets := f.columns(nOut)
	// A row: the number, " %3d " outlets, the flag and a space, the marks.
	const countW = 7
	labelW := max(f.width-numW-countW-nOut*cellW, 8)
	var head strings.Builder
	head.WriteString(fit("#", numW) + fit(" out", countW))
	for i := 0; i < nOut; i++ {
		head.WriteString(fit(d.short[outlets[f.colOff+i]], cellW))
	}
	more := ""
	if f.colOff+nOut < len(d.Outlets) || f.colOff > 0 {
		more = fmt.Sprintf(" (outlets %d-%d/%d, most facts first, %s)", f.colOff+1, f.colOff+nOut, len(d.Outlets), keyPair(f.ctx.Keys.Left, f.ctx.Keys.Right))
	}
	head.WriteString("label" + more)
	lines = append(lines, st.Label.Render(fit(ellipsize(head.String(), f.width), f.width)))

	if len(f.rows) == 0 {
		msg := "No shared facts."
		if !d.Findings.HasFacts {
			msg = "Shared facts were not computed for this corpus."
		} else if f.onlyDisc || f.filter.Value() != "" {
			msg = "No fact matches the filter."
		}
		lines = append(lines, st.Muted.Render(msg))
	}
	h := f.listHeight()
	for i := f.top; i < len(f.rows) && i < f.top+h; i++ {
		fi := f.rows[i]
		fact := d.Facts[fi]
		flag := " "
		if len(fact.Discrepancies) > 0 {
			flag = st.FactNumDisc.Render("!")
		}
		var b strings.Builder
		b.WriteString(fit(fmt.Sprint(factNumber(fi)), numW))
		b.WriteString(fmt.Sprintf(" %3d ", len(fact.Outlets)) + flag + " ")
		for j := 0; j < nOut; j++ {
			o := outlets[f.colOff+j]
			if d.factOutlets[fi][o] {
				b.WriteString(st.Present.Render("●") + "    ")
			} else {
				b.WriteString(st.Absent.Render("·") + "    ")
			}
		}
		b.WriteString(d.factLabel(fi, labelW))
		line := fit(b.String(), f.width)
		if i == f.cursor {
			line = st.RowSelected.Render(ansi.Strip(line))
		}
		lines = append(lines, line)
	}
	body := fitBlock(strings.Join(lines, "\n"), f.width, max(f.height-2, 0))
	// A preview of the selected fact: its first wording.
	preview := ""
	if fi, ok := f.current(); ok && len(d.Facts[fi].Members) > 0 {
		mb := d.Facts[fi].Members[0]
		preview = st.Bold.Render(outletName(mb.Outlet)+": ") + oneLine(mb.Text)
	}
	body += "\n" + fit(ellipsize(preview, f.width), f.width)
	// The legend, as much of it as fits, in words that are not cut.
	foot := ""
	for _, l := range []string{
		"● carries the fact  · does not  ! outlets disagree on a number or date",
		"● carries the fact  · does not  ! numbers or dates differ",
		"● carries  · does not  ! numbers differ",
		"● carries  · not  ! differ",
	} {
		if ansi.StringWidth(l) <= f.width {
			foot = st.Muted.Render(l)
			break
		}
	}
	if f.filter.open {
		foot = f.filter.View()
	}
	return body + "\n" + fit(foot, f.width)
}

// ShortHelp is the facts view's footer help.
func (f factsModel) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	if f.filter.open {
		return []key.Binding{k.Confirm, k.Back}
	}
	return []key.Binding{k.Down, k.Open, k.ReadFact, k.Sort, k.Filter, k.OnlyDisc}
}

// FullHelp is the facts view's full help.
func (f factsModel) FullHelp() [][]key.Binding {
	k := f.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp},
		{k.Left, k.Right, k.Open, k.ReadFact},
		{k.Sort, k.Filter, k.OnlyDisc},
		everyPageNotesKeys(f.ctx),
	}
}
