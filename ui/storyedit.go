package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Correcting the stories from the Stories view: m moves an article to
// another story (or one of its own), M merges the story with another, s
// splits chosen articles off into a new story. Each opens the correction
// chooser, a dialog; confirming asks the root to save the correction in
// the notes file (saveCorrectionMsg), after which the stories are grouped
// again (corrections.go).

// editStep is what the correction chooser is choosing.
type editStep int

const (
	editNone       editStep = iota
	editMoveWhich           // the article to move
	editMoveWhere           // the story to move it to
	editMergeWith           // the story to merge with
	editSplitWhich          // the articles to split off
)

// editItem is one row of the chooser: an article or a story (id), or a
// new story of its own (id "").
type editItem struct {
	id, label string
}

// storyEdit is the open correction chooser.
type storyEdit struct {
	ctx           *Context
	width, height int
	step          editStep
	story         compare.Story // the story being corrected
	num           int           // its number in the list
	article       string        // the article to move (editMoveWhere)
	items         []editItem
	picked        map[int]bool // the articles chosen to split off
	cursor, top   int
}

// saveCorrectionMsg asks the root to save a story correction.
type saveCorrectionMsg struct{ c notes.Correction }

// startEdit opens the correction chooser of the story under the cursor
// for m, M or s; other keys do nothing.
func (s *storiesModel) startEdit(msg tea.KeyMsg) tea.Cmd {
	sk := s.ctx.Keys.Stories
	var step editStep
	switch {
	case key.Matches(msg, sk.Move):
		step = editMoveWhich
	case key.Matches(msg, sk.Merge):
		step = editMergeWith
	case key.Matches(msg, sk.Split):
		step = editSplitWhich
	default:
		return nil
	}
	r := s.rows[s.cursor]
	res := s.result()
	st, ok := findStory(res, r.story)
	if r.kind != rowStory || !ok {
		return say("choose a story (a numbered row) to correct")
	}
	e := &storyEdit{ctx: s.ctx, step: step, story: st, num: r.num}
	switch step {
	case editMoveWhich:
		if len(st.Articles) == 1 {
			e.article = st.Articles[0]
			e.step = editMoveWhere
		}
	case editMergeWith:
		if len(res.Stories) < 2 {
			return say("there is no other story to merge with")
		}
	case editSplitWhich:
		if len(st.Articles) < 2 {
			return say("a story of one article cannot be split: " + s.ctx.Keys.Stories.Move.Help().Key + " moves it to another story")
		}
		e.picked = map[int]bool{}
	}
	e.items = e.choices()
	return openDialog(s.ctx, s.width, s.height, e, nil)
}

// choices lists what the step chooses from.
func (e *storyEdit) choices() []editItem {
	all := e.ctx.All
	res := all.Findings.Comparison
	var items []editItem
	switch e.step {
	case editMoveWhich, editSplitWhich:
		for _, id := range byReport(all, e.story.Articles) {
			items = append(items, editItem{id: id, label: strings.TrimSpace(articleLine(all, id, "", 1000))})
		}
	case editMoveWhere, editMergeWith:
		if e.step == editMoveWhere && len(e.story.Articles) > 1 {
			items = append(items, editItem{id: "", label: "a new story of its own"})
		}
		// The stories of the same thread first, then the others.
		var same, other []editItem
		for _, th := range res.Threads {
			for _, id := range th.Stories {
				st, ok := findStory(res, id)
				if !ok || id == e.story.ID {
					continue
				}
				n, _ := storyNumber(res, id)
				it := editItem{id: id, label: fmt.Sprintf("%d  %s  %s (%s)", n, storyDates(st), oneLine(st.Label), plural(len(st.Articles), "article"))}
				if st.Thread == e.story.Thread {
					same = append(same, it)
				} else {
					other = append(other, it)
				}
			}
		}
		items = append(append(items, same...), other...)
	}
	return items
}

// title says what the chooser asks.
func (e *storyEdit) title() string {
	label := "story " + fmt.Sprint(e.num) + " “" + ellipsize(oneLine(e.story.Label), 40) + "”"
	switch e.step {
	case editMoveWhich:
		return "Move which article of " + label + "?"
	case editMoveWhere:
		return "Move “" + ellipsize(e.articleTitle(e.article), 40) + "” to which story?"
	case editMergeWith:
		return "Merge " + label + " with which story?"
	case editSplitWhich:
		return "Split which articles off " + label + " into a new story?"
	}
	return ""
}

// articleTitle is an article's title, or its id.
func (e *storyEdit) articleTitle(id string) string {
	all := e.ctx.All
	if ai, ok := all.artIndex[id]; ok {
		return oneLine(all.article(ai).Title)
	}
	return oneLine(id)
}

// SetSize sets the chooser's area: the Stories page's.
func (e *storyEdit) SetSize(w, h int) { e.width, e.height = w, h }

// listHeight is the chooser's rows on screen.
func (e *storyEdit) listHeight() int { return max(e.height-4, 1) }

// Update handles keys while the chooser is open.
func (e *storyEdit) Update(msg tea.Msg) (layer, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return e, nil
	}
	k := e.ctx.Keys
	if c, ok := moveList(k, km, e.cursor, len(e.items), e.listHeight()); ok {
		e.cursor = c
		e.scroll(e.listHeight())
		return e, nil
	}
	switch {
	case key.Matches(km, k.Back):
		return nil, say("correction cancelled")
	case key.Matches(km, k.Toggle) && e.step == editSplitWhich:
		e.picked[e.cursor] = !e.picked[e.cursor]
	case key.Matches(km, k.Confirm) && len(e.items) > 0:
		return e.confirm()
	}
	return e, nil
}

func (e *storyEdit) scroll(h int) {
	if e.cursor < e.top {
		e.top = e.cursor
	}
	if e.cursor >= e.top+h {
		e.top = e.cursor - h + 1
	}
}

// confirm takes the choice: the next step, or the correction to save.
func (e *storyEdit) confirm() (layer, tea.Cmd) {
	it := e.items[e.cursor]
	res := e.ctx.All.Findings.Comparison
	var c notes.Correction
	switch e.step {
	case editMoveWhich:
		e.article, e.step, e.cursor, e.top = it.id, editMoveWhere, 0, 0
		e.items = e.choices()
		return e, nil
	case editMoveWhere:
		what := "“" + ellipsize(e.articleTitle(e.article), 40) + "”"
		if it.id == "" {
			c = notes.Correction{Kind: notes.CorrectSplit, Articles: []string{e.article},
				Description: "move " + what + " to a story of its own"}
			break
		}
		st, _ := findStory(res, it.id)
		n, _ := storyNumber(res, it.id)
		c = notes.Correction{Kind: notes.CorrectMove, Article: e.article, Target: st.Articles[0],
			Description: fmt.Sprintf("move %s to story %d “%s”", what, n, ellipsize(oneLine(st.Label), 40))}
	case editMergeWith:
		st, _ := findStory(res, it.id)
		n, _ := storyNumber(res, it.id)
		c = notes.Correction{Kind: notes.CorrectMerge, Article: e.story.Articles[0], Target: st.Articles[0],
			Description: fmt.Sprintf("merge story %d “%s” with story %d “%s”", e.num, ellipsize(oneLine(e.story.Label), 30), n, ellipsize(oneLine(st.Label), 30))}
	case editSplitWhich:
		var ids []string
		for i, item := range e.items {
			if e.picked[i] {
				ids = append(ids, item.id)
			}
		}
		switch {
		case len(ids) == 0:
			return e, say("choose the articles to split off with " + e.ctx.Keys.Toggle.Help().Key + " first")
		case len(ids) == len(e.items):
			return e, say("splitting every article off leaves the story as it is: leave one out")
		}
		c = notes.Correction{Kind: notes.CorrectSplit, Articles: ids,
			Description: fmt.Sprintf("split %s off story %d “%s”", plural(len(ids), "article"), e.num, ellipsize(oneLine(e.story.Label), 40))}
	}
	return nil, func() tea.Msg { return saveCorrectionMsg{c: c} }
}

// View draws the chooser in the Stories page's area.
func (e *storyEdit) View() string {
	st := e.ctx.Styles
	w, h := e.width, e.height
	var lines []string
	title := wrapText(e.title(), w)
	if len(title) > 2 {
		// Two lines at most, the second ending in an ellipsis: at 40
		// columns "…into a new story?" was dropped without one.
		title = []string{title[0], ellipsize(strings.Join(title[1:], " "), w)}
	}
	for _, l := range title {
		lines = append(lines, st.Bold.Render(l))
	}
	rows := max(h-len(lines)-2, 1)
	top := e.top
	if e.cursor < top {
		top = e.cursor
	}
	if e.cursor >= top+rows {
		top = e.cursor - rows + 1
	}
	for i := top; i < len(e.items) && i < top+rows; i++ {
		box := ""
		if e.step == editSplitWhich {
			box = "[ ] "
			if e.picked[i] {
				box = "[x] "
			}
		}
		line := fit("  "+box+ellipsize(e.items[i].label, max(w-2-len(box), 1)), w)
		if i == e.cursor {
			line = st.RowSelected.Render(ansi.Strip(line))
		}
		lines = append(lines, line)
	}
	for len(lines) < h-2 {
		lines = append(lines, "")
	}
	// Which rows are on screen, when not all are (the article chooser
	// says so too): a story's sixth article was below the page unsaid.
	pos := ""
	if n := len(e.items); n > rows {
		last := min(top+rows, n)
		pos = fmt.Sprintf("  %d–%d of %d", top+1, last, n)
		if top > 0 {
			pos += " ↑"
		}
		if last < n {
			pos += " ↓"
		}
	}
	lines = append(lines, st.Muted.Render(ellipsize(pos, w)))
	lines = append(lines, st.Muted.Render(ellipsize(e.hint(), w)))
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// hint is the line under the list: the keys, and that u undoes.
func (e *storyEdit) hint() string {
	k := e.ctx.Keys
	undo := e.ctx.notes.keys.Undo.Help().Key
	if e.step == editSplitWhich {
		return keyHints(helpAs(k.Toggle, "choose"), helpAs(k.Confirm, "split them off"), helpAs(k.Back, "cancel")) + " · " + undo + " undoes"
	}
	return keyHints(helpAs(k.Confirm, "choose"), helpAs(k.Back, "cancel")) + " · saved in the notes file; " + undo + " undoes"
}

// ShortHelp is the chooser's keys.
func (e *storyEdit) ShortHelp() []key.Binding {
	k := e.ctx.Keys
	keys := []key.Binding{k.Down, k.Up}
	if e.step == editSplitWhich {
		keys = append(keys, helpAs(k.Toggle, "choose article"))
	}
	return append(keys, helpAs(k.Confirm, "confirm"), helpAs(k.Back, "cancel"))
}

// FullHelp is the chooser's keys, every way of moving in its list
// included.
func (e *storyEdit) FullHelp() [][]key.Binding {
	k := e.ctx.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.HalfDown, k.HalfUp}, e.ShortHelp()[2:]}
}
