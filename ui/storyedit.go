package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Correcting the stories from the Stories view: m moves an article to
// another story (or one of its own), M merges the story with another, s
// splits chosen articles off into a new story. Each is a chooser inside
// the view; confirming asks the root to save the correction in the notes
// file (saveCorrectionMsg), after which the stories are grouped again
// (corrections.go).

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
	step        editStep
	story       compare.Story // the story being corrected
	num         int           // its number in the list
	article     string        // the article to move (editMoveWhere)
	items       []editItem
	picked      map[int]bool // the articles chosen to split off
	cursor, top int
}

// saveCorrectionMsg asks the root to save a story correction.
type saveCorrectionMsg struct{ c notes.Correction }

func (e storyEdit) active() bool { return e.step != editNone }

// updateEditKey starts a correction of the story under the cursor for m,
// M or s; other keys do nothing.
func (s storiesModel) updateEditKey(msg tea.KeyMsg) (storiesModel, tea.Cmd) {
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
		return s, nil
	}
	r := s.rows[s.cursor]
	res := s.result()
	st, ok := findStory(res, r.story)
	if r.kind != rowStory || !ok {
		s.msg = "choose a story (a numbered row) to correct"
		return s, nil
	}
	e := storyEdit{step: step, story: st, num: r.num}
	switch step {
	case editMoveWhich:
		if len(st.Articles) == 1 {
			e.article = st.Articles[0]
			e.step = editMoveWhere
		}
	case editMergeWith:
		if len(res.Stories) < 2 {
			s.msg = "there is no other story to merge with"
			return s, nil
		}
	case editSplitWhich:
		if len(st.Articles) < 2 {
			s.msg = "a story of one article cannot be split: m moves it to another story"
			return s, nil
		}
		e.picked = map[int]bool{}
	}
	e.items = s.editItems(e)
	s.edit = e
	return s, nil
}

// editItems lists what a step chooses from.
func (s storiesModel) editItems(e storyEdit) []editItem {
	res := s.result()
	all := s.ctx.All
	var items []editItem
	switch e.step {
	case editMoveWhich, editSplitWhich:
		for _, id := range byReport(all, e.story.Articles) {
			items = append(items, editItem{id: id, label: strings.TrimSpace(s.articleLine(all, id, 1000))})
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

// editTitle says what the chooser asks.
func (s storiesModel) editTitle() string {
	e := s.edit
	label := "story " + fmt.Sprint(e.num) + " “" + ellipsize(oneLine(e.story.Label), 40) + "”"
	switch e.step {
	case editMoveWhich:
		return "Move which article of " + label + "?"
	case editMoveWhere:
		return "Move “" + ellipsize(s.articleTitle(e.article), 40) + "” to which story?"
	case editMergeWith:
		return "Merge " + label + " with which story?"
	case editSplitWhich:
		return "Split which articles off " + label + " into a new story?"
	}
	return ""
}

// articleTitle is an article's title, or its id.
func (s storiesModel) articleTitle(id string) string {
	if ai, ok := s.ctx.All.artIndex[id]; ok {
		return oneLine(s.ctx.All.article(ai).Title)
	}
	return oneLine(id)
}

// editHeight is the chooser's rows on screen.
func (s storiesModel) editHeight() int { return max(s.height-4, 1) }

// updateEdit handles keys while the chooser is open.
func (s storiesModel) updateEdit(msg tea.Msg) (storiesModel, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	k := s.ctx.Keys
	e := &s.edit
	if c, ok := moveList(k, km, e.cursor, len(e.items), s.editHeight()); ok {
		e.cursor = c
		e.scroll(s.editHeight())
		return s, nil
	}
	switch {
	case key.Matches(km, k.Back):
		s.edit = storyEdit{}
		s.msg = "correction cancelled"
	case key.Matches(km, k.Toggle) && e.step == editSplitWhich:
		e.picked[e.cursor] = !e.picked[e.cursor]
	case key.Matches(km, k.Confirm) && len(e.items) > 0:
		return s.confirmEdit()
	}
	return s, nil
}

func (e *storyEdit) scroll(h int) {
	if e.cursor < e.top {
		e.top = e.cursor
	}
	if e.cursor >= e.top+h {
		e.top = e.cursor - h + 1
	}
}

// confirmEdit takes the choice: the next step, or the correction to save.
func (s storiesModel) confirmEdit() (storiesModel, tea.Cmd) {
	e := s.edit
	it := e.items[e.cursor]
	res := s.result()
	var c notes.Correction
	switch e.step {
	case editMoveWhich:
		e.article, e.step, e.cursor, e.top = it.id, editMoveWhere, 0, 0
		e.items = s.editItems(e)
		s.edit = e
		return s, nil
	case editMoveWhere:
		what := "“" + ellipsize(s.articleTitle(e.article), 40) + "”"
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
			s.msg = "choose the articles to split off with " + s.ctx.Keys.Toggle.Help().Key + " first"
			return s, nil
		case len(ids) == len(e.items):
			s.msg = "splitting every article off leaves the story as it is: leave one out"
			return s, nil
		}
		c = notes.Correction{Kind: notes.CorrectSplit, Articles: ids,
			Description: fmt.Sprintf("split %s off story %d “%s”", plural(len(ids), "article"), e.num, ellipsize(oneLine(e.story.Label), 40))}
	}
	s.edit = storyEdit{}
	return s, func() tea.Msg { return saveCorrectionMsg{c: c} }
}

// editView draws the chooser in the Stories view's area.
func (s storiesModel) editView() string {
	st := s.ctx.Styles
	e := s.edit
	var lines []string
	for _, l := range wrapText(s.editTitle(), s.width) {
		lines = append(lines, st.Bold.Render(l))
	}
	lines = lines[:min(len(lines), 2)]
	h := max(s.height-len(lines)-2, 1)
	e.scroll(h)
	for i := e.top; i < len(e.items) && i < e.top+h; i++ {
		box := ""
		if e.step == editSplitWhich {
			box = "[ ] "
			if e.picked[i] {
				box = "[x] "
			}
		}
		line := fit("  "+box+ellipsize(e.items[i].label, max(s.width-2-len(box), 1)), s.width)
		if i == e.cursor {
			line = st.RowSelected.Render(ansi.Strip(line))
		}
		lines = append(lines, line)
	}
	for len(lines) < s.height-1 {
		lines = append(lines, "")
	}
	hint := "enter: choose · esc: cancel · saved in the notes file; u undoes"
	if e.step == editSplitWhich {
		hint = "space: choose · enter: split them off · esc: cancel · u undoes"
	}
	lines = append(lines, st.Muted.Render(ellipsize(hint, s.width)))
	return fitBlock(strings.Join(lines, "\n"), s.width, s.height)
}

// editHelp is the chooser's key help.
func (s storiesModel) editHelp() []key.Binding {
	k := s.ctx.Keys
	keys := []key.Binding{k.Down, k.Up}
	if s.edit.step == editSplitWhich {
		keys = append(keys, helpAs(k.Toggle, "choose article"))
	}
	return append(keys, helpAs(k.Confirm, "confirm"), helpAs(k.Back, "cancel"))
}

// sameCorrections reports whether two lists of corrections are equal.
func sameCorrections(a, b []compare.Correction) bool {
	return slices.EqualFunc(a, b, func(x, y compare.Correction) bool {
		return x.Kind == y.Kind && x.Article == y.Article && x.Target == y.Target && slices.Equal(x.Articles, y.Articles)
	})
}
